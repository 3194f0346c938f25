package org.nvmexpress.discoverd.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.tid.TidParser;

/**
 * Whatever the bytes, the decoder returns a page or throws its own {@link DlpDecodeException}, and
 * every entry of a page it returns becomes a connectable target or a rejection, never an exception:
 * random bytes, noise behind a plausible header, and valid pages with bytes flipped, fields
 * overwritten with extreme values and the page truncated. The fetcher, fed random device
 * responses, always ends with a result. Everything returned is bounded by the input's size.
 */
final class DiscoveryLogDecoderPropertyTest {
    private static final DcContext DC = DcContext.of(TidParser.strict(
            "transport=tcp;traddr=10.0.0.1;trsvcid=8009;host-iface=eth0;hostnqn=nqn.2014-08.org.nvmexpress:uuid:1"));

    @Property(tries = 300)
    void randomBytesAreDecodedOrRejected(@ForAll @Size(max = 6144) byte[] bytes) {
        decodeOrReject(bytes);
    }

    /** Round trip: every field {@link DlpWriter} writes is the field the decoder reads back. */
    @Property(tries = 300)
    void writtenPagesDecodeToWhatWasWritten(@ForAll("entries") List<DiscoveryLogEntry> expected, @ForAll long genctr)
            throws DlpDecodeException {
        DlpWriter writer = new DlpWriter().genctr(genctr);
        expected.forEach(e -> writer.entry(spec(e)));

        DiscoveryLogPage page = DiscoveryLogDecoder.decode(writer.build());

        assertThat(page.genctr()).isEqualTo(genctr);
        assertThat(page.entries()).isEqualTo(expected);
        assertThat(page.warnings()).isEmpty();
    }

    private static DlpWriter.Entry spec(DiscoveryLogEntry e) {
        DlpWriter.Entry spec = new DlpWriter.Entry().trtype(e.trtype()).adrfam(e.adrfam()).subtype(e.subtype())
                .treq(e.treq().value()).portid(e.portid()).cntlid(e.cntlid()).asqsz(e.asqsz())
                .eflags(e.eflags().value()).trsvcid(e.trsvcid()).subnqn(e.subnqn()).traddr(e.traddr());
        if (e.tsas() instanceof TransportSpecific.Rdma r) {
            spec.rdma(r.qptype(), r.prtype(), r.cms(), r.pkey());
        } else if (e.tsas() instanceof TransportSpecific.Tcp t) {
            spec.sectype(t.sectype());
        }
        return spec;
    }

