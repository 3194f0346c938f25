package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every fixture table dumps exactly as libnvme's {@code nbft-dump} did (the files in {@code diffs/}). */
final class NbftDumpTest {

    @TestFactory
    Stream<DynamicTest> dumpMatchesTheReferenceByteForByte() {
        return NbftFixtures.names(NbftFixtures.TABLES).stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> checkDump(name)));
    }

    private static void checkDump(String name) throws NbftParseException {
        byte[] bytes = NbftFixtures.table(name);
        String expected = NbftFixtures.diff(name);
        String declared = expected.lines().findFirst().orElse("");
        // A fixture whose reference describes another file (the raw size is the file's size by
        // definition) cannot be compared; say so instead of passing.
        assumeTrue(declared.equals("raw_nbft_size=" + bytes.length), () -> name + ": the fixture is " + bytes.length
                + " bytes but its reference dump begins '" + declared + "': the table it describes is not in "
                + NbftFixtures.TABLES + " (this one is the text of an unresolved symlink), so there is nothing to compare");
        assertThat(NbftDump.of(NbftParser.parse(name, bytes))).isEqualTo(expected);
    }

    @Test
    void symlinkStandInIsRejectedAsTooShort() {
        byte[] bytes = NbftFixtures.table("NBFT-Dell.PowerEdge.R760");
        assertThat(bytes).hasSize(28);
        assertThatThrownBy(() -> NbftParser.parse("NBFT-Dell.PowerEdge.R760", bytes))
                .isInstanceOf(NbftParseException.class)
                .hasMessage("NBFT-Dell.PowerEdge.R760: header at offset 0: the file is 28 bytes, shorter than the 128"
                        + " bytes of header and control descriptor");
    }

    @Test
    void bytesPrintUnpaddedAsTheReferenceDoes() {
        assertThat(NbftBytes.of((byte) 0x52, (byte) 0x54, (byte) 0x00, (byte) 0xb8, (byte) 0x19, (byte) 0xb9).unpaddedHex())
                .isEqualTo("52540b819b9");
    }
}
