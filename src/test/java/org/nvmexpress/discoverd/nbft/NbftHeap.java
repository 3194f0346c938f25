package org.nvmexpress.discoverd.nbft;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * The heap of a table being written (reference §7.2): objects appended in order, each addressed by
 * a {@link Ref} whose offset counts from the start of the table, not of the heap. Also the small
 * encoders every descriptor needs (little-endian buffers, 16-byte IP fields, MAC text).
 */
final class NbftHeap {
    /** A heap object reference as a descriptor stores it: u32 offset, u16 length; length 0 = absent. */
    record Ref(int offset, int length) {
        static final Ref ABSENT = new Ref(0, 0);
        static final int SIZE = 6;

        void put(ByteBuffer descriptor, int at) {
            descriptor.putInt(at, offset);
            descriptor.putShort(at + 4, (short) length);
        }
    }

    private final int base;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    /** Strings written so far, when equal strings share one heap object; else {@code null}. */
    private final Map<String, Ref> shared;

    /** @param base the table offset where the heap will start */
    NbftHeap(int base) {
        this(base, false);
    }

    /**
     * @param base        the table offset where the heap will start
     * @param shareEqual  whether equal strings share one heap object, as a firmware may lay them out
     */
    NbftHeap(int base, boolean shareEqual) {
        this.base = base;
        this.shared = shareEqual ? new HashMap<>() : null;
    }

    /** A string: its bytes and a terminating NUL, the length without the NUL. {@code null} = absent. */
    Ref string(String text) {
        if (text == null) {
            return Ref.ABSENT;
        }
        if (shared != null && shared.containsKey(text)) {
            return shared.get(text);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Ref ref = bytes(bytes);
        content.write(0);
        if (shared != null) {
            shared.put(text, ref);
        }
        return ref;
    }

    /** Raw bytes; {@code null} or empty = absent (length 0). */
    Ref bytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Ref.ABSENT;
        }
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("a heap object holds at most 65535 bytes: " + bytes.length);
        }
        Ref ref = new Ref(base + content.size(), bytes.length);
        content.write(bytes, 0, bytes.length);
        return ref;
    }

    byte[] toByteArray() {
        return content.toByteArray();
    }

    static ByteBuffer littleEndian(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The 16-byte IP field: IPv6 as is, IPv4 mapped ({@code ::ffff:a.b.c.d}); {@code null} = all zero. */
    static byte[] ip(String text) {
        if (text == null) {
            return new byte[16];
        }
        byte[] address = NumericAddress.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("not a numeric IP address: " + text))
                .bytes();
        if (address.length == 16) {
            return address;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(address, 0, mapped, 12, 4);
        return mapped;
    }

    /** {@code 52:54:00:b8:19:b9} as 6 bytes. */
    static byte[] mac(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) {
            mac[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return mac;
    }

    /** Hex text ({@code "df669a88..."}) as bytes, for 16-byte identifiers. */
    static byte[] hex(String text) {
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
