package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.config.DaemonConfigFiles.messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvmexpress.discoverd.ini.UnreadableFile;

final class DaemonConfigReaderTest {
    private static final DaemonConfig DEFAULTS = DaemonConfig.DEFAULTS;

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

    private DaemonConfigReader.Result readGlobal(String key, String value) throws IOException {
        return files.readIn("Global", key, value);
    }

    private void assertRejected(String key, String value) throws IOException {
        files.assertRejected(key, value);
    }

    @ParameterizedTest
    @CsvSource({"1, true", "yes, true", "y, true", "true, true", "t, true", "on, true", "YES, true", "Y, true",
        "True, true", "T, true", "oN, true", "0, false", "no, false", "n, false", "false, false", "f, false",
        "off, false", "NO, false", "N, false", "FALSE, false", "F, false", "Off, false"})
    void nbftAcceptsEveryBoolSpellingInAnyCase(String value, boolean expected) throws IOException {
        DaemonConfigReader.Result result = readGlobal("nbft", value);
        assertThat(result.config()).isEqualTo(DEFAULTS.withNbft(expected));
        assertThat(result.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "yess", "enable", "tru", "ye s", "+1", "01", "ýes"})
    void nbftRejectsOtherWords(String value) throws IOException {
        assertRejected("nbft", value);
    }

    @ParameterizedTest
    @CsvSource({"err, ERR", "warn, WARN", "info, INFO", "debug, DEBUG", "ERR, ERR", "Warn, WARN", "DeBuG, DEBUG"})
    void debugLevelAcceptsItsFourNamesInAnyCase(String value, LogLevel expected) throws IOException {
        DaemonConfigReader.Result result = readGlobal("debug-level", value);
        assertThat(result.config()).isEqualTo(DEFAULTS.withDebugLevel(expected));
        assertThat(result.diagnostics()).isEmpty();
    }

