package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.tid.Role;

final class ConnectCommandPreviewTest {
    private static UnitManagerSettings settings(Connector connector) {
        return new UnitManagerSettings(connector, "/usr/sbin/nvme", "/usr/bin/nvme-discoverctl", 64,
                Duration.ofSeconds(300), Duration.ofSeconds(25), Duration.ofMillis(250), Duration.ofSeconds(10),
                "unix:path=/x");
    }

    private static ConnectCommandPreview preview(Connector connector) {
        return ConnectCommandPreview.of(settings(connector), nvme -> {
            throw new AssertionError("an explicit connector is never probed");
        });
    }

    @Test
    void nvmeCliArgvIsTheCDaemonsAppendixA3Command() {
        ConnectCommandPreview.Preview p = preview(Connector.NVME_CLI).preview(UnitFixtures.mainVol());

        assertThat(p.argv()).containsExactly("/usr/sbin/nvme", "connect", "--transport=tcp", "--traddr=10.0.0.9",
                "--trsvcid=4420", "--nqn=nqn.2014-08.org.nvmexpress:main-vol", "--ctrl-loss-tmo=600",
                "--keep-alive-tmo=5", "--tls", "--idempotent", "--owner=discoverd",
                "--devid-file=/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid");
        assertThat(p.credentials()).isEmpty();
        assertThat(p.refusal()).isEmpty();
    }

    @Test
    void builtinGivesCredentialIdsNeverSecrets() {
        UnitRequest request = UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.IOC,
                UnitFixtures.params("kxchap-secret", UnitFixtures.DHCHAP));

        ConnectCommandPreview.Preview p = preview(Connector.BUILTIN).preview(request);

        assertThat(p.argv().get(0)).isEqualTo("/usr/bin/nvme-discoverctl");
        assertThat(p.argv()).noneMatch(a -> a.contains("DHHC-1"));
        assertThat(p.credentials()).containsExactly("dhchap-secret");
    }

    @Test
    void nvmeCliWithALiteralSecretIsRefused() {
        UnitRequest request = UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.IOC,
                UnitFixtures.params("kxchap-secret", UnitFixtures.DHCHAP));

        ConnectCommandPreview.Preview p = preview(Connector.NVME_CLI).preview(request);

        assertThat(p.argv()).isEmpty();
        assertThat(p.refusal()).hasValueSatisfying(r -> assertThat(r).contains("'kxchap-secret'")
                .doesNotContain("DHHC-1"));
    }

    @Test
    void autoIsResolvedByOneProbe() {
        List<String> probed = new ArrayList<>();
        ConnectCommandPreview preview = ConnectCommandPreview.of(settings(Connector.AUTO), nvme -> {
            probed.add(nvme);
            return false;
        });

        assertThat(preview.connector()).isEqualTo(Connector.BUILTIN);
        assertThat(preview.preview(UnitFixtures.mainVol()).argv().get(0)).isEqualTo("/usr/bin/nvme-discoverctl");
        assertThat(probed).containsExactly("/usr/sbin/nvme");
    }
}
