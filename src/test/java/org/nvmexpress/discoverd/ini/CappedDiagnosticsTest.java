package org.nvmexpress.discoverd.ini;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class CappedDiagnosticsTest {
    @Test
    void fewFindingsAreKeptInLineOrderWithoutASummary() {
        CappedDiagnostics findings = new CappedDiagnostics("f.conf");
        findings.add(Diagnostic.warning("f.conf", 5, "late"));
        findings.add(Diagnostic.error("f.conf", 2, "early"));
        findings.add(Diagnostic.warning("f.conf", 2, "early too, after"));
        assertThat(findings.toList()).extracting(Diagnostic::toString).containsExactly(
                "f.conf:2: error: early", "f.conf:2: warning: early too, after", "f.conf:5: warning: late");
        assertThat(findings.total()).isEqualTo(3);
        assertThat(findings.dropped()).isZero();
    }

    @Test
    void pastTheLimitTheEarliestLinesAreKeptAndTheRestCounted() {
        CappedDiagnostics findings = new CappedDiagnostics("f.conf", 2);
        findings.add(Diagnostic.warning("f.conf", 9, "nine"));
        findings.add(Diagnostic.warning("f.conf", 7, "seven"));
        findings.add(Diagnostic.warning("f.conf", 8, "eight"));
        // A section's finding arrives at its end, naming its first line: it still comes first.
        findings.add(Diagnostic.warning("f.conf", 1, "one"));
        assertThat(findings.toList()).extracting(Diagnostic::toString).containsExactly(
                "f.conf:1: warning: one", "f.conf:7: warning: seven", "f.conf: warning: 2 more problems not shown");
    }

    @Test
    void theSummaryIsAnErrorWhenADroppedFindingWas() {
        CappedDiagnostics findings = new CappedDiagnostics("f.conf", 1);
        findings.add(Diagnostic.warning("f.conf", 1, "kept"));
        findings.add(Diagnostic.error("f.conf", 2, "dropped"));
        assertThat(findings.toList()).last().hasToString("f.conf: error: 1 more problem not shown");
        assertThat(findings.errors()).isOne();
        assertThat(findings.hasErrors()).isTrue();
    }

    @Test
    void onlyTheSummaryCountsAsNotShown() {
        CappedDiagnostics findings = new CappedDiagnostics("f.conf", 1);
        findings.add(Diagnostic.warning("f.conf", 3, "3 more problems not shown"));
        findings.add(Diagnostic.warning("f.conf", 4, "x"));
        List<Diagnostic> list = findings.toList();
        assertThat(CappedDiagnostics.notShown(list.get(0))).isEmpty();
        assertThat(CappedDiagnostics.notShown(list.get(1))).isEqualTo(OptionalInt.of(1));
        assertThat(CappedDiagnostics.notShown(Diagnostic.error("f.conf", 0, "is a directory, not a file"))).isEmpty();
    }

    /** However many findings come, in whatever line order, N are kept and the total is told. */
    @Property(tries = 300)
    void keptIsBoundedAndTheCountIsExact(@ForAll("lineNumbers") List<Integer> lines) {
        CappedDiagnostics findings = new CappedDiagnostics("f.conf");
        lines.forEach(line -> findings.add(Diagnostic.warning("f.conf", line, "bad")));
        List<Diagnostic> kept = findings.toList();
        assertThat(kept).hasSizeLessThanOrEqualTo(CappedDiagnostics.PER_FILE + 1);
        int shown = (int) kept.stream().filter(d -> CappedDiagnostics.notShown(d).isEmpty()).count();
        int notShown = kept.stream().mapToInt(d -> CappedDiagnostics.notShown(d).orElse(0)).sum();
        assertThat(shown + notShown).isEqualTo(lines.size());
        assertThat(kept.subList(0, shown)).extracting(Diagnostic::line)
                .isSorted().containsExactlyElementsOf(lines.stream().sorted().limit(shown).toList());
    }

    @Provide
    Arbitrary<List<Integer>> lineNumbers() {
        return Arbitraries.integers().between(1, 100_000).list().ofMaxSize(3_000);
    }
}
