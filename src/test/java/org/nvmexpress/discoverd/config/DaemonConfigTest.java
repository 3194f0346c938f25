package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DaemonConfigTest {
    /** The documented default file that packages install as {@code /etc/nvme/nvme-discoverd.conf}. */
    private static final Path SHIPPED = Path.of("packaging/nvme-discoverd.conf");
    private static final Pattern COMMENTED_SETTING = Pattern.compile("(?m)^#([a-z][a-z-]*) = (.*)$");

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(DaemonConfig.DEFAULTS).isEqualTo(new DaemonConfig(true, LogLevel.INFO, Connector.AUTO,
                "/usr/sbin/nvme", UeventGroup.UDEV, 64, 300, 10, 15, 0, GiveUpTimeout.after(Duration.ofHours(72)), Zeroconf.NO));
    }

    @Test
    void shippedFileGivesDefaultsWithoutDiagnostics() {
        assertThat(DaemonConfigReader.read(SHIPPED, "nvme-discoverd.conf"))
                .isEqualTo(new DaemonConfigReader.Result(DaemonConfig.DEFAULTS, List.of()));
    }

    @Test
    void shippedFileDocumentsEveryKeyWithItsTrueDefault() throws IOException {
        String text = Files.readString(SHIPPED);
        List<String> keys = new ArrayList<>();
        Matcher m = COMMENTED_SETTING.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).containsExactly("nbft", "debug-level", "connector", "nvme-path", "uevent-source",
                "max-pending-units", "disconnect-timeout-sec", "audit-interval-minutes", "zeroconf",
                "epcsd-poll-interval-minutes",
                "fc-kickstart-interval-minutes", "dc-giveup-timeout");

        Path uncommented = Files.writeString(dir.resolve("nvme-discoverd.conf"), m.replaceAll("$1 = $2"));
        assertThat(DaemonConfigReader.read(uncommented, "nvme-discoverd.conf"))
                .isEqualTo(new DaemonConfigReader.Result(DaemonConfig.DEFAULTS, List.of()));
    }

    @Test
    void shippedFileHasNoInlineComments() throws IOException {
        assertThat(Files.readAllLines(SHIPPED))
                .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
                .containsExactly("[Global]", "[Discovery]");
        assertThat(COMMENTED_SETTING.matcher(Files.readString(SHIPPED)).results())
                .allSatisfy(r -> assertThat(r.group(2)).doesNotContain("#"));
    }

    @Test
    void constructorRejectsZeroEpcsdPollInterval() {
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withEpcsdPollIntervalMinutes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epcsdPollIntervalMinutes out of range: 0 (must be 1 to 4294967295)");
    }

    @Test
    void constructorRejectsValuesAboveUintMax() {
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withEpcsdPollIntervalMinutes(4294967296L))
                .hasMessage("epcsdPollIntervalMinutes out of range: 4294967296 (must be 1 to 4294967295)");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withFcKickstartIntervalMinutes(-1))
                .hasMessage("fcKickstartIntervalMinutes out of range: -1 (must be 0 to 4294967295)");
        assertThat(DaemonConfig.DEFAULTS.withFcKickstartIntervalMinutes(DaemonConfig.MAX_UNSIGNED)
                .fcKickstartIntervalMinutes()).isEqualTo(4294967295L);
    }

    @Test
    void constructorRejectsMaxPendingUnitsOutsideOneTo256() {
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withMaxPendingUnits(0))
                .hasMessage("maxPendingUnits out of range: 0 (must be 1 to 256)");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withMaxPendingUnits(257))
                .hasMessage("maxPendingUnits out of range: 257 (must be 1 to 256)");
    }

    @Test
    void constructorRejectsAuditIntervalOverADay() {
        assertThat(DaemonConfig.DEFAULTS.withAuditIntervalMinutes(1440).auditInterval()).contains(Duration.ofDays(1));
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withAuditIntervalMinutes(1441))
                .hasMessage("auditIntervalMinutes out of range: 1441 (must be 0 to 1440)");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withAuditIntervalMinutes(-1))
                .hasMessage("auditIntervalMinutes out of range: -1 (must be 0 to 1440)");
    }

    @Test
    void disconnectTimeoutIsInSecondsAndAtLeastOne() {
        assertThat(DaemonConfig.DEFAULTS.disconnectTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withDisconnectTimeoutSec(0))
                .hasMessage("disconnectTimeoutSec out of range: 0 (must be 1 to 4294967295)");
    }

    @Test
    void constructorRejectsRelativeOrMultiLineNvmePath() {
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withNvmePath("nvme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nvmePath is not an absolute path without NUL or line break: 'nvme'");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withNvmePath("/usr/sbin/nvme\n--evil"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withNvmePath("/usr/sbin/nvme\0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsNulls() {
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withDebugLevel(null)).hasMessage("debugLevel");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withConnector(null)).hasMessage("connector");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withNvmePath(null)).hasMessage("nvmePath");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withUeventSource(null)).hasMessage("ueventSource");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withDcGiveupTimeout(null)).hasMessage("dcGiveupTimeout");
    }

    @Test
    void withChangesOnlyItsOwnSetting() {
        DaemonConfig changed = DaemonConfig.DEFAULTS.withNbft(false).withDebugLevel(LogLevel.ERR)
                .withConnector(Connector.NVME_CLI).withNvmePath("/bin/nvme").withUeventSource(UeventGroup.KERNEL)
                .withMaxPendingUnits(4).withDisconnectTimeoutSec(5).withAuditIntervalMinutes(6)
                .withEpcsdPollIntervalMinutes(7).withFcKickstartIntervalMinutes(8)
                .withDcGiveupTimeout(GiveUpTimeout.never()).withZeroconf(Zeroconf.AVAHI);
        assertThat(changed).isEqualTo(new DaemonConfig(false, LogLevel.ERR, Connector.NVME_CLI, "/bin/nvme",
                UeventGroup.KERNEL, 4, 5, 6, 7, 8, GiveUpTimeout.never(), Zeroconf.AVAHI));
        assertThat(DaemonConfig.DEFAULTS.withMaxPendingUnits(4))
                .isEqualTo(new DaemonConfig(true, LogLevel.INFO, Connector.AUTO, "/usr/sbin/nvme", UeventGroup.UDEV, 4,
                        300, 10, 15, 0, GiveUpTimeout.after(Duration.ofHours(72)), Zeroconf.NO));
    }

    @Test
    void durationsCarryTheirUnitsAndZeroMeansOffOrNever() {
        assertThat(DaemonConfig.DEFAULTS.fcKickstartInterval()).isEmpty();
        assertThat(DaemonConfig.DEFAULTS.epcsdPollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(DaemonConfig.DEFAULTS.auditInterval()).contains(Duration.ofMinutes(10));
        assertThat(DaemonConfig.DEFAULTS.withAuditIntervalMinutes(0).auditInterval()).isEmpty();
        assertThat(DaemonConfig.DEFAULTS.dcGiveupTimeout().limit()).contains(Duration.ofHours(72));
        DaemonConfig changed = DaemonConfig.DEFAULTS.withFcKickstartIntervalMinutes(90).withAuditIntervalMinutes(30);
        assertThat(changed.fcKickstartInterval()).contains(Duration.ofMinutes(90));
        assertThat(changed.auditInterval()).contains(Duration.ofMinutes(30));
    }

    @Test
    void logLevelLogsWhatIsAtLeastAsSevere() {
        assertThat(LogLevel.INFO.logs(LogLevel.ERR)).isTrue();
        assertThat(LogLevel.INFO.logs(LogLevel.INFO)).isTrue();
        assertThat(LogLevel.INFO.logs(LogLevel.DEBUG)).isFalse();
        assertThat(LogLevel.ERR.logs(LogLevel.WARN)).isFalse();
    }

    @Test
    void configNamesRoundTrip() {
        for (LogLevel level : LogLevel.values()) {
            assertThat(LogLevel.fromConfigName(level.configName())).contains(level);
        }
        for (Connector connector : Connector.values()) {
            assertThat(Connector.fromConfigName(connector.configName())).contains(connector);
        }
        for (UeventGroup group : UeventGroup.values()) {
            assertThat(UeventGroup.fromConfigName(group.configName())).contains(group);
        }
    }
}
