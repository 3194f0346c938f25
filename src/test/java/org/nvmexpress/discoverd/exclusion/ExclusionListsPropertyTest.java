package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/** Whatever the files hold, readers answer and writers either write a valid list or say why not. */
final class ExclusionListsPropertyTest {
    private static final ListName NAMED = new ListName("soup");
    private static final List<TransportId> CONNECTIONS = List.of(
            TidParser.strict("transport=tcp;traddr=192.0.2.10;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1;host-iface=eth3"),
            TidParser.strict("transport=fc;traddr=nn-0x20000090fa000001:pn-0x10000090fa000001;nqn=nqn.x"),
            TidParser.strict("transport=rdma;traddr=2001:db8::1;host-traddr=::ffff:10.0.0.1"));
    private static final List<String> LINES = List.of("[exclusions]", "[other]", "[exclusions", "# note", "", "  ",
            "exclusion = transport=tcp;traddr=192.0.2.10", "exclusion = nqn=nqn.2024-01.com.example:vol1",
            "exclusion = host-iface=eth3", "exclusion = traddr=NN-0x20000090FA000001:pn-0x10000090fa000001",
            "exclusion = traddr=10.0.0.1", "exclusion = host-traddr=10.0.0.1", "exclusion =", "key = value");

    private static Path root;

    @BeforeContainer
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("exclusion-property");
    }

    @AfterContainer
    static void removeRoot() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static ExclusionLists lists() {
        return new ExclusionLists(root);
    }

    private static void place(ListName name, byte[] content) throws IOException {
        Path file = lists().file(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** match never throws; read, entries and check throw nothing but ExclusionException. */
    private static void readersSurvive() {
        for (TransportId connection : CONNECTIONS) {
            MatchResult result = lists().match(connection);
            assertThat(result.skipped()).isEmpty();
        }
        for (ListName name : List.of(ListName.DEFAULT, NAMED)) {
            try {
                ListContent content = lists().read(name);
                ExclusionLists.check(name.display(), content.text());
                lists().entries(name).forEach(EntryLine::problem);
            } catch (ExclusionException e) {
                assertThat(e.reason()).isEqualTo(ExclusionException.Reason.NOT_FOUND);
            }
        }
    }

    @Property(tries = 300)
    void byteSoupNeverBreaksTheReaders(@ForAll @Size(max = 2048) byte[] main, @ForAll @Size(max = 2048) byte[] named) throws IOException {
        place(ListName.DEFAULT, main);
        place(NAMED, named);
        readersSurvive();
    }

    @Provide
    Arbitrary<String> mutatedLists() {
        Arbitrary<String> valid = Arbitraries.of(LINES).list().ofMaxSize(12).map(lines -> String.join("\n", lines) + "\n");
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 400);
        Arbitrary<String> noise = Arbitraries.strings().withChars("[]=#;\n\r\t \0é%:,.").ofMaxLength(4);
        return Combinators.combine(valid, position, position, noise).as((text, at, length, insert) -> {
            int from = Math.min(at, text.length());
            int to = Math.min(text.length(), from + length % 8);
            return text.substring(0, from) + insert + text.substring(to);
        });
    }

    @Property(tries = 300)
    void mutatedListIsWrittenOnlyWhenValidAndReadersSurvive(@ForAll("mutatedLists") String text) throws IOException {
        Files.deleteIfExists(lists().file(NAMED));
        boolean valid = ExclusionLists.check("t", text).stream().noneMatch(d -> d.isError());
        try {
            lists().write(NAMED, text, ListContent.ABSENT);
            assertThat(valid).as("written although invalid").isTrue();
            assertThat(lists().read(NAMED).text()).isEqualTo(text);
        } catch (ExclusionException e) {
            assertThat(valid).as("refused although valid: %s", e.getMessage()).isFalse();
            assertThat(e.reason()).isEqualTo(ExclusionException.Reason.INVALID_CONTENT);
            assertThat(lists().file(NAMED)).doesNotExist();
        }
        place(ListName.DEFAULT, text.getBytes(StandardCharsets.UTF_8));
        readersSurvive();
    }

    /**
     * K lines that each earn one finding, in hostile shapes (long values, runs of separators): at
     * most a hundred are kept, and what is kept plus the count not shown is K.
     */
    @Property(tries = 200)
    void findingsAreCappedPerFileAndCountedExactly(@ForAll("badLines") List<String> lines) {
        String text = "[exclusions]\n" + String.join("\n", lines) + "\n";
        List<Diagnostic> found = ExclusionLists.check("f", text);
        assertThat(found).hasSizeLessThanOrEqualTo(CappedDiagnostics.PER_FILE + 1);
        long shown = found.stream().filter(d -> CappedDiagnostics.notShown(d).isEmpty()).count();
        int notShown = found.stream().mapToInt(d -> CappedDiagnostics.notShown(d).orElse(0)).sum();
        assertThat(shown + notShown).isEqualTo(lines.size());
    }

    @Provide
    Arbitrary<List<String>> badLines() {
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 500);
        Arbitrary<String> line = Arbitraries.oneOf(
                length.map(n -> "exclusion = " + ";".repeat(n)),
                length.map(n -> "exclusion = " + "x;".repeat(n)),
                length.map(n -> "exclusion = nqn=" + "=".repeat(n) + ";bogus"),
                length.map(n -> "exclusion " + "x".repeat(n)),
                length.map(n -> "exclusion = traddr=" + "9".repeat(n) + "\0"));
        return line.list().ofMaxSize(160);
    }
}
