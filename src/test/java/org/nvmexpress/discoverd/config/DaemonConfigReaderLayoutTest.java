package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.nvmexpress.discoverd.config.DaemonConfigFiles.messages;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvmexpress.discoverd.ini.Diagnostic;

/** Which section each key is read in: upstream's current layout, the older one, and keys in neither. */
final class DaemonConfigReaderLayoutTest {
    private static final DaemonConfig DEFAULTS = DaemonConfig.DEFAULTS;
    private static final GiveUpTimeout FIVE_HOURS = GiveUpTimeout.after(Duration.ofHours(5));

    @TempDir
    Path dir;

    private DaemonConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new DaemonConfigFiles(dir);
    }

    private DaemonConfigReader.Result read(String text) throws IOException {
        return files.read(text);
    }

    /** Findings about the layout are warnings: the daemon does what the file means, or says what it skipped. */
    private static void assertAllWarnings(DaemonConfigReader.Result result) {
        assertThat(result.diagnostics()).noneMatch(Diagnostic::isError);
    }

    @Test
    void readSetsEveryKeyOfTheCurrentLayoutSilently() throws IOException {
        DaemonConfigReader.Result result = read("""
                [Global]
                nbft = no
                debug-level = debug
                connector = builtin
                nvme-path = /opt/nvme-cli/sbin/nvme
                uevent-source = kernel
                max-pending-units = 16
                disconnect-timeout-sec = 45
                audit-interval-minutes = 10
                zeroconf = Resolved

                [Discovery]
                epcsd-poll-interval-minutes = 5
                fc-kickstart-interval-minutes = 30
                dc-giveup-timeout = 3 days 5 hours
                """);
        assertThat(result).isEqualTo(new DaemonConfigReader.Result(new DaemonConfig(false, LogLevel.DEBUG,
                Connector.BUILTIN, "/opt/nvme-cli/sbin/nvme", UeventGroup.KERNEL, 16, 45, 10, 5, 30,
                GiveUpTimeout.after(Duration.ofHours(77)), Zeroconf.RESOLVED), List.of()));
    }

    @ParameterizedTest
    @CsvSource({"nbft, no", "debug-level, debug", "connector, builtin", "nvme-path, /bin/nvme", "uevent-source, kernel",
        "max-pending-units, 8", "disconnect-timeout-sec, 9", "audit-interval-minutes, 10", "zeroconf, avahi"})
    void globalKeyInDiscoveryIsIgnoredWithAWarning(String key, String value) throws IOException {
        DaemonConfigReader.Result result = files.readIn("Discovery", key, value);
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertAllWarnings(result);
        assertThat(messages(result)).containsExactly("d.conf:2: '" + key + "' belongs in [Global], ignored");
    }

    @ParameterizedTest
    @CsvSource({"epcsd-poll-interval-minutes, 5", "fc-kickstart-interval-minutes, 30", "dc-giveup-timeout, 5h"})
    void discoveryKeyInGlobalIsTheOlderLayoutAppliedWithAWarning(String key, String value) throws IOException {
        DaemonConfigReader.Result result = files.readIn("Global", key, value);
        assertThat(result.config()).isEqualTo(files.readIn("Discovery", key, value).config()).isNotEqualTo(DEFAULTS);
        assertAllWarnings(result);
        assertThat(messages(result))
                .containsExactly("d.conf:2: '" + key + "' in [Global] is deprecated: move it to [Discovery]");
    }

    @ParameterizedTest
    @CsvSource({"72, 72h", "5, 5h", "+007, 7h", "0, infinity"})
    void dcGiveupHoursIsAppliedWithTheTimeoutToWriteInstead(String hours, String timeout) throws IOException {
        DaemonConfigReader.Result result = files.readIn("Global", "dc-giveup-hours", hours);
        assertThat(result.config()).isEqualTo(files.readIn("Discovery", "dc-giveup-timeout", timeout).config());
        assertAllWarnings(result);
        assertThat(messages(result)).containsExactly(
                "d.conf:2: 'dc-giveup-hours' is deprecated: use 'dc-giveup-timeout = " + timeout + "' in [Discovery]");
    }

    @Test
    void dcGiveupHoursZeroMeantNeverNotImmediately() throws IOException {
        assertThat(files.readIn("Global", "dc-giveup-hours", "0").config().dcGiveupTimeout())
                .isEqualTo(GiveUpTimeout.never());
    }

    @Test
    void dcGiveupHoursInDiscoveryIsIgnoredAndPointsAtItsReplacement() throws IOException {
        DaemonConfigReader.Result result = files.readIn("Discovery", "dc-giveup-hours", "5");
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertThat(messages(result)).containsExactly("d.conf:2: 'dc-giveup-hours' belongs in [Global], ignored"
                + " (and is deprecated: use 'dc-giveup-timeout' in [Discovery])");
    }

    @Test
    void olderLayoutFileKeepsItsMeaning() throws IOException {
        DaemonConfigReader.Result result = read("""
                [Global]
                nbft = no
                debug-level = debug
                fc-kickstart-interval-minutes = 30
                epcsd-poll-interval-minutes = 5
                dc-giveup-hours = 0
                connector = builtin
                """);
        assertThat(result.config()).isEqualTo(DEFAULTS.withNbft(false).withDebugLevel(LogLevel.DEBUG)
                .withFcKickstartIntervalMinutes(30).withEpcsdPollIntervalMinutes(5)
                .withDcGiveupTimeout(GiveUpTimeout.never()).withConnector(Connector.BUILTIN));
        assertAllWarnings(result);
        assertThat(messages(result)).containsExactly(
                "d.conf:4: 'fc-kickstart-interval-minutes' in [Global] is deprecated: move it to [Discovery]",
                "d.conf:5: 'epcsd-poll-interval-minutes' in [Global] is deprecated: move it to [Discovery]",
                "d.conf:6: 'dc-giveup-hours' is deprecated: use 'dc-giveup-timeout = infinity' in [Discovery]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[Global]\ndc-giveup-hours = 9\n[Discovery]\ndc-giveup-timeout = 5h\n",
        "[Discovery]\ndc-giveup-timeout = 5h\n[Global]\ndc-giveup-hours = 9\n"})
    void dcGiveupTimeoutWinsOverDcGiveupHoursWhereverItIs(String text) throws IOException {
        DaemonConfigReader.Result result = read(text);
        assertThat(result.config()).isEqualTo(DEFAULTS.withDcGiveupTimeout(FIVE_HOURS));
        assertAllWarnings(result);
        int timeoutLine = text.startsWith("[Global]") ? 4 : 2;
        int hoursLine = 6 - timeoutLine;
        assertThat(messages(result)).containsExactly("d.conf:" + hoursLine + ": 'dc-giveup-hours' is deprecated"
                + " and ignored: 'dc-giveup-timeout' in [Discovery] on line " + timeoutLine + " takes precedence");
    }

    @Test
    void discoveryKeyWinsOverTheSameKeyInGlobal() throws IOException {
        DaemonConfigReader.Result result = read("[Discovery]\nepcsd-poll-interval-minutes = 7\n[Global]\n"
                + "epcsd-poll-interval-minutes = 9\nepcsd-poll-interval-minutes = 8\n");
        assertThat(result.config()).isEqualTo(DEFAULTS.withEpcsdPollIntervalMinutes(7));
        String ignored = "'epcsd-poll-interval-minutes' in [Global] is deprecated and ignored:"
                + " 'epcsd-poll-interval-minutes' in [Discovery] on line 2 takes precedence";
        assertThat(messages(result)).containsExactly("d.conf:4: " + ignored, "d.conf:5: " + ignored);
    }

    @Test
    void invalidCurrentKeyLeavesTheOlderOneInForceAndFindingsInLineOrder() throws IOException {
        DaemonConfigReader.Result result = read("[Discovery]\ndc-giveup-timeout = soon\n[Global]\n"
                + "dc-giveup-hours = 5\nnbft = maybe\n");
        assertThat(result.config()).isEqualTo(DEFAULTS.withDcGiveupTimeout(FIVE_HOURS));
        assertThat(result.diagnostics()).extracting(Diagnostic::line, Diagnostic::isError)
                .containsExactly(tuple(2, true), tuple(4, false), tuple(5, true));
        assertThat(messages(result).get(1))
                .isEqualTo("d.conf:4: 'dc-giveup-hours' is deprecated: use 'dc-giveup-timeout = 5h' in [Discovery]");
    }

    @Test
    void invalidOlderKeyIsAnErrorOnly() throws IOException {
        DaemonConfigReader.Result result = files.readIn("Global", "dc-giveup-hours", "72h");
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.isError()).isTrue());
        assertThat(messages(result)).containsExactly("d.conf:2: invalid value for 'dc-giveup-hours', ignored: '72h'"
                + " (expected a whole number of hours, 0 for never)");
    }

    @Test
    void invalidAndUnknownKeysDoNotStopTheValidOnes() throws IOException {
        DaemonConfigReader.Result result = read("""
                [Discovery]
                fc-kickstart-interval-minutes = -1
                bogus-key = 1
                epcsd-poll-interval-minutes = 30

                [Bogus Section]
                epcsd-poll-interval-minutes = 9
                ip-family = ipv4
                """);
        assertThat(result.config()).isEqualTo(DEFAULTS.withEpcsdPollIntervalMinutes(30));
        assertThat(messages(result)).containsExactly(
                "d.conf:2: invalid value for 'fc-kickstart-interval-minutes', ignored: '-1'"
                        + " (expected a whole number of minutes, 0 for off)",
                "d.conf:3: unknown key 'bogus-key', ignored",
                "d.conf:7: 'epcsd-poll-interval-minutes' belongs in [Discovery], ignored",
                "d.conf:8: key outside [Global] and [Discovery], ignored");
    }

    @Test
    void keyBeforeAnySectionIsIgnored() throws IOException {
        DaemonConfigReader.Result result = read("nbft = no\nip-family = ipv4\n[Global]\n");
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertThat(messages(result)).containsExactly("d.conf:1: 'nbft' belongs in [Global], ignored",
                "d.conf:2: key outside [Global] and [Discovery], ignored");
    }

    @Test
    void otherSectionIsAcceptedAndTheNextHeaderCounts() throws IOException {
        DaemonConfigReader.Result result = read("[Global]\nnbft = no\n\n[Other]\ndebug-level = debug\n[Global]\n"
                + "connector = builtin\n");
        assertThat(result.config()).isEqualTo(DEFAULTS.withNbft(false).withConnector(Connector.BUILTIN));
        assertThat(messages(result)).containsExactly("d.conf:5: 'debug-level' belongs in [Global], ignored");
    }

    @Test
    void sectionNamesAreCaseSensitive() throws IOException {
        assertThat(messages(read("[global]\nnbft = no\n[discovery]\ndc-giveup-timeout = 1h\n"))).containsExactly(
                "d.conf:2: 'nbft' belongs in [Global], ignored",
                "d.conf:4: 'dc-giveup-timeout' belongs in [Discovery], ignored");
    }

    @Test
    void unknownKeyInEitherSectionIsReported() throws IOException {
        DaemonConfigReader.Result result = read("[Global]\nNBFT = no\n[Discovery]\ndc-giveup-minutes = 5\n");
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertThat(messages(result)).containsExactly("d.conf:2: unknown key 'NBFT', ignored",
                "d.conf:4: unknown key 'dc-giveup-minutes', ignored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[Discovery", "[Discovery] x", "[ ]"})
    void malformedHeaderEndsTheSection(String header) throws IOException {
        DaemonConfigReader.Result result = read("[Discovery]\n" + header + "\ndc-giveup-timeout = 1h\n");
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertThat(messages(result)).containsExactly(
                "d.conf:2: malformed line, ignored", "d.conf:3: 'dc-giveup-timeout' belongs in [Discovery], ignored");
    }
}
