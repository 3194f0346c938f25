package org.nvmexpress.discoverd.nbft;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable run of raw bytes from a table: a host ID, a MAC address, a namespace ID, a DHCP DUID,
 * a security policy list. Equality is by content (a record over {@code byte[]} would compare
 * references).
 */
public final class NbftBytes {
    /** No bytes: an absent list or object. */
    public static final NbftBytes EMPTY = new NbftBytes(new byte[0]);

    private final byte[] bytes;

    private NbftBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}; later changes to the array do not show. */
    public static NbftBytes of(byte... bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? EMPTY : new NbftBytes(bytes.clone());
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The byte at {@code index}, as an unsigned value 0-255. */
    public int get(int index) {
        return bytes[index] & 0xff;
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    /** Two lower-case hex digits per byte: {@code 0a1b}. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Each byte in lower-case hex <em>without</em> zero padding, concatenated ({@code 0a 1b} prints
     * {@code a1b}): the reference dump's {@code %x} per byte, kept so dumps compare byte for byte.
     * Lossy; only for the dump format.
     */
    public String unpaddedHex() {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Integer.toHexString(b & 0xff));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NbftBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