    @Provide
    Arbitrary<List<DiscoveryLogEntry>> entries() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xffff);
        Arbitrary<String> trsvcid = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(31);
        Arbitrary<String> text = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(255);
        Arbitrary<Integer> trtype = Arbitraries.of(1, 3, 254);
        Arbitrary<int[]> codes = Combinators.combine(trtype, u8, Arbitraries.of(1, 2, 3), u8, u16, u16, u16, u16)
                .as((t, a, st, tq, p, c, q, f) -> new int[] {t, a, st, tq, p, c, q, f});
        Arbitrary<int[]> tsas = Combinators.combine(u8, u8, u8, u16).as((q, p, c, k) -> new int[] {q, p, c, k});
        Arbitrary<DiscoveryLogEntry> entry = Combinators.combine(codes, trsvcid, text, text, tsas).as((k, s, n, a, t) ->
                new DiscoveryLogEntry(0, 0, k[0], k[1], k[2], new TransportRequirements(k[3]), k[4], k[5], k[6],
                        new EntryFlags(k[7]), s, n, a, k[0] == 1 ? new TransportSpecific.Rdma(t[0], t[1], t[2], t[3])
                                : k[0] == 3 ? new TransportSpecific.Tcp(t[0]) : new TransportSpecific.Unused()));
        return entry.list().ofMaxSize(5).map(DiscoveryLogDecoderPropertyTest::placed);
    }

    /** The entries with the index and offset their place in the page gives them. */
    private static List<DiscoveryLogEntry> placed(List<DiscoveryLogEntry> entries) {
        return IntStream.range(0, entries.size()).mapToObj(i -> {
            DiscoveryLogEntry e = entries.get(i);
            return new DiscoveryLogEntry(i, DiscoveryLogDecoder.entryOffset(i), e.trtype(), e.adrfam(), e.subtype(),
                    e.treq(), e.portid(), e.cntlid(), e.asqsz(), e.eflags(), e.trsvcid(), e.subnqn(), e.traddr(),
                    e.tsas());
        }).toList();
    }

    /** A header whose numrec fits the page, before random entries: every field value is reached. */
    @Property(tries = 500)
    void noiseBehindAPlausibleHeaderIsDecodedOrRejected(@ForAll("noisePages") byte[] bytes) {
        decodeOrReject(bytes);
    }

    @Property(tries = 1000)
    void mutatedValidPagesAreDecodedOrRejected(@ForAll("validPages") byte[] page,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = page;
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        decodeOrReject(bytes);
    }

    /**
     * A controller answering garbage: random entries, now and then a failed command, and a random
     * header that sometimes changes between reads and sometimes claims a huge count. The fetch ends
     * with a result, never an exception or a buffer beyond the record limit.
     */
    @Property(tries = 300)
    void fetchFromARandomControllerEndsWithAResult(@ForAll long seed, @ForAll("smallCounts") int numrecBound) {
        Random random = new Random(seed);
        byte[][] header = {randomHeader(random, numrecBound)};
        LogPageReader garbage = command -> {
            if (random.nextInt(40) == 0) {
                throw LogPageReadException.errno("EIO", 5, "Input/output error");
            }
            byte[] out = new byte[command.length()];
            random.nextBytes(out);
            if (command.offset() == 0) {
                if (random.nextInt(4) == 0) {
                    header[0] = randomHeader(random, numrecBound);
                }
                System.arraycopy(header[0], 0, out, 0, out.length);
            }
            return out;
        };
        FetchResult result = new DiscoveryLogFetcher(64).fetch(garbage);
        Statistics.label("outcome").collect(result.getClass().getSimpleName());
        if (result instanceof FetchResult.Fetched fetched) {
            assertThat(fetched.page().entries().size()).isLessThanOrEqualTo(64);
            fetched.page().entries().forEach(e -> assertThat(EntryTargets.of(e, DC)).isNotNull());
        }
        assertThat(result.describe()).isNotEmpty();
    }

    /** 20 random bytes; mostly with a numrec up to {@code bound}, else whatever the bytes say. */
    private static byte[] randomHeader(Random random, int bound) {
        byte[] header = new byte[DiscoveryLogFetcher.HEADER_LENGTH];
        random.nextBytes(header);
        if (random.nextInt(8) != 0) {
            ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putLong(8, random.nextInt(bound + 1));
        }
        return header;
    }

    private static void decodeOrReject(byte[] bytes) {
        DiscoveryLogPage page;
        try {
            page = DiscoveryLogDecoder.decode(bytes);
        } catch (DlpDecodeException e) {
            assertThat(e.problem().offset()).isLessThanOrEqualTo(Math.max(bytes.length, 1024L));
            return;
        }
        int entries = page.entries().size();
        assertThat(entries).isLessThanOrEqualTo((bytes.length - 1024) / 1024);
        assertThat(page.warnings().size()).isLessThanOrEqualTo(6 * entries + 2);
        for (DiscoveryLogEntry e : page.entries()) {
            EntryTarget target = EntryTargets.of(e, DC);
            assertThat(target.entry()).isSameAs(e);
            assertThat(e.traddr().length() + e.subnqn().length()).isLessThan(512);
        }
    }

    /**
     * Hostile counts and values: numrec anywhere in 64 bits against a page of up to 64 entries, the
     * entries zero or filled to the brim with text and no NUL. A count past the page is refused at
     * the first missing entry, before any is read; one within it gives exactly numrec entries and a
     * bounded number of warnings (counted), whatever the fields hold.
     */
    @Property(tries = 300)
    void countsPastThePageAreRefusedAndFieldsFilledToTheBrimAreBounded(@ForAll("hugeCounts") long numrec,
            @ForAll @IntRange(max = 64) int present, @ForAll boolean filled) {
        byte[] page = new byte[DiscoveryLogDecoder.HEADER_SIZE + present * DiscoveryLogDecoder.ENTRY_SIZE];
        Arrays.fill(page, DiscoveryLogDecoder.HEADER_SIZE, page.length, filled ? (byte) 'A' : 0);
        ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putLong(8, numrec);
        DiscoveryLogPage decoded;
        try {
            decoded = DiscoveryLogDecoder.decode(page);
        } catch (DlpDecodeException e) {
            assertThat(Long.compareUnsigned(numrec, present)).isPositive();
            assertThat(e.problem().offset()).isEqualTo(DiscoveryLogDecoder.entryOffset(present));
            return;
        }
        assertThat(Long.compareUnsigned(numrec, present)).isLessThanOrEqualTo(0);
        assertThat(decoded.entries()).hasSize((int) numrec);
        assertThat(decoded.warnings().size()).isLessThanOrEqualTo((filled ? 5 : 2) * (int) numrec + 1);
        decoded.entries().forEach(e -> assertThat(e.subnqn().length() + e.traddr().length()).isLessThanOrEqualTo(510));
    }

    @Provide
    Arbitrary<Long> hugeCounts() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 70),
                Arbitraries.of(-1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL));
    }

    @Provide
    Arbitrary<Integer> smallCounts() {
        return Arbitraries.integers().between(0, 80);
    }

    @Provide
    Arbitrary<byte[]> noisePages() {
        Arbitrary<Integer> records = Arbitraries.integers().between(0, 6);
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> recfmt = Arbitraries.of(0, 0, 1, 0xffff);
        return Combinators.combine(records, seeds, recfmt).as((n, seed, fmt) -> {
            byte[] page = new byte[1024 * (n + 1)];
            new Random(seed).nextBytes(page);
            ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putLong(8, n).putShort(16, fmt.shortValue());
            return page;
        });
    }

    @Provide
    Arbitrary<byte[]> validPages() {
        Arbitrary<DlpWriter.Entry> entry = Arbitraries.oneOf(
                Arbitraries.of("10.0.0.9", "fe80::1%eth0", "2001:db8::9").map(a -> DlpWriter.tcp(a, "4420", "nqn.a:b")),
                Arbitraries.of("nn-0x1:pn-0x2", "nn-0x1,pn-0x2").map(a -> DlpWriter.fc(a, "nqn.a:b")),
                Arbitraries.just(DlpWriter.rdma("10.0.0.9", "", "nqn.a:b")),
                Arbitraries.just(DlpWriter.loop(DlpWriter.DISCOVERY_NQN).subtype(3)));
        return entry.list().ofMaxSize(4).map(entries -> {
            DlpWriter writer = new DlpWriter();
            entries.forEach(writer::entry);
            return writer.build();
        });
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> position = Arbitraries.oneOf(Arbitraries.integers().between(0, 5200),
                Arbitraries.integers().between(0, 24), Arbitraries.integers().between(1024, 1036));
        Arbitrary<Long> value = Arbitraries.oneOf(Arbitraries.of(0L, 1L, 2L, 3L, 4L, 5L, 0xffL, 0xffffL, 0x7fff_ffffL,
                0xffff_ffffL, Long.MAX_VALUE, -1L), Arbitraries.longs());
        Arbitrary<Mutation> one = Arbitraries.oneOf(
                Combinators.combine(position, Arbitraries.integers().between(0, 7)).as(Mutation.Flip::new),
                Combinators.combine(position, value).as(Mutation.Overwrite64::new),
                Arbitraries.integers().between(0, 5200).map(Mutation.Truncate::new));
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** One change to a page. */
    sealed interface Mutation {
        byte[] apply(byte[] bytes);

        record Flip(int position, int bit) implements Mutation {
            @Override
            public byte[] apply(byte[] bytes) {
                byte[] out = bytes.clone();
                if (position < out.length) {
                    out[position] ^= (byte) (1 << bit);
                }
                return out;
            }
        }

        /** Writes {@code value} little-endian at {@code position}, as much of it as fits. */
        record Overwrite64(int position, long value) implements Mutation {
            @Override
            public byte[] apply(byte[] bytes) {
                byte[] out = bytes.clone();
                for (int i = 0; i < 8 && position + i < out.length; i++) {
                    out[position + i] = (byte) (value >>> (8 * i));
                }
                return out;
            }
        }

        record Truncate(int length) implements Mutation {
            @Override
            public byte[] apply(byte[] bytes) {
                return Arrays.copyOf(bytes, Math.min(length, bytes.length));
            }
        }
    }
}
