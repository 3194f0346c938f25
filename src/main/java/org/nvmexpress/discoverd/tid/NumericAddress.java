package org.nvmexpress.discoverd.tid;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A numeric IPv4 or IPv6 address, read and written exactly as glibc's {@code inet_pton} and
 * {@code inet_ntop} do (reference §12.3), with an optional IPv6 {@code %scope}.
 *
 * <p>Why by hand: the canonical text feeds the unit-name hash shared with the C daemon, so every
 * spelling must come out byte for byte as glibc prints it. {@code InetAddress.getByName} may resolve
 * DNS and accepts legacy IPv4 forms ({@code 1.2.3}, octal); {@code Inet6Address.getHostAddress()}
 * does not compress zero runs. No maintained library reproduces glibc's forms.
 *
 * @param bytes 4 bytes (IPv4) or 16 bytes (IPv6), network order
 * @param scope the IPv6 zone after {@code %}, verbatim (may be empty); {@code null} when absent, and
 *              always {@code null} for IPv4 (glibc-based callers drop an IPv4 scope)
 */
public record NumericAddress(byte[] bytes, String scope) {
    /** {@code INET6_ADDRSTRLEN}: the address part of the text must be shorter. */
    private static final int MAX_TEXT = 46;

    public NumericAddress {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("address length must be 4 or 16 bytes: " + bytes.length);
        }
        if (scope != null && bytes.length == 4) {
            throw new IllegalArgumentException("an IPv4 address has no scope: " + scope);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Reads {@code text}: an optional {@code %scope} is split off at the first {@code %}; the rest
     * must be a glibc-valid IPv4 dotted quad (the scope is then dropped) or IPv6 address.
     *
     * @return the address, or empty for anything else (host names, garbage, {@code null})
     */
    public static Optional<NumericAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int percent = text.indexOf('%');
        String address = percent < 0 ? text : text.substring(0, percent);
        String scope = percent < 0 ? null : text.substring(percent + 1);
        if (address.length() >= MAX_TEXT) {
            return Optional.empty();
        }
        byte[] v4 = parseIpv4(address);
        if (v4 != null) {
            return Optional.of(new NumericAddress(v4, null));
        }
        byte[] v6 = parseIpv6(address);
        return v6 == null ? Optional.empty() : Optional.of(new NumericAddress(v6, scope));
    }

    /** {@code parse(text)} rendered canonically; empty when {@code text} is not numeric. */
    public static Optional<String> canonicalise(String text) {
        return parse(text).map(NumericAddress::canonical);
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    /** The glibc {@code inet_ntop} spelling, plus {@code %scope} when one is present. */
    public String canonical() {
        if (isIpv4()) {
            return dottedQuad(bytes, 0);
        }
        String text = formatIpv6(bytes);
        return scope == null ? text : text + "%" + scope;
    }

    /**
     * Whether both name the same host address: the scope is ignored, and an IPv4 address equals its
     * IPv4-mapped IPv6 form {@code ::ffff:a.b.c.d}.
     */
    public boolean sameAddress(NumericAddress other) {
        return Arrays.equals(asIpv6(bytes), asIpv6(other.bytes));
    }

    private static byte[] asIpv6(byte[] address) {
        if (address.length == 16) {
            return address;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(address, 0, mapped, 12, 4);
        return mapped;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericAddress other && Arrays.equals(bytes, other.bytes) && Objects.equals(scope, other.scope);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Objects.hashCode(scope);
    }

    @Override
    public String toString() {
        return canonical();
    }

    /**
     * glibc {@code inet_pton4}: exactly four decimal octets 0-255 separated by dots; no leading zero
     * (except the octet {@code 0} itself), no sign, no hex, no empty octet.
     */
    static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        int octets = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && octets < 4) {
                out[octets++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        return octets == 4 ? out : null;
    }

    /**
     * glibc {@code inet_pton6}: up to eight groups of 1-4 hex digits, at most one {@code ::} that
     * stands for at least one zero group, and optionally a dotted-quad tail in place of the last two
     * groups.
     */
    static byte[] parseIpv6(String s) {
        byte[] out = new byte[16];
        int filled = 0;
        int gap = -1;
        int i = 0;
        if (s.startsWith(":")) {
            if (!s.startsWith("::")) {
                return null;
            }
            i = 1;
        }
        int groupStart = i;
        int digits = 0;
        int value = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int hex = Character.digit(c, 16);
            if (hex >= 0 && c < 128) {
                if (++digits > 4) {
                    return null;
                }
                value = (value << 4) | hex;
            } else if (c == ':') {
                groupStart = i + 1;
                if (digits == 0) {
                    if (gap >= 0) {
                        return null;
                    }
                    gap = filled;
                    continue;
                }
                if (i + 1 >= s.length() || filled + 2 > 16) {
                    return null;
                }
                out[filled++] = (byte) (value >> 8);
                out[filled++] = (byte) value;
                digits = 0;
                value = 0;
            } else if (c == '.' && filled + 4 <= 16) {
                byte[] v4 = parseIpv4(s.substring(groupStart));
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, filled, 4);
                filled += 4;
                digits = 0;
                break;
            } else {
                return null;
            }
        }
        if (digits > 0) {
            if (filled + 2 > 16) {
                return null;
            }
            out[filled++] = (byte) (value >> 8);
            out[filled++] = (byte) value;
        }
        if (gap >= 0) {
            if (filled == 16) {
                return null;
            }
            int tail = filled - gap;
            System.arraycopy(out, gap, out, 16 - tail, tail);
            Arrays.fill(out, gap, 16 - tail, (byte) 0);
            filled = 16;
        }
        return filled == 16 ? out : null;
    }

    /**
     * glibc {@code inet_ntop6}: lower-case hex without leading zeros; the longest run of two or more
     * zero groups (the first on ties) becomes {@code ::}; the last 32 bits are a dotted quad when the
     * run starts at group 0 and is 6 groups long, or 5 groups long followed by {@code ffff}.
     */
    static String formatIpv6(byte[] a) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = ((a[2 * g] & 0xff) << 8) | (a[2 * g + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int end = g;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - g > bestLength) {
                bestStart = g;
                bestLength = end - g;
            }
            g = end;
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder out = new StringBuilder(40);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append(g == 0 ? "::" : ":");
                g += bestLength - 1;
                continue;
            }
            if (g == 6 && bestStart == 0 && (bestLength == 6 || (bestLength == 5 && groups[5] == 0xffff))) {
                out.append(dottedQuad(a, 12));
                break;
            }
            out.append(Integer.toHexString(groups[g]));
            if (g < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }

    private static String dottedQuad(byte[] a, int from) {
        return (a[from] & 0xff) + "." + (a[from + 1] & 0xff) + "." + (a[from + 2] & 0xff) + "." + (a[from + 3] & 0xff);
    }
}
