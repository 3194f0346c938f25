package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.DHCHAP;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.MAIN_VOL;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.params;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.tid.Role;

/** The connector's command line for both connectors (reference §3.4, ARCHITECTURE §6). */
final class ConnectCommandsTest {
    private static final StateScripts SCRIPTS = new StateScripts(StateScripts.RUNTIME_DIR, "/usr/sbin/nvme");
    private static final ConnectCommands NVME_CLI =
            new ConnectCommands(Connector.NVME_CLI, "/usr/sbin/nvme", "/usr/bin/nvme-discoverctl", SCRIPTS);
    private static final ConnectCommands BUILTIN =
            new ConnectCommands(Connector.BUILTIN, "/usr/sbin/nvme", "/usr/bin/nvme-discoverctl", SCRIPTS);

    private static ConnectPlan.Ready ready(ConnectPlan plan) {
        assertThat(plan).isInstanceOf(ConnectPlan.Ready.class);
        return (ConnectPlan.Ready) plan;
    }

    @Test
    void nvmeCliArgvIsTheReferenceExample() {
        ConnectPlan.Ready plan = ready(NVME_CLI.plan(UnitFixtures.mainVol()));
        assertThat(plan.command()).isEqualTo(new ExecCommand("/usr/sbin/nvme", List.of("/usr/sbin/nvme", "connect",
                "--transport=tcp", "--traddr=10.0.0.9", "--trsvcid=4420", "--nqn=nqn.2014-08.org.nvmexpress:main-vol",
                "--ctrl-loss-tmo=600", "--keep-alive-tmo=5", "--tls", "--idempotent", "--owner=discoverd",
                "--devid-file=/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid"), false));
        assertThat(plan.credentials()).isEmpty();
    }

    @Test
    void nbftConnectionIsOwnedByNbft() {
        UnitRequest nbft = new UnitRequest(MAIN_VOL, Role.IOC, true, ConnectOptions.of(MAIN_VOL, null, params()));
        assertThat(ready(NVME_CLI.plan(nbft)).command().argv()).contains("--owner=nbft")
                .doesNotContain("--owner=discoverd");
    }

    @Test
    void builtinRunsTheLauncherWithTheSameOptions() {
        ConnectPlan.Ready plan = ready(BUILTIN.plan(UnitFixtures.mainVol()));
        assertThat(plan.command()).isEqualTo(new ExecCommand("/usr/bin/nvme-discoverctl", List.of(
                "/usr/bin/nvme-discoverctl", "connect", "--transport=tcp", "--traddr=10.0.0.9", "--trsvcid=4420",
                "--nqn=nqn.2014-08.org.nvmexpress:main-vol", "--ctrl-loss-tmo=600", "--keep-alive-tmo=5", "--tls",
                "--idempotent", "--owner=discoverd",
                "--devid-file=/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid"), false));
    }

    @Test
    void builtinPassesSecretsAsCredentialsInConfigurationOrder() {
        UnitRequest request = UnitFixtures.request(MAIN_VOL, Role.IOC, params("tls-key", "NVMeTLSkey-1:01:abc:",
                "kxchap-ctrl-secret", "ctrl-secret", "kxchap-secret", DHCHAP, "keep-alive-tmo", "5"));
        ConnectPlan.Ready plan = ready(BUILTIN.plan(request));
        assertThat(plan.credentials()).containsExactly(
                new Credential("tls-key", "NVMeTLSkey-1:01:abc:".getBytes(StandardCharsets.UTF_8)),
                new Credential("dhchap-ctrl-secret", "ctrl-secret".getBytes(StandardCharsets.UTF_8)),
                new Credential("dhchap-secret", DHCHAP.getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.command().argv()).contains("--keep-alive-tmo=5")
                .noneMatch(arg -> arg.contains("NVMeTLSkey") || arg.contains("secret") || arg.contains("DHHC"));
    }

    @Test
    void nvmeCliRefusesLiteralSecretsNamingTheKeysAndTheRemedy() {
        UnitRequest request = UnitFixtures.request(MAIN_VOL, Role.IOC,
                params("kxchap-secret", DHCHAP, "tls-key", "NVMeTLSkey-1:01:abc:"));
        assertThat(NVME_CLI.plan(request)).isEqualTo(new ConnectPlan.Refused("not connecting: the configuration gives"
                + " 'kxchap-secret', 'tls-key' as a literal secret, which the nvme-cli connector would put on nvme"
                + " connect's command line for every local user to read; set 'connector = builtin' in"
                + " nvme-discoverd.conf (secrets then travel as systemd credentials) or refer to a key in the"
                + " kernel keyring instead"));
    }

    @Test
    void nvmeCliAcceptsAKeyringReference() {
        UnitRequest request = UnitFixtures.request(MAIN_VOL, Role.IOC,
                params("tls", "yes", "keyring", ".nvme", "tls-key-identity", "NVMe0R01 host subsys", "kxchap-secret", ""));
        assertThat(ready(NVME_CLI.plan(request)).command().argv())
                .contains("--tls", "--keyring=.nvme", "--tls-key-identity=NVMe0R01 host subsys");
    }

    @Test
    void autoMustBeResolvedFirst() {
        assertThatThrownBy(() -> new ConnectCommands(Connector.AUTO, "/usr/sbin/nvme", "/usr/bin/x", SCRIPTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("connector must be resolved, not auto");
    }
}
