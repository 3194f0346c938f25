package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.mutated;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU16;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU32;
import static org.nvmexpress.discoverd.nbft.NbftParserTest.STATIC;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The HFI rules of reference §7.3, on the HFI at offset 160 of the static table, whose TCP transport
 * info is at 507 (flags at 513, host name object at 611, extended info object at 617).
 */
final class HfiReaderTest {
    private static final String DHCP = "NBFT-dhcp-ipv4";
    private static final int INFO = 507;

    private static NbftTable parse(byte[] bytes) throws NbftParseException {
        return NbftParser.parse("T", bytes);
    }

    @Test
    void hfiIsReadWithItsTcpInfo() throws NbftParseException {
        NbftHfi hfi = parse(NbftFixtures.table(STATIC)).hfis().get(0);
        NbftTcpInfo tcp = hfi.tcpInfo();
        assertThat(hfi.index()).isEqualTo(1);
        assertThat(hfi.transport()).isEqualTo("tcp");
        assertThat(tcp.ipAddress().canonical()).isEqualTo("192.168.49.50");
        assertThat(tcp.subnetMaskPrefix()).isEqualTo(24);
        assertThat(tcp.macText()).isEqualTo("52:54:00:b8:19:b9");
        assertThat(tcp.pciSbdf()).isEqualTo(8);
        assertThat(tcp.hostName()).contains("nvmeof-sles");
        assertThat(tcp.globalRoute()).isTrue();
        assertThat(tcp.dhcpOverride()).isFalse();
        assertThat(tcp.dhcpServer()).isEmpty();
    }

    @Test
    void dhcpServerIsReadOnlyWithDhcpOverride() throws NbftParseException {
        assertThat(parse(NbftFixtures.table(DHCP)).hfis().get(0).tcpInfo().dhcpServer())
                .hasValueSatisfying(a -> assertThat(a.canonical()).isEqualTo("192.168.49.1"));
        assertThat(parse(mutated(DHCP, b -> b[INFO + 6] = 0x03)).hfis().get(0).tcpInfo().dhcpServer()).isEmpty();
    }

    @Test
    void brokenHostNameIsLeftOutAndTheHfiKept() throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, b -> putU16(b, 615, 3)));
        assertThat(table.hfis().get(0).tcpInfo().hostName()).isEmpty();
        assertThat(table.subsystemNamespaces()).hasSize(1);
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly("T: HFI descriptor 0 at offset 160:"
                + " host name (offset 636, length 3) is not NUL-terminated (host name left out)");
    }

    @Test
    void transportInfoNamingAnotherHfiIsOnlyAWarning() throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, b -> putU16(b, INFO + 4, 5)));
        assertThat(table.hfis()).hasSize(1);
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "T: HFI descriptor 0 at offset 160: transport info at offset 507 names HFI 5, the descriptor 1 (kept)");
    }

    @Test
    void badTransportInfoDropsTheHfiAndWhatNeedsIt() throws NbftParseException {
        assertDropped(b -> putU16(b, 180, 0), "transport info is absent");
        assertDropped(b -> putU16(b, 180, 100), "transport info at offset 507 is 100 bytes, shorter than its 117 bytes of fields");
        assertDropped(b -> b[INFO + 6] = 0, "transport info at offset 507: not valid (flags 0x00)");
        assertDropped(b -> b[INFO] = 8, "transport info at offset 507: structure ID 8, expected 7");
        assertDropped(b -> b[INFO + 1] = 2, "transport info at offset 507: version 2, expected 1");
        assertDropped(b -> b[163] = 2, "transport type 2 is not TCP (3)");
        assertDropped(b -> b[162] = 0, "not valid (flags 0x00)");
        assertDropped(b -> b[160] = 4, "structure ID 4, expected 3");
    }

    @Test
    void extendedInfoGivesTheDhcpClientIdFromVersion2() throws NbftParseException {
        NbftTcpInfo tcp = parse(withDhcpClientId(2)).hfis().get(0).tcpInfo();
        assertThat(tcp.dhcpIaid()).isEqualTo(0x0403_0201L);
        assertThat(tcp.dhcpDuid().hex()).isEqualTo("000300010a0b");
        assertThat(tcp.pcieSegment()).isZero();
        assertThat(parse(withDhcpClientId(1)).hfis().get(0).tcpInfo().dhcpDuid().isEmpty()).isTrue();
    }

    /** The static table with an HFI extended info (IAID 0x04030201, a 6-byte DUID) and the given transport info version. */
    private static byte[] withDhcpClientId(int trinfoVersion) {
        byte[] bytes = NbftFixtures.table(STATIC);
        int ext = bytes.length;
        byte[] extra = new byte[20 + 4 + 6];
        extra[0] = 0x0a;
        extra[1] = 1;
        putU16(extra, 2, 1);
        putU32(extra, 4, 0x3);
        putU32(extra, 8, ext + 20);
        putU16(extra, 12, 4);
        putU32(extra, 14, ext + 24);
        putU16(extra, 18, 6);
        putU32(extra, 20, 0x0403_0201L);
        System.arraycopy(new byte[] {0, 3, 0, 1, 0x0a, 0x0b}, 0, extra, 24, 6);
        bytes = NbftFixtures.appendToHeap(bytes, extra);
        bytes[INFO + 3] = (byte) trinfoVersion;
        putU32(bytes, INFO + 110, ext);
        putU16(bytes, INFO + 114, 20);
        return NbftFixtures.withChecksum(bytes);
    }

    private static void assertDropped(Consumer<byte[]> change, String why) throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, change));
        assertThat(table.hfis()).isEmpty();
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "T: HFI descriptor 0 at offset 160: dropped: " + why,
                "T: discovery descriptor 0 at offset 320: dropped: HFI 1 not found",
                "T: SSNS descriptor 0 at offset 192: dropped: primary HFI 1 not found");
    }

    /** In the written table of {@link SsnsReaderTest#written()} the HFI at 160 has its transport info at 389. */
    @Test
    void transportInfoPastTheTableDropsTheHfiAndTheSsnsThatNeedsIt() throws NbftParseException {
        NbftTable table = parse(NbftTableBytes.of(SsnsReaderTest.written()).u32(160 + 16, 0xffff_ff00L).checksum()
                .toByteArray());
        assertThat(table.hfis()).isEmpty();
        assertThat(table.subsystemNamespaces()).isEmpty();
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "T: HFI descriptor 0 at offset 160: dropped: transport info (offset 4294967040, length 128) is outside"
                        + " the heap (offset 320, length 252)",
                "T: SSNS descriptor 0 at offset 192: dropped: primary HFI 1 not found");
    }
}
