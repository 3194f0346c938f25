package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.DaemonConfig;

final class UnitManagerSettingsTest {

    @Test
    void busAddressComesFromTheEnvironmentWhenSet() {
        assertThat(UnitManagerSettings.of(DaemonConfig.DEFAULTS, "/usr/bin/nvme-discoverctl",
                Map.of("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/tmp/bus")).busAddress()).isEqualTo("unix:path=/tmp/bus");
        assertThat(UnitManagerSettings.of(DaemonConfig.DEFAULTS, "/usr/bin/nvme-discoverctl", Map.of()).busAddress())
                .isEqualTo("unix:path=/var/run/dbus/system_bus_socket");
        assertThat(UnitManagerSettings.of(DaemonConfig.DEFAULTS, "/x", Map.of("DBUS_SYSTEM_BUS_ADDRESS", "")).busAddress())
                .isEqualTo("unix:path=/var/run/dbus/system_bus_socket");
    }

    @Test
    void knobsComeFromTheDaemonConfig() {
        DaemonConfig config = DaemonConfig.DEFAULTS.withMaxPendingUnits(16).withDisconnectTimeoutSec(45)
                .withConnector(Connector.BUILTIN).withNvmePath("/opt/nvme");
        UnitManagerSettings settings = UnitManagerSettings.of(config, "/usr/bin/nvme-discoverctl", Map.of());
        assertThat(settings.maxPendingUnits()).isEqualTo(16);
        assertThat(settings.disconnectTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.connector()).isEqualTo(Connector.BUILTIN);
        assertThat(settings.nvmePath()).isEqualTo("/opt/nvme");
        assertThat(settings.launcherPath()).isEqualTo("/usr/bin/nvme-discoverctl");
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void theRootIsSlashUnlessGivenAndMustBeAbsolute() {
        UnitManagerSettings settings = UnitManagerSettings.of(DaemonConfig.DEFAULTS, "/x", Map.of());
        assertThat(settings.root()).isEqualTo(Path.of("/"));
        assertThat(settings.withRoot(Path.of("/tmp/sim")).root()).isEqualTo(Path.of("/tmp/sim"));
        assertThatThrownBy(() -> settings.withRoot(Path.of("sim"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("root is not absolute: sim");
    }
}
