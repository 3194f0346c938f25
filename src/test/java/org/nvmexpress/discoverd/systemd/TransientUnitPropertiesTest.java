package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.DHCHAP;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.FC_DC;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.MAIN_VOL;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.params;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.systemd.PropertyValue.Commands;
import org.nvmexpress.discoverd.systemd.PropertyValue.Flag;
import org.nvmexpress.discoverd.systemd.PropertyValue.Text;
import org.nvmexpress.discoverd.systemd.PropertyValue.TextList;
import org.nvmexpress.discoverd.systemd.PropertyValue.UInt64;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/** The transient unit's properties: names, D-Bus types and order of reference §3.3. */
final class TransientUnitPropertiesTest {
    private static final StateScripts SCRIPTS = new StateScripts(StateScripts.RUNTIME_DIR, "/usr/sbin/nvme");
    private static final TransientUnitProperties PROPERTIES =
            new TransientUnitProperties(SCRIPTS, Duration.ofSeconds(300));
    private static final UnitName UNIT = new UnitName("nvme-discoverd-c7f645736db2.service");

    private static List<UnitProperty> build(Connector connector, UnitRequest request) {
        ConnectCommands commands = new ConnectCommands(connector, "/usr/sbin/nvme", "/usr/bin/nvme-discoverctl", SCRIPTS);
        return PROPERTIES.build(request, (ConnectPlan.Ready) commands.plan(request));
    }

    private static UnitProperty shell(String name, String script) {
        return new UnitProperty(name, new Commands(List.of(new ExecCommand("/bin/sh",
                List.of("/bin/sh", "-c", ExecCommand.literal(script)), true))));
    }

    /** Appendix A.3, property by property. */
    @Test
    void mainVolIsTheAppendixExample() {
        assertThat(build(Connector.NVME_CLI, UnitFixtures.mainVol())).containsExactly(
                new UnitProperty("Type", new Text("oneshot")),
                new UnitProperty("RemainAfterExit", new Flag(true)),
                new UnitProperty("Description",
                        new Text("NVMe I/O Controller nqn.2014-08.org.nvmexpress:main-vol @ 10.0.0.9:4420")),
                new UnitProperty("CollectMode", new Text("inactive-or-failed")),
                new UnitProperty("TimeoutStopUSec", new UInt64(300_000_000L)),
                new UnitProperty("Before", new TextList(List.of("nvme-discoverd.service"))),
                new UnitProperty("After", new TextList(List.of("network.target"))),
                new UnitProperty("ExecStart", new Commands(List.of(new ExecCommand("/usr/sbin/nvme", List.of(
                        "/usr/sbin/nvme", "connect", "--transport=tcp", "--traddr=10.0.0.9", "--trsvcid=4420",
                        "--nqn=nqn.2014-08.org.nvmexpress:main-vol", "--ctrl-loss-tmo=600", "--keep-alive-tmo=5",
                        "--tls", "--idempotent", "--owner=discoverd",
                        "--devid-file=/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid"), false)))),
                shell("ExecStartPost", SCRIPTS.afterStart(UNIT)),
                shell("ExecStop", SCRIPTS.stop(UNIT)),
                shell("ExecStopPost", SCRIPTS.afterStop(UNIT)));
    }

    @Test
    void wireTypesAreTheReferenceOnes() {
        assertThat(build(Connector.NVME_CLI, UnitFixtures.mainVol()))
                .extracting(p -> p.name() + " " + p.value().signature())
                .containsExactly("Type s", "RemainAfterExit b", "Description s", "CollectMode s", "TimeoutStopUSec t",
                        "Before as", "After as", "ExecStart a(sasb)", "ExecStartPost a(sasb)", "ExecStop a(sasb)",
                        "ExecStopPost a(sasb)");
    }

    @Test
    void fcUnitIsNotOrderedAfterTheNetwork() {
        List<UnitProperty> props = build(Connector.NVME_CLI, UnitFixtures.request(FC_DC, Role.DC, Params.EMPTY));
        assertThat(props).extracting(UnitProperty::name).containsExactly("Type", "RemainAfterExit", "Description",
                "CollectMode", "TimeoutStopUSec", "Before", "ExecStart", "ExecStartPost", "ExecStop", "ExecStopPost");
        assertThat(props.get(2).value()).isEqualTo(new Text("NVMe Discovery Controller "
                + "nqn.2014-08.org.nvmexpress.discovery @ nn-0x200000109b123456:pn-0x100000109b123456:none"));
    }

    @Test
    void disconnectTimeoutBecomesTimeoutStopUSec() {
        TransientUnitProperties quick = new TransientUnitProperties(SCRIPTS, Duration.ofSeconds(45));
        UnitRequest request = UnitFixtures.mainVol();
        ConnectCommands commands = new ConnectCommands(Connector.NVME_CLI, "/usr/sbin/nvme", "/x", SCRIPTS);
        assertThat(quick.build(request, (ConnectPlan.Ready) commands.plan(request)))
                .contains(new UnitProperty("TimeoutStopUSec", new UInt64(45_000_000L)));
    }

    @Test
    void builtinSecretsComeLastAsLoadCredentialPaths() {
        UnitRequest request = UnitFixtures.request(MAIN_VOL, Role.IOC, params("kxchap-secret", DHCHAP));
        List<UnitProperty> props = build(Connector.BUILTIN, request);
        assertThat(props).last().isEqualTo(new UnitProperty("LoadCredential", new PropertyValue.CredentialPaths(
                List.of(new PropertyValue.CredentialPath("dhchap-secret",
                        "/run/nvme/discoverd/credentials/nvme-discoverd-c7f645736db2/dhchap-secret")))));
        assertThat(props.get(props.size() - 1).value().signature()).isEqualTo("a(ss)");
        assertThat(props).extracting(UnitProperty::name).doesNotContain("SetCredential");
    }

    @Test
    void dollarSignsReachTheProgramLiterally() {
        UnitRequest request = UnitFixtures.request(MAIN_VOL, Role.IOC, params("tls-key-identity", "id${HOME}$x"));
        Commands start = (Commands) build(Connector.NVME_CLI, request).get(7).value();
        assertThat(start.commands().get(0).argv()).contains("--tls-key-identity=id$${HOME}$$x");
    }
}
