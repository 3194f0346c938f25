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
        assertThat(DaemonConfig.DEFAULTS).isEqualTo(
                new DaemonConfig(true, LogLevel.INFO, 0, 15, 72, Connector.AUTO, "/usr/sbin/nvme", 64, 300,
                        UeventGroup.UDEV));
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
        assertThat(keys).containsExactly("nbft", "debug-level", "fc-kickstart-interval-minutes",
                "epcsd-poll-interval-minutes", "dc-giveup-hours", "connector", "nvme-path", "uevent-source",
                "max-pending-units", "disconnect-timeout-sec");

        Path uncommented = Files.writeString(dir.resolve("nvme-discoverd.conf"), m.replaceAll("$1 = $2"));
        assertThat(DaemonConfigReader.read(uncommented, "nvme-discoverd.conf"))
                .isEqualTo(new DaemonConfigReader.Result(DaemonConfig.DEFAULTS, List.of()));
    }

    @Test
    void shippedFileHasNoInlineComments() throws IOException {
        assertThat(Files.readAllLines(SHIPPED))
                .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
                .containsExactly("[Global]");
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
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withDcGiveupHours(4294967296L))
                .hasMessage("dcGiveupHours out of range: 4294967296 (must be 0 to 4294967295)");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withFcKickstartIntervalMinutes(-1))
                .hasMessage("fcKickstartIntervalMinutes out of range: -1 (must be 0 to 4294967295)");
        assertThat(DaemonConfig.DEFAULTS.withDcGiveupHours(DaemonConfig.MAX_UNSIGNED).dcGiveupHours())
                .isEqualTo(4294967295L);
    }

    @Test
    void constructorRejectsMaxPendingUnitsOutsideOneTo256() {
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withMaxPendingUnits(0))
                .hasMessage("maxPendingUnits out of range: 0 (must be 1 to 256)");
        assertThatThrownBy(() -> DaemonConfig.DEFAULTS.withMaxPendingUnits(257))
                .hasMessage("maxPendingUnits out of range: 257 (must be 1 to 256)");
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
    }

    @Test
    void withChangesOnlyItsOwnSetting() {
        DaemonConfig changed = DaemonConfig.DEFAULTS.withNbft(false).withDebugLevel(LogLevel.ERR)
                .withFcKickstartIntervalMinutes(1).withEpcsdPollIntervalMinutes(2).withDcGiveupHours(3)
                .withConnector(Connector.NVME_CLI).withNvmePath("/bin/nvme").withMaxPendingUnits(4)
                .withDisconnectTimeoutSec(5).withUeventSource(UeventGroup.KERNEL);
        assertThat(changed).isEqualTo(new DaemonConfig(false, LogLevel.ERR, 1, 2, 3, Connector.NVME_CLI, "/bin/nvme",
                4, 5, UeventGroup.KERNEL));
    }

    @Test
    void durationsCarryTheirUnitsAndZeroMeansOffOrNever() {
        assertThat(DaemonConfig.DEFAULTS.fcKickstartInterval()).isEmpty();
        assertThat(DaemonConfig.DEFAULTS.epcsdPollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(DaemonConfig.DEFAULTS.dcGiveup()).contains(Duration.ofHours(72));
        DaemonConfig changed = DaemonConfig.DEFAULTS.withFcKickstartIntervalMinutes(90).withDcGiveupHours(0);
        assertThat(changed.fcKickstartInterval()).contains(Duration.ofMinutes(90));
        assertThat(changed.dcGiveup()).isEmpty();
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
