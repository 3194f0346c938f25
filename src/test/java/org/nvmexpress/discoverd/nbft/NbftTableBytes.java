package org.nvmexpress.discoverd.nbft;

import java.util.Arrays;

/**
 * A table's bytes to corrupt on purpose: overwrite little-endian fields, truncate, then fix the
 * checksum again (or not) so that a test breaks exactly one rule of reference §7.3. Works on a copy.
 *
 * <pre>{@code
 * byte[] bad = NbftTableBytes.of(table).u8(64 + 6, 0).checksum().toByteArray(); // control not VALID
 * }</pre>
 */
final class NbftTableBytes {
    /** Header offset of the checksum byte; the whole table sums to 0 mod 256. */
    static final int CHECKSUM_OFFSET = 9;

    private byte[] bytes;

    private NbftTableBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    static NbftTableBytes of(byte[] table) {
        return new NbftTableBytes(table.clone());
    }

    NbftTableBytes u8(int offset, int value) {
        bytes[offset] = (byte) value;
        return this;
    }

    NbftTableBytes u16(int offset, int value) {
        return u8(offset, value).u8(offset + 1, value >>> 8);
    }

    NbftTableBytes u32(int offset, long value) {
        return u16(offset, (int) value).u16(offset + 2, (int) (value >>> 16));
    }

    /** Copies {@code values} over the table from {@code offset}. */
    NbftTableBytes put(int offset, byte... values) {
        System.arraycopy(values, 0, bytes, offset, values.length);
        return this;
    }

    /** Keeps the first {@code length} bytes; the header's length field is left as it was. */
    NbftTableBytes truncate(int length) {
        bytes = Arrays.copyOf(bytes, length);
        return this;
    }

    /** Sets the checksum byte so that the bytes sum to 0 mod 256 again. */
    NbftTableBytes checksum() {
        fixChecksum(bytes);
        return this;
    }

    int u8At(int offset) {
        return bytes[offset] & 0xff;
    }

    int u16At(int offset) {
        return u8At(offset) | u8At(offset + 1) << 8;
    }

    long u32At(int offset) {
        return u16At(offset) | (long) u16At(offset + 2) << 16;
    }

    byte[] toByteArray() {
        return bytes.clone();
    }

    static int sum(byte[] table) {
        int sum = 0;
        for (byte b : table) {
            sum += b & 0xff;
        }
        return sum & 0xff;
    }

    static void fixChecksum(byte[] table) {
        table[CHECKSUM_OFFSET] = 0;
        table[CHECKSUM_OFFSET] = (byte) -sum(table);
    }
}
