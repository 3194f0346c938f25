package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Whatever the bytes, the parser either returns a table or throws its own {@link NbftParseException}:
 * random bytes, noise shaped like a table (valid header, control, host and descriptor IDs around
 * random content), and good fixture tables with bytes flipped, fields overwritten with extreme
 * values and the file truncated.
 *
 * <p>Unbounded loops or allocations cannot happen by construction: the parser's loops run over
 * descriptor counts (at most 255 each, checked against the table length) and heap objects (checked
 * to lie inside the table), and each allocation copies such a checked range. The properties check
 * the consequence: everything a table yields is bounded by the table's size.
 */
final class NbftParserPropertyTest {

    @Property(tries = 300)
    void randomBytesAreParsedOrRejected(@ForAll @Size(max = 2048) byte[] bytes) {
        parseOrReject(bytes);
        parseOrReject(NbftFixtures.withChecksum(bytes.length < NbftParser.MIN_SIZE ? new byte[NbftParser.MIN_SIZE] : bytes));
    }

    @Property(tries = 1000)
    void tableShapedNoiseIsParsedOrRejected(@ForAll("tableShapedNoise") byte[] bytes) {
        parseOrReject(bytes);
    }

    @Property(tries = 2000)
    @AddLifecycleHook(FixturesPresent.class)
    void mutatedFixtureTablesAreParsedOrRejected(@ForAll("fixtureTables") byte[] table,
            @ForAll("mutations") List<Mutation> mutations, @ForAll boolean fixChecksum) {
        byte[] bytes = table;
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        parseOrReject(fixChecksum && bytes.length > 9 ? NbftFixtures.withChecksum(bytes) : bytes);
    }

    /** Parses; a table must be bounded by the input and dump without error. Any other exception fails the property. */
    private static void parseOrReject(byte[] bytes) {
        NbftTable table;
        try {
            table = NbftParser.parse("T", bytes);
        } catch (NbftParseException e) {
            assertThat(e.problem().table()).isEqualTo("T");
            return;
        }
        int descriptors = table.hfis().size() + table.securityProfiles().size() + table.discoveryControllers().size()
                + table.subsystemNamespaces().size();
        assertThat(descriptors).isLessThanOrEqualTo(bytes.length / 32);
        // Warnings stay linear in the input: four lists of at most length / 32 descriptors each
        // (a descriptor is at least 32 bytes), each descriptor at most a few warnings (a dropped
        // field or two, then its own drop). length / 8 was too tight: seed 983382886863468227
        // gave 106 warnings for a mutated table of about 830 bytes.
        assertThat(table.warnings().size()).isLessThanOrEqualTo(bytes.length / 2);
        String dump = NbftDump.of(table);
        assertThat(dump).startsWith("raw_nbft_size=" + bytes.length + "\n");
        for (NbftSubsystemNamespace s : table.subsystemNamespaces()) {
            assertThat(s.nqn().length() + s.trsvcid().length()).isLessThan(bytes.length);
        }
    }

    /** A valid header, control and host descriptor and descriptor IDs, pointing anywhere into random content. */
    @Provide
    Arbitrary<byte[]> tableShapedNoise() {
        Arbitrary<byte[]> content = Arbitraries.bytes().array(byte[].class).ofMinSize(NbftParser.MIN_SIZE).ofMaxSize(2048);
        Arbitrary<List<Integer>> fields = Arbitraries.integers().between(0, 4096).list().ofSize(14);
        return Combinators.combine(content, fields).as(NoiseTable::shape);
    }

    @Provide
    Arbitrary<byte[]> fixtureTables() {
        List<byte[]> good = new ArrayList<>();
        for (String name : NbftFixtures.names(NbftFixtures.TABLES)) {
            byte[] bytes = NbftFixtures.table(name);
            if (bytes.length >= NbftParser.MIN_SIZE) {
                good.add(bytes);
            }
        }
        return Arbitraries.of(good);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> position = Arbitraries.oneOf(Arbitraries.integers().between(0, 4200),
                Arbitraries.integers().between(0, 767));
        Arbitrary<Long> value = Arbitraries.oneOf(Arbitraries.of(0L, 1L, 0x7fL, 0xffL, 0xffffL, 0x7fff_ffffL, 0x8000_0000L,
                0xffff_ffffL), Arbitraries.longs().between(0, 0x1400));
        Arbitrary<Mutation> one = Arbitraries.oneOf(
                Combinators.combine(position, Arbitraries.integers().between(0, 7)).as(Mutation.Flip::new),
                Combinators.combine(position, value).as(Mutation.Overwrite16::new),
                Combinators.combine(position, value).as(Mutation.Overwrite32::new),
                Arbitraries.integers().between(0, 4200).map(Mutation.Truncate::new));
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Runs a property only when the fixture tables are there. */
    static final class FixturesPresent implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Files.isDirectory(NbftFixtures.TABLES) ? SkipResult.doNotSkip()
                    : SkipResult.skip("NBFT fixtures not found: " + NbftFixtures.TABLES + " is absent");
        }
    }
}
