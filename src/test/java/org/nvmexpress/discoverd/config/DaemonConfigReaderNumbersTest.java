package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.config.DaemonConfigFiles.messages;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The values of the numeric keys and of {@code dc-giveup-timeout}, each read in its own section. */
final class DaemonConfigReaderNumbersTest {
    private static final DaemonConfig DEFAULTS = DaemonConfig.DEFAULTS;

    @TempDir
    Path dir;

    private DaemonConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new DaemonConfigFiles(dir);
    }

    private DaemonConfigReader.Result readInItsSection(String key, String value) throws IOException {
        return files.readInItsSection(key, value);
    }

    private DaemonConfigReader.Result readGlobal(String key, String value) throws IOException {
        return files.readIn("Global", key, value);
    }

    private DaemonConfigReader.Result readDiscovery(String key, String value) throws IOException {
        return files.readIn("Discovery", key, value);
    }

    private void assertRejected(String key, String value) throws IOException {
        files.assertRejected(key, value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fc-kickstart-interval-minutes | 0          | 0",
        "fc-kickstart-interval-minutes | 4294967295 | 4294967295",
        "fc-kickstart-interval-minutes | +5         | 5",
        "fc-kickstart-interval-minutes | '   5'     | 5",
        "fc-kickstart-interval-minutes | 007        | 7",
        "fc-kickstart-interval-minutes | 00000000000004294967295 | 4294967295",
        "epcsd-poll-interval-minutes   | 1          | 1",
        "epcsd-poll-interval-minutes   | 4294967295 | 4294967295",
        "audit-interval-minutes        | 0          | 0",
        "audit-interval-minutes        | +1440      | 1440"})
    void unsignedKeysAcceptDecimalUpToTheirLimit(String key, String value, long expected) throws IOException {
        DaemonConfigReader.Result result = readInItsSection(key, value);
        assertThat(result.diagnostics()).isEmpty();
        DaemonConfig config = result.config();
        long actual = switch (key) {
            case "fc-kickstart-interval-minutes" -> config.fcKickstartIntervalMinutes();
            case "epcsd-poll-interval-minutes" -> config.epcsdPollIntervalMinutes();
            default -> config.auditIntervalMinutes();
        };
        assertThat(actual).isEqualTo(expected);
    }

    static Stream<Arguments> invalidUnsignedValues() {
        List<String> values = List.of("4294967296", "99999999999999999999999", "-1", "-0", "5x", "0x10", "", "+",
                "++5", "+-5", "+ 5", "5 5", "1e3", "5.0", "٣", "\u00a05");
        return Stream.of("fc-kickstart-interval-minutes", "epcsd-poll-interval-minutes", "audit-interval-minutes")
                .flatMap(key -> values.stream().map(value -> Arguments.of(key, value)));
    }

    @ParameterizedTest
    @MethodSource("invalidUnsignedValues")
    void unsignedKeysRejectAnythingButDecimalNumbers(String key, String value) throws IOException {
        assertRejected(key, value);
    }

    @Test
    void epcsdPollIntervalRejectsZero() throws IOException {
        assertThat(messages(readDiscovery("epcsd-poll-interval-minutes", "0"))).containsExactly(
                "d.conf:2: invalid value for 'epcsd-poll-interval-minutes', ignored: '0'"
                        + " (expected a whole number of minutes, at least 1)");
    }

    @Test
    void fcKickstartIntervalNamesItsUnitWhenRejecting() throws IOException {
        assertThat(messages(readDiscovery("fc-kickstart-interval-minutes", "-1"))).containsExactly(
                "d.conf:2: invalid value for 'fc-kickstart-interval-minutes', ignored: '-1'"
                        + " (expected a whole number of minutes, 0 for off)");
    }

    @Test
    void auditIntervalRejectsMoreThanADay() throws IOException {
        assertThat(messages(readGlobal("audit-interval-minutes", "1441"))).containsExactly(
                "d.conf:2: invalid value for 'audit-interval-minutes', ignored: '1441'"
                        + " (expected a whole number of minutes from 0 (off) to 1440)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "72hours        | PT72H",
        "3 days 5 hours | PT77H",
        "1h 30min       | PT1H30M",
        "1.5h           | PT1H30M",
        "90             | PT1M30S",
        "3s             | PT3S",
        "0              | PT0S"})
    void dcGiveupTimeoutTakesASystemdTimeSpan(String value, Duration expected) throws IOException {
        assertThat(readDiscovery("dc-giveup-timeout", value)).isEqualTo(new DaemonConfigReader.Result(
                DEFAULTS.withDcGiveupTimeout(GiveUpTimeout.after(expected)), List.of()));
    }

    @Test
    void dcGiveupTimeoutInfinityNeverGivesUpAndZeroGivesUpAtOnce() throws IOException {
        assertThat(readDiscovery("dc-giveup-timeout", "infinity").config().dcGiveupTimeout())
                .isEqualTo(GiveUpTimeout.never());
        assertThat(readDiscovery("dc-giveup-timeout", "0").config().dcGiveupTimeout())
                .isEqualTo(GiveUpTimeout.immediately());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3 dayz   | 'z' at character 6 is not a number",
        "72 h x   | 'x' at character 6 is not a number",
        "-1       | '-' at character 1: a time span is never negative",
        "1:30     | ':' at character 2 is not a unit",
        "584542y  | out of range: a time span must stay below 2^64 microseconds (about 584542 years)",
        "never    | 'n' at character 1 is not a number"})
    void dcGiveupTimeoutRejectionSaysWhyAndShowsExamples(String value, String reason) throws IOException {
        DaemonConfigReader.Result result = readDiscovery("dc-giveup-timeout", value);
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.isError()).isTrue());
        assertThat(messages(result)).containsExactly("d.conf:2: invalid value for 'dc-giveup-timeout', ignored: '"
                + value + "' (" + reason + "; expected a time span such as 72h, 1h 30min, 90 (seconds), 0 or"
                + " infinity)");
    }

    @Test
    void dcGiveupTimeoutRejectsOverLongValuesWithoutQuotingThemWhole() throws IOException {
        String value = "1s".repeat(200);
        assertThat(messages(readDiscovery("dc-giveup-timeout", value))).containsExactly(
                "d.conf:2: invalid value for 'dc-giveup-timeout', ignored: '" + "1s".repeat(40)
                        + "'... (400 characters) (too long: 400 characters, at most 256; expected a time span such as"
                        + " 72h, 1h 30min, 90 (seconds), 0 or infinity)");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "64, 64", "256, 256", "+0032, 32"})
    void maxPendingUnitsAcceptsOneTo256(String value, long expected) throws IOException {
        DaemonConfigReader.Result result = readGlobal("max-pending-units", value);
        assertThat(result.config()).isEqualTo(DEFAULTS.withMaxPendingUnits(expected));
        assertThat(result.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "257", "4294967295", "-1", "64 units"})
    void maxPendingUnitsRejectsValuesOutsideOneTo256(String value) throws IOException {
        assertThat(messages(readGlobal("max-pending-units", value))).containsExactly(
                "d.conf:2: invalid value for 'max-pending-units', ignored: '" + value + "'"
                        + " (expected a whole number from 1 to 256)");
    }

    @Test
    void disconnectTimeoutAcceptsSecondsAndRejectsZero() throws IOException {
        assertThat(readGlobal("disconnect-timeout-sec", "4294967295").config())
                .isEqualTo(DEFAULTS.withDisconnectTimeoutSec(4294967295L));
        assertThat(messages(readGlobal("disconnect-timeout-sec", "0"))).containsExactly(
                "d.conf:2: invalid value for 'disconnect-timeout-sec', ignored: '0'"
                        + " (expected a whole number of seconds, at least 1)");
    }
}
