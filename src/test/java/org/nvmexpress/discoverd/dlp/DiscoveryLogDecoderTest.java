package org.nvmexpress.discoverd.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;

/** Pages written by {@link DlpWriter}, decoded field by field (reference §5.3 step 5, §5.4). */
final class DiscoveryLogDecoderTest {
    private static final String NQN = "nqn.2024-01.com.example:vol1";

    private static DiscoveryLogPage decode(DlpWriter writer) throws DlpDecodeException {
        return DiscoveryLogDecoder.decode(writer.build());
    }

    private static DiscoveryLogEntry only(DlpWriter.Entry entry) throws DlpDecodeException {
        return decode(new DlpWriter().entry(entry)).entries().get(0);
    }

    @Test
    void tcpEntryRoundTripsEveryField() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().genctr(0x1_0000_0001L).entry(DlpWriter.tcp("10.0.0.9", "4420", NQN)
                .subtype(3).treq(0x5).portid(0x1234).cntlid(0xfffe).asqsz(128).eflags(0x6).sectype(2)));

        assertThat(page.genctr()).isEqualTo(0x1_0000_0001L);
        assertThat(page.numrec()).isEqualTo(1);
        assertThat(page.recfmt()).isZero();
        assertThat(page.warnings()).isEmpty();
        assertThat(page.entries()).containsExactly(new DiscoveryLogEntry(0, 1024, 3, 1, 3, new TransportRequirements(5),
                0x1234, 0xfffe, 128, new EntryFlags(6), "4420", NQN, "10.0.0.9", new TransportSpecific.Tcp(2)));
        DiscoveryLogEntry e = page.entries().get(0);
        assertThat(e.transportType()).isEqualTo(TransportType.TCP);
        assertThat(e.addressFamily()).isEqualTo(AddressFamily.IPV4);
        assertThat(e.kind()).isEqualTo(Subtype.CURRENT);
        assertThat(e.securityType()).isEqualTo(TcpSecurityType.TLS13);
        assertThat(e.name()).isEqualTo("entry 0");
    }

    @Test
    void rdmaEntryReadsItsTsas() throws DlpDecodeException {
        DiscoveryLogEntry e = only(DlpWriter.rdma("fd00::5", "4420", NQN).rdma(2, 3, 1, 0xbeef));

        assertThat(e.addressFamily()).isEqualTo(AddressFamily.IPV6);
        assertThat(e.tsas()).isEqualTo(new TransportSpecific.Rdma(2, 3, 1, 0xbeef));
        TransportSpecific.Rdma rdma = (TransportSpecific.Rdma) e.tsas();
        assertThat(List.of(rdma.qptypeName(), rdma.prtypeName(), rdma.cmsName()))
                .containsExactly("datagram", "roce", "rdma-cm");
        assertThat(e.securityType()).isEqualTo(TcpSecurityType.NONE);
    }

    @Test
    void fcAndLoopEntriesHaveNoTsas() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter()
                .entry(DlpWriter.fc("nn-0x20000090fa942779:pn-0x10000090fa942779", NQN).tsasNoise())
                .entry(DlpWriter.loop(NQN)));

        assertThat(page.entries()).extracting(DiscoveryLogEntry::tsas)
                .containsExactly(new TransportSpecific.Unused(), new TransportSpecific.Unused());
        assertThat(page.entries()).extracting(DiscoveryLogEntry::offset).containsExactly(1024L, 2048L);
        assertThat(page.entries().get(1).transportType()).isEqualTo(TransportType.LOOP);
        assertThat(page.entries().get(1).traddr()).isEmpty();
    }

    /** libnvme's test-fabrics case: space-padded wire data ends up trimmed. */
    @Test
    void spacePaddedStringsAreTrimmed() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().entry(DlpWriter.tcp("10.0.0.1", "4420", NQN + " \t ").padding(' ')));

        DiscoveryLogEntry e = page.entries().get(0);
        assertThat(page.warnings()).as("padding to the last byte loses nothing").isEmpty();
        assertThat(e.trsvcid()).isEqualTo("4420");
        assertThat(e.traddr()).isEqualTo("10.0.0.1");
        assertThat(e.subnqn()).isEqualTo(NQN);
    }

    @Test
    void textEndsAtTheFirstNul() throws DlpDecodeException {
        DiscoveryLogEntry e = only(DlpWriter.tcp("10.0.0.1", "4420", NQN).traddrBytes("10.0.0.1\0junk".getBytes()));

        assertThat(e.traddr()).isEqualTo("10.0.0.1");
    }

    /** libnvme's other test-fabrics case: a fully packed field loses its last byte to the forced NUL. */
    @Test
    void fullyPackedFieldsLoseTheirLastByteWithAWarning() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().entry(DlpWriter.tcp("a".repeat(256), "b".repeat(32), "c".repeat(256))));

        DiscoveryLogEntry e = page.entries().get(0);
        assertThat(e.traddr()).isEqualTo("a".repeat(255));
        assertThat(e.trsvcid()).isEqualTo("b".repeat(31));
        assertThat(e.subnqn()).isEqualTo("c".repeat(255));
        assertThat(page.warnings()).extracting(DlpProblem::toString).containsExactly(
                "entry 0 at offset 1024: traddr fills all 256 bytes without a NUL; its last byte is dropped, as libnvme does",
                "entry 0 at offset 1024: trsvcid fills all 32 bytes without a NUL; its last byte is dropped, as libnvme does",
                "entry 0 at offset 1024: subnqn fills all 256 bytes without a NUL; its last byte is dropped, as libnvme does");
    }

    @Test
    void fieldFilledUpToItsLastByteIsKeptWhole() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().entry(DlpWriter.tcp("10.0.0.1", "9".repeat(31), NQN).padding(0)));

        assertThat(page.entries().get(0).trsvcid()).isEqualTo("9".repeat(31));
        assertThat(page.warnings()).isEmpty();
    }

    @Test
    void fcCommaIsMadeAColonWithAWarning() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().entry(DlpWriter.tcp("10.0.0.1", "4420", NQN))
                .entry(DlpWriter.fc("nn-0x1000:pn-0x2000", NQN)).entry(DlpWriter.fc("nn-0x1000,pn-0x2000", NQN)));

        assertThat(page.entries()).extracting(DiscoveryLogEntry::traddr)
                .containsExactly("10.0.0.1", "nn-0x1000:pn-0x2000", "nn-0x1000:pn-0x2000");
        assertThat(page.warnings()).extracting(DlpProblem::toString).containsExactly("entry 2 at offset 3072: FC traddr"
                + " 'nn-0x1000,pn-0x2000' separates its names with ',' instead of ':'; read as 'nn-0x1000:pn-0x2000'");
    }

    @Test
    void unknownTransportIsReportedWithItsEntryAndOffset() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().entry(DlpWriter.tcp("10.0.0.1", "4420", NQN))
                .entry(DlpWriter.tcp("10.0.0.2", "4420", NQN).trtype(0)));

        assertThat(page.entries().get(1).transportType()).isEqualTo(TransportType.UNRECOGNIZED);
        assertThat(page.entries().get(1).trtype()).isZero();
        assertThat(page.warnings()).extracting(DlpProblem::toString).containsExactly("entry 1 at offset 2048: transport"
                + " type 0 is not rdma (1), fc (2), tcp (3) or loop (254); the entry is never connected");
    }

    @Test
    void unknownSubtypeIsReported() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().entry(DlpWriter.tcp("10.0.0.1", "4420", NQN).subtype(9)));

        assertThat(page.entries().get(0).kind()).isEqualTo(Subtype.UNRECOGNIZED);
        assertThat(page.warnings()).extracting(DlpProblem::toString).containsExactly(
                "entry 0 at offset 1024: subtype 9 is not referral (1), nvme (2) or current (3); the entry is ignored");
    }

    @Test
    void emptyPageHasNoEntries() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().genctr(42));

        assertThat(page.genctr()).isEqualTo(42);
        assertThat(page.entries()).isEmpty();
        assertThat(page.warnings()).isEmpty();
    }

    @Test
    void pageShorterThanItsHeaderIsRejected() {
        assertThatThrownBy(() -> DiscoveryLogDecoder.decode(new byte[1023])).isInstanceOf(DlpDecodeException.class)
                .hasMessage("header at offset 0: the page is 1023 bytes, shorter than its 1024-byte header");
        assertThatThrownBy(() -> DiscoveryLogDecoder.decode(new byte[0]))
                .hasMessage("header at offset 0: the page is 0 bytes, shorter than its 1024-byte header");
    }

    @Test
    void recordCountBeyondThePageNamesTheFirstMissingEntry() {
        byte[] page = new DlpWriter().numrec(5).entry(DlpWriter.tcp("10.0.0.1", "4420", NQN))
                .entry(DlpWriter.tcp("10.0.0.2", "4420", NQN)).entry(DlpWriter.tcp("10.0.0.3", "4420", NQN))
                .trailing(404).build();

        assertThatThrownBy(() -> DiscoveryLogDecoder.decode(page)).isInstanceOf(DlpDecodeException.class)
                .hasMessage("entry 3 at offset 4096: missing: the header's numrec is 5 but the page is 4500 bytes"
                        + " long, and this entry needs bytes 4096 to 5119")
                .extracting(e -> ((DlpDecodeException) e).problem())
                .isEqualTo(new DlpProblem("entry 3", 4096, "missing: the header's numrec is 5 but the page is 4500"
                        + " bytes long, and this entry needs bytes 4096 to 5119"));
    }

    /** numrec is unsigned 64-bit; the decoder compares it with the page before reading anything. */
    @Test
    void absurdRecordCountIsRejectedWithoutAllocating() {
        byte[] page = new DlpWriter().numrec(-1L).entry(DlpWriter.loop(NQN)).build();

        assertThatThrownBy(() -> DiscoveryLogDecoder.decode(page)).hasMessage("entry 1 at offset 2048: missing: the"
                + " header's numrec is 18446744073709551615 but the page is 2048 bytes long, and this entry needs bytes"
                + " 2048 to 3071");
    }

    @Test
    void otherRecordFormatIsAWarning() throws DlpDecodeException {
        DiscoveryLogPage page = decode(new DlpWriter().recfmt(1).entry(DlpWriter.loop(NQN)));

        assertThat(page.recfmt()).isEqualTo(1);
        assertThat(page.entries()).hasSize(1);
        assertThat(page.warnings()).extracting(DlpProblem::toString).containsExactly(
                "header at offset 16: record format 1 is not 0, the only one defined; the entries are read as format 0");
    }

    @Test
    void bytesAfterTheLastEntryAreAWarning() throws DlpDecodeException {
        assertThat(decode(new DlpWriter().entry(DlpWriter.loop(NQN)).trailing(10)).warnings())
                .extracting(DlpProblem::toString)
                .containsExactly("trailing bytes at offset 2048: 10 bytes after the last entry are ignored (numrec is 1)");
        assertThat(decode(new DlpWriter().trailing(1024)).warnings()).extracting(DlpProblem::toString)
                .containsExactly("trailing bytes at offset 1024: 1024 bytes after the header are ignored (numrec is 0)");
    }

    @Test
    void utf8SubsystemNqnIsDecoded() throws DlpDecodeException {
        assertThat(only(DlpWriter.tcp("10.0.0.1", "4420", "nqn.2024-01.com.example:caf\u00e9")).subnqn())
                .isEqualTo("nqn.2024-01.com.example:caf\u00e9");
    }
}
