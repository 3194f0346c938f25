package org.nvmexpress.discoverd.nbft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * Little-endian reads from a table whose header, length and heap range have been checked
 * (reference §7.2, §7.3). The buffer ends at the header's table length, so no read can reach past
 * it; heap objects are bounds-checked against the heap before they are read; offsets and lengths
 * from the table are widened to {@code long} before any arithmetic, so none overflows.
 */
final class TableBytes {
    private final ByteBuffer buffer;
    private final long heapOffset;
    private final long heapLength;
    /**
     * Heap strings already read, by offset and declared length (empty: not NUL-terminated). A table
     * may point every descriptor at one string: decoded once, each descriptor holds the same
     * instance, instead of 255 SSNS each holding a copy of a 64 KiB NQN. At most one entry per
     * string field of the table's descriptors.
     */
    private final Map<Long, Optional<String>> strings = new HashMap<>();

    /**
     * @param bytes      the whole file
     * @param length     the table length from the header, at most {@code bytes.length}
     * @param heapOffset the heap's offset, with {@code heapOffset + heapLength <= length}
     * @param heapLength the heap's length
     */
    TableBytes(byte[] bytes, int length, long heapOffset, long heapLength) {
        if (length > bytes.length || !fits(heapOffset, heapLength, length)) {
            throw new IllegalArgumentException("table length " + length + " or heap (" + heapOffset + ", "
                    + heapLength + ") out of range for " + bytes.length + " bytes");
        }
        this.buffer = ByteBuffer.wrap(bytes, 0, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        this.heapOffset = heapOffset;
        this.heapLength = heapLength;
    }

    /** Whether {@code [offset, offset + size)} lies inside {@code [0, limit)}; never overflows. */
    static boolean fits(long offset, long size, long limit) {
        return offset >= 0 && size >= 0 && offset <= limit && size <= limit - offset;
    }

    int length() {
        return buffer.limit();
    }

    int u8(int offset) {
        return buffer.get(offset) & 0xff;
    }

    int u16(int offset) {
        return buffer.getShort(offset) & 0xffff;
    }

    long u32(int offset) {
        return buffer.getInt(offset) & 0xffff_ffffL;
    }

    NbftBytes bytes(int offset, int size) {
        byte[] out = new byte[size];
        buffer.get(offset, out);
        return NbftBytes.of(out);
    }

    /**
     * The 16-byte address at {@code offset}: IPv4 when it is IPv4-mapped ({@code ::ffff:a.b.c.d}),
     * else IPv6, so that its canonical text is what {@code inet_ntop} prints for the table.
     */
    NumericAddress address(int offset) {
        byte[] raw = bytes(offset, 16).toArray();
        boolean mapped = raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
        for (int i = 0; i < 10 && mapped; i++) {
            mapped = raw[i] == 0;
        }
        return new NumericAddress(mapped ? new byte[] {raw[12], raw[13], raw[14], raw[15]} : raw, null);
    }

    /** ASCII text of a fixed-width header field, cut at the first NUL, trailing spaces removed. */
    String fixedText(int offset, int size) {
        StringBuilder out = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            int c = u8(offset + i);
            if (c == 0) {
                break;
            }
            out.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return out.toString().stripTrailing();
    }

    /**
     * The heap object described at {@code fieldOffset} (offset u32, length u16): empty when its
     * length is 0 (absent).
     *
     * @throws FieldException when it does not lie inside the heap
     */
    Optional<HeapSlice> heapObject(int fieldOffset, String field) throws FieldException {
        long offset = u32(fieldOffset);
        int size = u16(fieldOffset + 4);
        if (size == 0) {
            return Optional.empty();
        }
        if (offset < heapOffset || !fits(offset - heapOffset, size, heapLength)) {
            throw new FieldException(String.format("%s (offset %d, length %d) is outside the heap (offset %d, length %d)",
                    field, offset, size, heapOffset, heapLength));
        }
        return Optional.of(new HeapSlice(field, (int) offset, size));
    }

    /** The bytes of a heap object, empty when absent. */
    NbftBytes heapBytes(int fieldOffset, String field) throws FieldException {
        Optional<HeapSlice> slice = heapObject(fieldOffset, field);
        return slice.isEmpty() ? NbftBytes.EMPTY : bytes(slice.get().offset(), slice.get().length());
    }

    /**
     * The heap string described at {@code fieldOffset}, empty when absent. Its declared length
     * excludes the NUL, which must come within {@code length + 1} bytes (an earlier NUL just makes a
     * shorter string). The NUL may sit just past the heap, as libnvme reads it, but never past the
     * table.
     *
     * @throws FieldException when the object is outside the heap or has no NUL in reach
     */
    Optional<String> heapString(int fieldOffset, String field) throws FieldException {
        Optional<HeapSlice> slice = heapObject(fieldOffset, field);
        if (slice.isEmpty()) {
            return Optional.empty();
        }
        int start = slice.get().offset();
        int declared = slice.get().length();
        Optional<String> text = strings.computeIfAbsent((long) start << 16 | declared, key -> decode(start, declared));
        if (text.isEmpty()) {
            throw new FieldException(String.format("%s (offset %d, length %d) is not NUL-terminated",
                    field, start, declared));
        }
        return text;
    }

    /** The text up to the first NUL within {@code declared + 1} bytes of {@code start}; empty if none. */
    private Optional<String> decode(int start, int declared) {
        int end = (int) Math.min((long) start + declared, length() - 1L);
        for (int i = start; i <= end; i++) {
            if (buffer.get(i) == 0) {
                byte[] text = new byte[i - start];
                buffer.get(start, text);
                return Optional.of(new String(text, StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
