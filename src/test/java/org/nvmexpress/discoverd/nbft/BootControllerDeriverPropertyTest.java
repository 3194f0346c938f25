package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nvmexpress.discoverd.nbft.SkippedDescriptor.Kind;

/**
 * Wide tables of hostile shape (every SSNS through every HFI, one NQN of any length up to 64 KiB
 * shared by all, addresses distinct or all alike) parse into one shared string and derive within
 * the deriver's bounds, which are made small here so that small tables reach them. Every bound is
 * counted: string instances and characters kept, controllers built, descriptors listed, and every
 * record accounted for.
 */
final class BootControllerDeriverPropertyTest {
    private static final HostInterfaces NO_INTERFACES = new HostInterfaces(Path.of("/nonexistent-root"));
    private static final Pattern COUNTED = Pattern.compile("this and ([0-9]+) more .*");

    @Property(tries = 200)
    void wideTablesShareTheirNqnAndDeriveWithinBounds(@ForAll @IntRange(min = 1, max = 24) int hfis,
            @ForAll @IntRange(min = 1, max = 24) int namespaces, @ForAll("nqnLengths") int nqnLength,
            @ForAll boolean distinct, @ForAll @IntRange(min = 1, max = 64) int maxControllers,
            @ForAll @IntRange(min = 1, max = 64) int maxSkipped) throws NbftParseException {
        NbftTable table = NbftParser.parse("/t/NBFT", WideTable.build(hfis, namespaces, WideTable.nqn(nqnLength), distinct));
        Set<String> nqns = Collections.newSetFromMap(new IdentityHashMap<>());
        table.subsystemNamespaces().forEach(s -> nqns.add(s.nqn()));
        assertThat(nqns).hasSize(1).allSatisfy(nqn -> assertThat(nqn).hasSize(nqnLength));

        BootControllerDeriver deriver = new BootControllerDeriver(NO_INTERFACES, maxControllers, maxSkipped);
        deriver.add(table);
        BootControllers derived = deriver.result();
        assertThat(derived.controllers()).hasSizeLessThanOrEqualTo(maxControllers);
        assertThat(derived.skipped()).hasSizeLessThanOrEqualTo(maxSkipped + 2);
        assertThat(derived.controllers()).allSatisfy(c -> assertThat(c.tid().nqn().length())
                .isLessThanOrEqualTo(BootControllerDeriver.MAX_NQN_BYTES));

        int records = hfis * namespaces;
        if (nqnLength > BootControllerDeriver.MAX_NQN_BYTES) {
            assertThat(derived.controllers()).isEmpty();
            assertThat(accounted(derived.skipped(), Kind.TOO_LONG)).isEqualTo(namespaces);
        } else {
            int expected = distinct ? Math.min(records, maxControllers) : 1;
            assertThat(derived.controllers()).hasSize(expected);
            assertThat(derived.controllers().size() + accounted(derived.skipped(), Kind.DUPLICATE)).isEqualTo(records);
        }
    }

    /**
     * The records {@code skipped} accounts for as {@code kind}, or as left out past the controller
     * bound, or not listed past the skipped bound: each counting entry says how many it stands for.
     */
    private static int accounted(List<SkippedDescriptor> skipped, Kind kind) {
        int total = 0;
        for (SkippedDescriptor s : skipped) {
            if (s.kind() == kind) {
                total++;
            } else {
                assertThat(s.kind()).isEqualTo(Kind.LIMIT);
                Matcher m = COUNTED.matcher(s.reason());
                assertThat(m.matches()).as(s.reason()).isTrue();
                total += Integer.parseInt(m.group(1)) + 1;
            }
        }
        return total;
    }

    /** Lengths on both sides of an NQN's 223 bytes, up to the longest heap string. */
    @Provide
    Arbitrary<Integer> nqnLengths() {
        return Arbitraries.oneOf(Arbitraries.integers().between(24, 223), Arbitraries.integers().between(224, 65_535),
                Arbitraries.of(223, 224, WideTable.LONGEST_STRING));
    }
}
