package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU16;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU32;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bounds-checked reads: heap objects, heap strings and addresses, on a hand-made 64-byte buffer. */
final class TableBytesTest {
    /** A 64-byte table whose heap is bytes 32-63; heap object descriptors go at 0, 6, 12, ... */
    private final byte[] bytes = new byte[64];

    private TableBytes table() {
        return new TableBytes(bytes, 64, 32, 32);
    }

    private void heapObject(int field, long offset, int length) {
        putU32(bytes, field, offset);
        putU16(bytes, field + 4, length);
    }

    @Test
    void fitsNeverOverflows() {
        assertThat(TableBytes.fits(0, 64, 64)).isTrue();
        assertThat(TableBytes.fits(64, 0, 64)).isTrue();
        assertThat(TableBytes.fits(63, 2, 64)).isFalse();
        assertThat(TableBytes.fits(Long.MAX_VALUE, Long.MAX_VALUE, 64)).isFalse();
        assertThat(TableBytes.fits(0xffff_ffffL, 0xffff_ffffL, 0xffff_ffffL)).isFalse();
    }

    @Test
    void zeroLengthHeapObjectIsAbsentWhateverItsOffset() throws FieldException {
        heapObject(0, 0xffff_ffffL, 0);
        assertThat(table().heapObject(0, "x")).isEmpty();
        assertThat(table().heapString(0, "x")).isEmpty();
        assertThat(table().heapBytes(0, "x").isEmpty()).isTrue();
    }

    @Test
    void heapObjectMustLieInsideTheHeap() throws FieldException {
        heapObject(0, 32, 32);
        assertThat(table().heapObject(0, "x")).contains(new HeapSlice("x", 32, 32));
        heapObject(0, 31, 1);
        assertThatThrownBy(() -> table().heapObject(0, "x")).isInstanceOf(FieldException.class)
                .hasMessage("x (offset 31, length 1) is outside the heap (offset 32, length 32)");
        heapObject(0, 33, 32);
        assertThatThrownBy(() -> table().heapObject(0, "x")).hasMessage("x (offset 33, length 32) is outside the heap"
                + " (offset 32, length 32)");
    }

    @Test
    void heapStringMayEndEarlierThanDeclared() throws FieldException {
        System.arraycopy("abc\0def\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, 40, 8);
        heapObject(0, 40, 7);
        assertThat(table().heapString(0, "x")).contains("abc");
        heapObject(0, 44, 3);
        assertThat(table().heapString(0, "x")).contains("def");
    }

    @Test
    void heapStringWithoutNulWithinItsLengthPlusOneIsInvalid() {
        System.arraycopy("abcdefgh".getBytes(StandardCharsets.US_ASCII), 0, bytes, 40, 8);
        heapObject(0, 40, 7);
        assertThatThrownBy(() -> table().heapString(0, "x")).isInstanceOf(FieldException.class)
                .hasMessage("x (offset 40, length 7) is not NUL-terminated");
    }

    @Test
    void heapStringEndingAtTheTableEndHasNoNul() {
        bytes[63] = 'z';
        heapObject(0, 63, 1);
        assertThatThrownBy(() -> table().heapString(0, "x")).hasMessage("x (offset 63, length 1) is not NUL-terminated");
    }

    @Test
    void heapStringIsUtf8() throws FieldException {
        byte[] text = "é\0".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, bytes, 40, text.length);
        heapObject(0, 40, 2);
        assertThat(table().heapString(0, "x")).contains("é");
    }

    @Test
    void ipv4MappedAddressesReadAsIpv4AndOthersAsIpv6() {
        assertThat(table().address(32).canonical()).isEqualTo("::");
        bytes[42] = (byte) 0xff;
        bytes[43] = (byte) 0xff;
        assertThat(table().address(32).canonical()).isEqualTo("0.0.0.0");
        bytes[44] = (byte) 192;
        bytes[47] = 7;
        assertThat(table().address(32).canonical()).isEqualTo("192.0.0.7");
        bytes[32] = (byte) 0xfd;
        assertThat(table().address(32).canonical()).isEqualTo("fd00::ffff:c000:7");
    }

    @Test
    void fixedTextStopsAtNulAndDropsTrailingSpaces() {
        System.arraycopy("DELL  \0X".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 8);
        assertThat(table().fixedText(0, 8)).isEqualTo("DELL");
        bytes[1] = 1;
        assertThat(table().fixedText(0, 4)).isEqualTo("D?LL");
    }

    @Test
    void readsAreLittleEndian() {
        putU32(bytes, 8, 0x8765_4321L);
        assertThat(table().u32(8)).isEqualTo(0x8765_4321L);
        assertThat(table().u16(8)).isEqualTo(0x4321);
        assertThat(table().u8(11)).isEqualTo(0x87);
    }
}
