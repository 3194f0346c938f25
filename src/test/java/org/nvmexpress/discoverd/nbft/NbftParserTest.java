package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.mutated;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU16;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU32;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole-table rules of reference §7.3, each broken on its own in a fixture table (checksum
 * fixed up, so that the rule under test is the one that fires): the table is rejected with a
 * message naming the table, the structure and its offset.
 */
final class NbftParserTest {
    /** 825 bytes; host at 128, one HFI at 160, one SSNS at 192, one discovery descriptor at 320; heap 352-825. */
    static final String STATIC = "NBFT-static-ipv4-discovery";
    /** 1299 bytes, revision 1.1; HFIs at 160 and 192, SSNS at 224, 352, 480, security at 608, discovery at 672. */
    static final String SYNTH = "NBFT-synthetic-2hfi-3ssns-disc-sec";

    private static void assertRejected(byte[] bytes, String message) {
        assertThatThrownBy(() -> NbftParser.parse("T", bytes))
                .isInstanceOfSatisfying(NbftParseException.class, e -> assertThat(e.problem().table()).isEqualTo("T"))
                .hasMessage("T: " + message);
    }

    @Test
    void fileShorterThanHeaderAndControlIsRejected() {
        assertRejected(new byte[127], "header at offset 0: the file is 127 bytes, shorter than the 128 bytes of header"
                + " and control descriptor");
    }

    @Test
    void truncatedTableFailsTheChecksum() {
        assertRejected(Arrays.copyOf(NbftFixtures.table(STATIC), 600),
                "header at offset 0: checksum mismatch: the 600 bytes of the file sum to 0x99 (mod 256), not 0");
    }

    @Test
    void truncatedTableWithItsChecksumFixedIsShorterThanItsLength() {
        assertRejected(NbftFixtures.withChecksum(Arrays.copyOf(NbftFixtures.table(STATIC), 600)),
                "header at offset 0: table length 825 is larger than the file (600 bytes)");
    }

    @Test
    void corruptByteFailsTheChecksumOfTheWholeFile() {
        byte[] bytes = NbftFixtures.table(STATIC);
        bytes[700] ^= 1;
        assertRejected(bytes, "header at offset 0: checksum mismatch: the 825 bytes of the file sum to 0xff (mod 256), not 0");
    }

    @Test
    void wrongSignatureIsRejected() {
        assertRejected(mutated(STATIC, b -> b[3] = 'X'), "header at offset 0: signature 'NBFX' is not 'NBFT'");
        assertRejected(mutated(STATIC, b -> b[0] = 0), "header at offset 0: signature '\\x00BFT' is not 'NBFT'");
    }

    @Test
    void declaredLengthBelowHeaderAndControlIsRejected() {
        assertRejected(mutated(STATIC, b -> putU32(b, 4, 100)), "header at offset 0: table length 100 is shorter than 128 bytes");
    }

    @Test
    void revisionOtherThanOnePointZeroOrOneIsRejected() {
        assertRejected(mutated(STATIC, b -> b[8] = 2), "header at offset 0: revision 2.0 is not supported (1.0 and 1.1 are)");
        assertRejected(mutated(STATIC, b -> b[8] = 0), "header at offset 0: revision 0.0 is not supported (1.0 and 1.1 are)");
        assertRejected(mutated(STATIC, b -> b[50] = 2), "header at offset 0: revision 1.2 is not supported (1.0 and 1.1 are)");
    }

    @Test
    void revisionOnePointOneIsAccepted() throws NbftParseException {
        NbftHeader header = NbftParser.parse("T", NbftFixtures.table(SYNTH)).header();
        assertThat(header.minorRevision()).isEqualTo(1);
        assertThat(header.oemId()).isEqualTo("SYNTH");
        assertThat(header.creatorId()).isEqualTo("GNRT");
    }

    @Test
    void heapBeyondTheTableIsRejected() {
        assertRejected(mutated(STATIC, b -> putU32(b, 40, 474)),
                "header at offset 0: heap (offset 352, length 474) extends beyond the table length 825");
    }

