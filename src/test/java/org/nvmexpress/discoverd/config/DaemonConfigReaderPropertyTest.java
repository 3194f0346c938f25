package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.IniReader;

/** Whatever a file holds, reading it gives a valid config and warnings that name the file. */
final class DaemonConfigReaderPropertyTest {
    private static final String NAME = "etc/nvme/nvme-discoverd.conf";
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("daemon-config-property");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void assertSound(DaemonConfigReader.Result result) {
        assertThat(result.config()).isNotNull();
        assertThat(result.diagnostics()).allSatisfy(d -> {
            assertThat(d.file()).isEqualTo(NAME);
            // Only a value that says something other than its author meant is an error.
            assertThat(d.isError()).isEqualTo(d.message().startsWith("invalid value for "));
            assertThat(d.message()).doesNotContain("\n", "\r", "\0");
        });
    }

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll @Size(max = 4096) byte[] bytes) throws IOException {
        assertSound(DaemonConfigReader.read(Files.write(dir.resolve("bytes.conf"), bytes), NAME));
    }

    @Property(tries = 300)
    void randomTextNeverThrows(@ForAll @StringLength(max = 2000) String text) throws IOException {
        Path file = Files.writeString(dir.resolve("text.conf"), text, StandardCharsets.UTF_8);
        assertSound(DaemonConfigReader.read(file, NAME));
    }

    /** Text made of the file's own vocabulary, so most lines reach the key and value parsers. */
    @Property(tries = 500)
    void plausibleFilesNeverThrowAndWarnOncePerBadLine(@ForAll("plausibleLines") List<String> lines)
            throws IOException {
        Path file = Files.writeString(dir.resolve("plausible.conf"), String.join("\n", lines));
        DaemonConfigReader.Result result = DaemonConfigReader.read(file, NAME);
        assertSound(result);
        assertThat(result.diagnostics()).extracting(Diagnostic::line).doesNotHaveDuplicates()
                .allSatisfy(line -> assertThat(line).isBetween(1, lines.size()));
    }

    @Provide
    Arbitrary<List<String>> plausibleLines() {
        Arbitrary<String> key = Arbitraries.of("nbft", "debug-level", "fc-kickstart-interval-minutes",
                "epcsd-poll-interval-minutes", "dc-giveup-hours", "dc-giveup-timeout", "connector", "nvme-path",
                "uevent-source", "max-pending-units", "disconnect-timeout-sec", "audit-interval-minutes", "NBFT",
                "zeroconf", "");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("", "0", "1", "+5", "-1", "4294967295", "4294967296", "0x10", "yes", "Off", "debug",
                        "nvme-cli", "builtin", "/usr/sbin/nvme", "nvme", "udev", "KERNEL", "\r", "\u000b", "72h",
                        "3 days 5 hours", "1.5h", "infinity", "584542y", "1s".repeat(200)),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\r', '\u00e9', '\u0131')
                        .ofMaxLength(12));
        Arbitrary<String> pair = key.flatMap(k -> value.map(v -> k + " = " + v));
        Arbitrary<String> other = Arbitraries.of("[Global]", "[Discovery]", "[Other]", "[Global", "[discovery]",
                "[ ]", "# comment", "", "junk", "= x", "[Global] x");
        return Arbitraries.frequencyOf(Tuple.of(3, pair), Tuple.of(1, other)).list().ofMaxSize(30);
    }

    /** Fuzzing found this: a 917 KB file of junk lines kept one warning per line. */
    @Example
    void aFileOfJunkLinesKeepsAHundredWarningsAndCountsTheRest() throws IOException {
        int lines = 917_000 / "junk\n".length();
        Path file = Files.writeString(dir.resolve("junk.conf"), "junk\n".repeat(lines));
        List<Diagnostic> found = DaemonConfigReader.read(file, NAME).diagnostics();
        assertThat(found).hasSize(CappedDiagnostics.PER_FILE + 1).first()
                .isEqualTo(Diagnostic.warning(NAME, 1, "malformed line, ignored"));
        assertThat(found.get(CappedDiagnostics.PER_FILE))
                .isEqualTo(Diagnostic.warning(NAME, 0, (lines - CappedDiagnostics.PER_FILE) + " more problems not shown"));
    }

    /**
     * K lines that each earn one warning, in hostile shapes (long keys and values, runs of '=' and
     * brackets): at most a hundred kept, and what is kept plus the count not shown is K.
     */
    @Property(tries = 200)
    void warningsAreCappedPerFileAndCountedExactly(@ForAll("badLines") List<String> lines) {
        DaemonConfigReader.Result result = DaemonConfigReader.interpret(IniReader.parse(NAME,
                "[Global]\n" + String.join("\n", lines)));
        assertSound(result);
        List<Diagnostic> found = result.diagnostics();
        assertThat(found).hasSizeLessThanOrEqualTo(CappedDiagnostics.PER_FILE + 1);
        long shown = found.stream().filter(d -> CappedDiagnostics.notShown(d).isEmpty()).count();
        int notShown = found.stream().mapToInt(d -> CappedDiagnostics.notShown(d).orElse(0)).sum();
        assertThat(shown + notShown).isEqualTo(lines.size());
    }

    @Provide
    Arbitrary<List<String>> badLines() {
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 500);
        Arbitrary<String> line = Arbitraries.oneOf(
                length.map(n -> "x".repeat(n)),
                length.map(n -> "nbft = " + "=".repeat(n)),
                length.map(n -> "dc-giveup-hours = " + "0".repeat(n) + "4294967296"),
                length.map(n -> "max-pending-units = " + "0".repeat(n)),
                length.map(n -> "k" + "-".repeat(n) + " = 1"),
                length.map(n -> "[" + "[".repeat(n)));
        return line.list().ofMaxSize(160);
    }
}
