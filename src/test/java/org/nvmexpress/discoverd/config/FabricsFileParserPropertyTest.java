package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.IniReadException;
import org.nvmexpress.discoverd.ini.IniReader;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Whatever one file holds, reading it either fails with our own {@link IniReadException} (not
 * text) or yields a model and findings that name the file and a line in it; the parser itself never
 * throws. An error-free model is complete: every subsystem has its NQN, every path its address.
 */
final class FabricsFileParserPropertyTest {
    private static final String NAME = "etc/nvme/nvme-fabrics.conf.d/x.conf";
    /** What {@link FabricsFileParser#looksLikeInlineComment} used to be: the oracle for short values. */
    private static final Pattern OLD_INLINE_COMMENT = Pattern.compile(".*[ \t]#.*");
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("fabrics-file-property");
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

    private static void assertSound(FabricsFileParser.Parsed parsed, String text) {
        int lines = text.split("\n", -1).length;
        assertThat(parsed.file().file()).isEqualTo(NAME);
        assertThat(parsed.diagnostics()).hasSizeLessThanOrEqualTo(CappedDiagnostics.PER_FILE + 1);
        assertThat(parsed.diagnostics()).allSatisfy(d -> {
            assertThat(d.file()).isEqualTo(NAME);
            assertThat(d.line()).isBetween(CappedDiagnostics.notShown(d).isPresent() ? 0 : 1, lines);
            assertThat(d.message()).isNotBlank().doesNotContain("\n");
        });
        assertThat(parsed.diagnostics()).filteredOn(d -> CappedDiagnostics.notShown(d).isEmpty())
                .extracting(d -> d.line()).isSorted();
        if (!parsed.hasErrors()) {
            assertComplete(parsed.file());
        }
    }

    private static void assertComplete(FabricsFile file) {
        assertThat(file.endpoints()).allSatisfy(e -> {
            if (e.role() == Role.IOC) {
                assertThat(e.nqn()).isNotNull();
            }
            assertThat(e.controllers()).allSatisfy(c -> {
                assertThat(c.transport()).isNotEmpty();
                assertThat(c.traddr()).isNotEmpty();
            });
        });
    }

    @Example
    void theCorpusIsValid() {
        for (String text : FabricsMutations.VALID) {
            assertThat(FabricsFileParser.parse(IniReader.parse(NAME, text)).diagnostics()).isEmpty();
        }
    }

    @Property(tries = 300)
    void byteSoupIsReadOrRefusedWithOurError(@ForAll @Size(max = 4096) byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("soup.conf"), bytes);
        try {
            FabricsFileParser.Parsed parsed = FabricsFileParser.parse(IniReader.read(file, NAME));
            assertSound(parsed, new String(bytes, StandardCharsets.UTF_8));
        } catch (IniReadException e) {
            assertThat(e.diagnostic().file()).isEqualTo(NAME);
            assertThat(e.diagnostic().isError()).isTrue();
        }
    }

    @Property(tries = 1000)
    void editsOfValidFilesNeverThrow(@ForAll("mutatedValidFiles") String text) {
        assertSound(FabricsFileParser.parse(IniReader.parse(NAME, text)), text);
    }

    @Property(tries = 300)
    void editedFilesReadFromDiskNeverThrowAnythingButOurs(@ForAll("mutatedValidFiles") String text) throws IOException {
        Path file = Files.writeString(dir.resolve("edited.conf"), text);
        try {
            assertSound(FabricsFileParser.parse(IniReader.read(file, NAME)), text);
        } catch (IniReadException e) {
            assertThat(e.reason()).isEqualTo(IniReadException.Reason.NUL_BYTE);
        }
    }

    /**
     * The inline-comment check reads each character at most once, whatever the value, and decides
     * as the regular expression it replaced did (compared where that expression is still cheap).
     */
    @Property(tries = 300)
    void inlineCommentCheckIsOnePassAndKeepsTheOldDecision(@ForAll("hostileValues") String value) {
        CountingChars chars = new CountingChars(value);
        boolean found = FabricsFileParser.looksLikeInlineComment(chars);
        assertThat(chars.reads()).isLessThanOrEqualTo(value.length());
        if (value.length() <= 2_000) {
            assertThat(found).isEqualTo(OLD_INLINE_COMMENT.matcher(value).matches());
        }
    }

    /** Long runs of the characters the check looks at: blanks, hashes and every line break. */
    @Provide
    Arbitrary<String> hostileValues() {
        Arbitrary<String> piece = Arbitraries.of(" #", "\t#", "#", " ", "\t", "x", "a #", "\u2028", "\u2029",
                "\u0085", "\r", "\n", "\u00e9", "\uD83D\uDE00", "\uD800");
        Arbitrary<String> run = Combinators.combine(piece, Arbitraries.integers().between(1, 4_000)).as(String::repeat);
        return run.list().ofMaxSize(6).map(runs -> String.join("", runs));
    }

    /**
     * K lines that each earn one finding, in hostile shapes (long values, runs of separators, many
     * bad tokens on one controller line): at most a hundred kept, the rest counted exactly.
     */
    @Property(tries = 200)
    void findingsAreCappedPerFileAndCountedExactly(@ForAll("badLines") List<String> lines) {
        String text = "[Discovery Controller]\ncontroller = transport=tcp;traddr=1.2.3.4\n" + String.join("\n", lines)
                + "\n";
        FabricsFileParser.Parsed parsed = FabricsFileParser.parse(IniReader.parse(NAME, text));
        assertSound(parsed, text);
        long shown = parsed.diagnostics().stream().filter(d -> CappedDiagnostics.notShown(d).isEmpty()).count();
        int notShown = parsed.diagnostics().stream().mapToInt(d -> CappedDiagnostics.notShown(d).orElse(0)).sum();
        assertThat(shown + notShown).isEqualTo(lines.size());
        assertThat(parsed.hasErrors()).isEqualTo(!lines.isEmpty());
    }

    @Provide
    Arbitrary<List<String>> badLines() {
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 500);
        Arbitrary<String> line = Arbitraries.oneOf(
                length.map(n -> "junk " + "x".repeat(n)),
                length.map(n -> "tos = " + "9".repeat(n) + "9999999999"),
                length.map(n -> "tls = " + "y #".repeat(n) + "\u2028"),
                length.map(n -> "controller = transport=tcp;traddr=1.2.3.4" + ";".repeat(n) + ";bogus"),
                length.map(n -> "[" + "[".repeat(n)));
        return line.list().ofMaxSize(160);
    }

    @Provide
    Arbitrary<String> mutatedValidFiles() {
        return FabricsMutations.mutatedValidFile();
    }
}