    @Test
    void heapRangeCheckDoesNotOverflow() {
        assertRejected(mutated(STATIC, b -> {
            putU32(b, 36, 0xffff_ffffL);
            putU32(b, 40, 2);
        }), "header at offset 0: heap (offset 4294967295, length 2) extends beyond the table length 825");
    }

    @Test
    void controlDescriptorNotValidIsRejected() {
        assertRejected(mutated(STATIC, b -> b[70] = 0), "control descriptor at offset 64: not valid (flags 0x00)");
    }

    @Test
    void controlDescriptorWithWrongStructureIdIsRejected() {
        assertRejected(mutated(STATIC, b -> b[64] = 7), "control descriptor at offset 64: structure ID 7, expected 1");
    }

    @Test
    void hostDescriptorOffsetBelow32IsRejected() {
        assertRejected(mutated(STATIC, b -> putU32(b, 72, 16)),
                "control descriptor at offset 64: host descriptor offset 16 is below 32");
    }

    @Test
    void hostDescriptorBeyondTheTableIsRejected() {
        assertRejected(mutated(STATIC, b -> putU32(b, 72, 800)),
                "control descriptor at offset 64: host descriptor at offset 800 (32 bytes) extends beyond the table length 825");
        assertRejected(mutated(STATIC, b -> putU32(b, 72, 0xffff_fff0L)), "control descriptor at offset 64: host"
                + " descriptor at offset 4294967280 (32 bytes) extends beyond the table length 825");
    }

    @Test
    void hostDescriptorNotValidIsRejected() {
        assertRejected(mutated(STATIC, b -> b[129] = 0), "host descriptor at offset 128: not valid (flags 0x00)");
        assertRejected(mutated(STATIC, b -> b[128] = 3), "host descriptor at offset 128: structure ID 3, expected 2");
    }

    @Test
    void hostNqnMustBeAPresentNulTerminatedHeapString() {
        assertRejected(mutated(STATIC, b -> putU16(b, 150, 0)), "host descriptor at offset 128: host NQN is absent");
        assertRejected(mutated(STATIC, b -> putU16(b, 150, 10)),
                "host descriptor at offset 128: host NQN (offset 438, length 10) is not NUL-terminated");
        assertRejected(mutated(STATIC, b -> putU32(b, 146, 100)), "host descriptor at offset 128: host NQN (offset 100,"
                + " length 68) is outside the heap (offset 352, length 473)");
    }

    @Test
    void listCountBeyondTheTableIsRejected() {
        assertRejected(mutated(STATIC, b -> b[64 + 31] = (byte) 255), "control descriptor at offset 64: 255 SSNS"
                + " descriptors of 128 bytes at offset 192 extend beyond the table length 825");
    }

    @Test
    void listOffsetBeyondTheTableIsRejected() {
        assertRejected(mutated(STATIC, b -> putU32(b, 64 + 24, 0xffff_ffffL)),
                "control descriptor at offset 64: SSNS list offset 4294967295 is beyond the table length 825");
        assertRejected(mutated(STATIC, b -> putU32(b, 64 + 16, 0)),
                "control descriptor at offset 64: HFI list offset is 0 with a count of 1");
    }

    @Test
    void descriptorLengthShorterThanItsStructureIsRejected() {
        assertRejected(mutated(STATIC, b -> putU16(b, 64 + 20, 16)),
                "control descriptor at offset 64: HFI descriptor length 16 is shorter than the 32-byte structure");
        assertRejected(mutated(STATIC, b -> putU16(b, 64 + 44, 31)),
                "control descriptor at offset 64: discovery descriptor length 31 is shorter than the 32-byte structure");
    }

