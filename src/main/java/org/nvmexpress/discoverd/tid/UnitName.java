package org.nvmexpress.discoverd.tid;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The name of the systemd transient unit that manages one TID (reference §3.1, contract):
 * {@code nvme-discoverd-} + the low 48 bits of FNV-1a-64 over the UTF-8 bytes of the TID's
 * canonical string, as 12 lower-case, zero-padded hex digits, + {@code .service}.
 *
 * @param value the full unit name, e.g. {@code nvme-discoverd-c7f645736db2.service}
 */
public record UnitName(String value) {
    private static final String PREFIX = "nvme-discoverd-";
    private static final String SUFFIX = ".service";
    private static final int HEX_DIGITS = 12;
    private static final int LENGTH = PREFIX.length() + HEX_DIGITS + SUFFIX.length();

    private static final long FNV1A64_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV1A64_PRIME = 0x100000001b3L;
    private static final long LOW_48_BITS = 0xffff_ffff_ffffL;

    public UnitName {
        Objects.requireNonNull(value, "value");
        if (!hasShape(value)) {
            throw new IllegalArgumentException("not an nvme-discoverd unit name: " + value);
        }
    }

    /** The unit for a TID. */
    public static UnitName of(TransportId tid) {
        return ofCanonical(tid.canonical());
    }

    /** The unit for a canonical TID string (any string hashes; the empty one too). */
    public static UnitName ofCanonical(String canonical) {
        long hash = fnv1a64(canonical.getBytes(StandardCharsets.UTF_8));
        // HexFormat, not String.format: a discovery walk names every listed controller's unit, and
        // format was a third of a 10,000-controller first walk's CPU (docs/benchmarks.md). It always
        // writes 16 lower-case digits; the last 12 are the low 48 bits'.
        String digits = HexFormat.of().toHexDigits(hash & LOW_48_BITS);
        return new UnitName(PREFIX + digits.substring(digits.length() - HEX_DIGITS) + SUFFIX);
    }

    /** {@code nvme-discoverd-} + 12 lower-case hex digits + {@code .service}, checked without a regex. */
    private static boolean hasShape(String value) {
        if (value.length() != LENGTH || !value.startsWith(PREFIX) || !value.endsWith(SUFFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < PREFIX.length() + HEX_DIGITS; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a, 64 bits; Java's wrapping {@code long} multiply is the mod 2^64 the algorithm wants. */
    static long fnv1a64(byte[] bytes) {
        long hash = FNV1A64_OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV1A64_PRIME;
        }
        return hash;
    }

    /** The unit name without {@code .service}: systemd's {@code %N}. */
    public String stem() {
        return value.substring(0, value.length() - SUFFIX.length());
    }

    /**
     * The file the connector writes the new device name into, relative to the runtime directory
     * {@code /run/nvme/discoverd/units}: {@code <stem>.devid} (reference §3.1, Appendix B).
     */
    public String devidFileName() {
        return stem() + ".devid";
    }

    @Override
    public String toString() {
        return value;
    }
}