    /** Dotless {@code ı} upper-cases to {@code I}: only ASCII letters fold, as in C's strcasecmp. */
    @ParameterizedTest
    @ValueSource(strings = {"", "error", "warning", "notice", "3", "ınfo", "info debug"})
    void debugLevelRejectsOtherWords(String value) throws IOException {
        assertRejected("debug-level", value);
    }

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "nvme-cli, NVME_CLI", "builtin, BUILTIN", "AUTO, AUTO", "NVME-CLI, NVME_CLI",
        "BuiltIn, BUILTIN"})
    void connectorAcceptsItsThreeNamesInAnyCase(String value, Connector expected) throws IOException {
        DaemonConfigReader.Result result = readGlobal("connector", value);
        assertThat(result.config()).isEqualTo(DEFAULTS.withConnector(expected));
        assertThat(result.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"no, NO", "avahi, AVAHI", "resolved, RESOLVED", "auto, AUTO", "Avahi, AVAHI", "NO, NO"})
    void zeroconfAcceptsItsFourNamesInAnyCase(String value, Zeroconf expected) throws IOException {
        DaemonConfigReader.Result result = readGlobal("zeroconf", value);
        assertThat(result.config()).isEqualTo(DEFAULTS.withZeroconf(expected));
        assertThat(result.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yes", "true", "mdns", "systemd-resolved", "avahi-daemon"})
    void zeroconfRejectsOtherWordsSayingWhatItTakes(String value) throws IOException {
        assertRejected("zeroconf", value);
        assertThat(messages(readGlobal("zeroconf", value)).get(0)).endsWith("(expected no, avahi, resolved or auto)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nvme_cli", "NVME_CLI", "nvmecli", "nvme", "kernel"})
    void connectorRejectsOtherWords(String value) throws IOException {
        assertRejected("connector", value);
    }

    @ParameterizedTest
    @CsvSource({"udev, UDEV", "kernel, KERNEL", "UDEV, UDEV", "Kernel, KERNEL"})
    void ueventSourceAcceptsUdevOrKernelInAnyCase(String value, UeventGroup expected) throws IOException {
        DaemonConfigReader.Result result = readGlobal("uevent-source", value);
        assertThat(result.config()).isEqualTo(DEFAULTS.withUeventSource(expected));
        assertThat(result.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "2", "netlink", "udevd", "kernel udev", "systemd-udevd"})
    void ueventSourceRejectsOtherWords(String value) throws IOException {
        assertRejected("uevent-source", value);
    }

    @Test
    void ueventSourceRejectionNamesFileLineAndExpectedWords() throws IOException {
        DaemonConfigReader.Result result = read("[Global]\nuevent-source = kernel\nuevent-source = both\n");
        assertThat(result.config()).isEqualTo(DEFAULTS.withUeventSource(UeventGroup.KERNEL));
        assertThat(messages(result)).containsExactly(
                "d.conf:3: invalid value for 'uevent-source', ignored: 'both' (expected udev or kernel)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/bin/nvme", "/", "/opt/nvme cli/nvme=3"})
    void nvmePathAcceptsAbsolutePaths(String value) throws IOException {
        assertThat(readGlobal("nvme-path", value)).isEqualTo(
                new DaemonConfigReader.Result(DEFAULTS.withNvmePath(value), List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nvme", "./nvme", "usr/sbin/nvme", "~/nvme", "/usr/\rsbin/nvme"})
    void nvmePathRejectsRelativePathsAndLineBreaks(String value) throws IOException {
        assertRejected("nvme-path", value);
    }

    @Test
    void invalidValueIsQuotedWithControlCharactersEscaped() throws IOException {
        assertThat(messages(readGlobal("nvme-path", "/usr/\rsbin\u001b[31m"))).containsExactly(
                "d.conf:2: invalid value for 'nvme-path', ignored: '/usr/\\x0dsbin\\x1b[31m'"
                        + " (expected an absolute path, starting with /)");
    }

    @Test
    void invalidValueIsCutInTheMessage() throws IOException {
        assertThat(messages(readGlobal("connector", "x".repeat(1000)))).containsExactly(
                "d.conf:2: invalid value for 'connector', ignored: '" + "x".repeat(80)
                        + "'... (1000 characters) (expected auto, nvme-cli or builtin)");
    }

    @Test
    void invalidValueKeepsTheEarlierValue() throws IOException {
        DaemonConfigReader.Result result = read("[Global]\ndebug-level = warn\ndebug-level = loud\n");
        assertThat(result.config()).isEqualTo(DEFAULTS.withDebugLevel(LogLevel.WARN));
        assertThat(messages(result)).containsExactly("d.conf:3: invalid value for 'debug-level', ignored: 'loud'"
                + " (expected err, warn, info or debug)");
    }

    @Test
    void duplicateKeyLastWins() throws IOException {
        DaemonConfigReader.Result result = read("[Discovery]\ndc-giveup-timeout = 1h\ndc-giveup-timeout = 2h\n");
        assertThat(result).isEqualTo(new DaemonConfigReader.Result(
                DEFAULTS.withDcGiveupTimeout(GiveUpTimeout.after(Duration.ofHours(2))), List.of()));
    }

    @Test
    void unknownKeyIsReported() throws IOException {
        DaemonConfigReader.Result result = read("# comment\n[Global]\nip-family = ipv4\nNBFT = no\n");
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertThat(messages(result)).containsExactly(
                "d.conf:3: unknown key 'ip-family', ignored", "d.conf:4: unknown key 'NBFT', ignored");
    }

    @Test
    void junkLineIsReportedAndKeepsTheSection() throws IOException {
        DaemonConfigReader.Result result = read("[Global]\njust words\n= no key\nnbft = no\n");
        assertThat(result.config()).isEqualTo(DEFAULTS.withNbft(false));
        assertThat(messages(result)).containsExactly(
                "d.conf:2: malformed line, ignored", "d.conf:3: malformed line, ignored");
    }

    @Test
    void crlfFileReadsLikeLfFile() throws IOException {
        DaemonConfigReader.Result result = read("[Global]\r\nnbft = no\r\nconnector = nvme-cli\r\n");
        assertThat(result).isEqualTo(new DaemonConfigReader.Result(
                DEFAULTS.withNbft(false).withConnector(Connector.NVME_CLI), List.of()));
    }

    @Test
    void missingOrEmptyFileGivesDefaultsSilently() throws IOException {
        assertThat(DaemonConfigReader.read(dir.resolve("absent.conf"), "d.conf"))
                .isEqualTo(new DaemonConfigReader.Result(DEFAULTS, List.of()));
        assertThat(read("")).isEqualTo(new DaemonConfigReader.Result(DEFAULTS, List.of()));
    }

    @Test
    void directoryGivesDefaultsAndOneWarning() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub.conf"));
        assertThat(messages(DaemonConfigReader.read(sub, "d.conf")))
                .containsExactly("d.conf: is a directory, not a file, using defaults");
    }

    @Test
    void fileOverOneMebibyteGivesDefaultsAndOneWarning() throws IOException {
        byte[] bytes = new byte[2 << 20];
        Arrays.fill(bytes, (byte) '#');
        Path file = Files.write(dir.resolve("big.conf"), bytes);
        assertThat(messages(DaemonConfigReader.read(file, "d.conf")))
                .containsExactly("d.conf: larger than the 1 MiB limit (2097152 bytes), using defaults");
    }

    @Test
    void nulByteGivesDefaultsAndOneWarningWithItsLine() throws IOException {
        DaemonConfigReader.Result result = read("[Global]\nnbft = n\0o\n");
        assertThat(result.config()).isEqualTo(DEFAULTS);
        assertThat(messages(result))
                .containsExactly("d.conf:2: contains a NUL byte (at byte offset 17), using defaults");
    }

    @Test
    void invalidUtf8GivesDefaultsAndOneWarningWithItsLine() throws IOException {
        byte[] latin1 = "[Global]\nnbft = n\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.conf"), latin1);
        assertThat(messages(DaemonConfigReader.read(file, "d.conf")))
                .containsExactly("d.conf:2: not valid UTF-8 (at byte offset 17), using defaults");
    }

    @Test
    void unreadableFileGivesDefaultsAndOneWarning() throws IOException {
        try (UnreadableFile file = UnreadableFile.at(dir.resolve("secret.conf"))) {
            assertThat(messages(DaemonConfigReader.read(file.path(), "d.conf")))
                    .containsExactly("d.conf: cannot read: permission denied, using defaults");
        }
    }
}