    /** The table of {@link SsnsReaderTest#written()}: 572 bytes, SSNS list at 192, heap 320-572. */
    @Test
    void writtenTableCutShortIsRejected() {
        assertRejected(NbftTableBytes.of(SsnsReaderTest.written()).truncate(400).checksum().toByteArray(),
                "header at offset 0: table length 572 is larger than the file (400 bytes)");
    }

    @Test
    void writtenTableWithAListOffsetPastItsEndIsRejected() {
        assertRejected(NbftTableBytes.of(SsnsReaderTest.written()).u32(64 + 24, 1000).checksum().toByteArray(),
                "control descriptor at offset 64: SSNS list offset 1000 is beyond the table length 572");
    }

    @Test
    void writtenTableWhoseLengthFieldsOverflowIsRejected() {
        assertRejected(NbftTableBytes.of(SsnsReaderTest.written()).u16(64 + 28, 0xffff).u8(64 + 31, 255).checksum()
                .toByteArray(), "control descriptor at offset 64: 255 SSNS descriptors of 65535 bytes at offset 192"
                + " extend beyond the table length 572");
        assertRejected(NbftTableBytes.of(SsnsReaderTest.written()).u32(40, 0xffff_ffffL).checksum().toByteArray(),
                "header at offset 0: heap (offset 320, length 4294967295) extends beyond the table length 572");
        assertRejected(NbftTableBytes.of(SsnsReaderTest.written()).u32(72, 0xffff_fff0L).checksum().toByteArray(),
                "control descriptor at offset 64: host descriptor at offset 4294967280 (32 bytes) extends beyond the"
                        + " table length 572");
    }

    @Test
    void emptyListIgnoresItsOffsetAndLength() throws NbftParseException {
        NbftTable table = NbftParser.parse("T", mutated(STATIC, b -> {
            putU32(b, 64 + 32, 0xffff_ffffL);
            putU16(b, 64 + 36, 1);
        }));
        assertThat(table.securityProfiles()).isEmpty();
        assertThat(table.subsystemNamespaces()).hasSize(1);
        assertThat(table.warnings()).isEmpty();
    }

    @Test
    void hostIsReadWithItsRawIdAndFlags() throws NbftParseException {
        NbftHost host = NbftParser.parse("T", NbftFixtures.table(STATIC)).host();
        assertThat(host.nqn()).isEqualTo("nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9");
        assertThat(host.id().hex()).isEqualTo("e359b7a15d037747b3cc1754b8b819b9");
        assertThat(host.idText()).isEqualTo("e359b7a1-5d03-7747-b3cc-1754b8b819b9");
        assertThat(host.hostIdConfigured()).isTrue();
        assertThat(host.hostNqnConfigured()).isTrue();
        assertThat(host.primaryAdminHost()).isEqualTo(NbftHost.PrimaryAdminHost.NOT_INDICATED);
    }

    @Test
    void tableAndRejectionNameTheTableAsGiven() {
        assertThatThrownBy(() -> NbftParser.parse("/sys/firmware/acpi/tables/NBFT1", new byte[0]))
                .hasMessageStartingWith("/sys/firmware/acpi/tables/NBFT1: header at offset 0: ");
    }

    /**
     * Fuzzing found this: 255 SSNS naming one 64 KiB NQN each held a copy of it. The table shares
     * the string, and so does the model: one instance, 64 KiB of characters kept in all.
     */
    @Test
    void aHeapStringSharedByEveryDescriptorIsDecodedOnce() throws NbftParseException {
        NbftTable table = NbftParser.parse("T", WideTable.build(255, 255, WideTable.nqn(WideTable.LONGEST_STRING)));
        assertThat(table.subsystemNamespaces()).hasSize(255);
        Set<String> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        table.subsystemNamespaces().forEach(s -> {
            distinct.add(s.nqn());
            distinct.add(s.trsvcid());
        });
        assertThat(distinct).hasSize(2);
        assertThat(distinct.stream().mapToInt(String::length).sum()).isEqualTo(WideTable.LONGEST_STRING + 4);
        assertThat(table.warnings()).isEmpty();
    }
}
