package org.nvmexpress.discoverd.ini;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

final class IniReaderPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("ini-property");
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

    @Property(tries = 300)
    void randomBytesEitherReadOrFailWithOurError(@ForAll @Size(max = 4096) byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("soup.conf"), bytes);
        try {
            IniDocument doc = IniReader.read(file, "soup.conf");
            assertThat(doc.lines()).allSatisfy(line -> assertThat(line.line()).isPositive());
        } catch (IniReadException e) {
            assertThat(e.diagnostic().file()).isEqualTo("soup.conf");
        }
    }

    @Property
    void everyLineKeepsItsNumberAndOrder(@ForAll @StringLength(max = 2000) String text) {
        IniDocument doc = IniReader.parse("t.conf", text);
        int previous = 0;
        for (IniLine line : doc.lines()) {
            assertThat(line.line()).isGreaterThan(previous);
            previous = line.line();
        }
        assertThat(previous).isLessThanOrEqualTo(text.split("\n", -1).length);
    }

    /**
     * Files of junk lines read one after the other against one budget: the bytes taken never pass
     * it, a file that does not fit is refused and takes nothing, and a file read keeps one line
     * per junk line (counted).
     */
    @Property(tries = 200)
    void aSharedBudgetIsNeverOverspent(@ForAll("junkLineCounts") List<Integer> files,
            @ForAll @IntRange(max = 60_000) int total) throws IOException {
        ReadBudget budget = new ReadBudget(total);
        long taken = 0;
        for (int i = 0; i < files.size(); i++) {
            int lines = files.get(i);
            Path file = Files.writeString(dir.resolve("budget" + i + ".conf"), "x\n".repeat(lines));
            long before = budget.remainingBytes();
            try {
                assertThat(IniReader.read(file, "budget.conf", budget).lines()).hasSize(lines);
                assertThat(before - budget.remainingBytes()).isEqualTo(2L * lines);
                taken += 2L * lines;
            } catch (IniReadException e) {
                assertThat(e.reason()).isEqualTo(IniReadException.Reason.TOO_LARGE);
                assertThat(2L * lines).isGreaterThan(before);
                assertThat(budget.remainingBytes()).isEqualTo(before);
            }
        }
        assertThat(taken).isLessThanOrEqualTo(total);
        assertThat(budget.remainingBytes()).isEqualTo(total - taken);
    }

    @Provide
    Arbitrary<List<Integer>> junkLineCounts() {
        return Arbitraries.integers().between(0, 20_000).list().ofMaxSize(5);
    }
}
