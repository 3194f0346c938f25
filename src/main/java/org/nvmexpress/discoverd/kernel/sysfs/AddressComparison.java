package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * Whether two spellings of a transport address or service id name the same thing. Sysfs shows the
 * options as they were given to the kernel, by whoever connected ({@code nvme-cli}, nvme-stas, an
 * initramfs script), while a desired TID holds the canonical spelling; so text equality is not
 * enough (reference §4.3, §12.3).
 */
final class AddressComparison {
    /**
     * An FC address as the kernel accepts it: {@code nn-0x<WWNN>:pn-0x<WWPN>}, or the short form
     * without {@code 0x}; a WWN of up to 16 hex digits of either case.
     */
    private static final Pattern FC = Pattern.compile("nn-(?:0x)?([0-9a-fA-F]{1,16}):pn-(?:0x)?([0-9a-fA-F]{1,16})");

    private AddressComparison() {
    }

    /**
     * For {@code tcp} and {@code rdma}: the same IP address (an IPv4 address equals its IPv4-mapped
     * IPv6 form; IPv6 spellings compare by value), and the same scope when both give one. For
     * {@code fc}: the same WWNN and WWPN, whatever the case and zero padding. Otherwise, and when
     * either side does not parse, the texts must be equal.
     */
    static boolean sameAddress(String transport, String desired, String live) {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(live, "live");
        if ("tcp".equals(transport) || "rdma".equals(transport)) {
            Optional<NumericAddress> a = NumericAddress.parse(desired);
            Optional<NumericAddress> b = NumericAddress.parse(live);
            if (a.isPresent() && b.isPresent()) {
                return a.get().sameAddress(b.get()) && compatibleScopes(a.get().scope(), b.get().scope());
            }
        } else if ("fc".equals(transport)) {
            Matcher a = FC.matcher(desired);
            Matcher b = FC.matcher(live);
            if (a.matches() && b.matches()) {
                return wwn(a.group(1)) == wwn(b.group(1)) && wwn(a.group(2)) == wwn(b.group(2));
            }
            return desired.equalsIgnoreCase(live);
        }
        return desired.equals(live);
    }

    /** Ports compare as numbers ({@code 04420} is {@code 4420}); anything else as text. */
    static boolean sameService(String desired, String live) {
        if (isSmallNumber(desired) && isSmallNumber(live)) {
            return Integer.parseInt(desired) == Integer.parseInt(live);
        }
        return desired.equals(live);
    }

    /**
     * A text that is equal for any two addresses {@link #sameAddress} calls the same under
     * {@code transport}, for hashing (a {@code null} address has no key). It may also be equal for
     * some that are not the same (scopes are left out), so a lookup by key must still compare.
     *
     * <p>Each branch mirrors one of {@code sameAddress}: the address bytes with IPv4 in its mapped
     * form for tcp/rdma; for fc, the two WWNs as numbers when the text, with ASCII letters in lower
     * case, is an FC address (so {@code NN-0x1:PN-0x2} meets {@code nn-0x1:pn-0x2}, as
     * {@code equalsIgnoreCase} lets them), otherwise the text with every letter masked, because
     * {@code equalsIgnoreCase} also pairs some non-ASCII letters with ASCII ones; the text itself
     * for other transports.
     */
    static String addressKey(String transport, String address) {
        if (address == null) {
            return null;
        }
        if ("tcp".equals(transport) || "rdma".equals(transport)) {
            Optional<NumericAddress> numeric = NumericAddress.parse(address);
            if (numeric.isPresent()) {
                byte[] bytes = numeric.get().bytes();
                byte[] mapped = bytes.length == 16 ? bytes : ipv4Mapped(bytes);
                return "ip:" + HexFormat.of().formatHex(mapped);
            }
        } else if ("fc".equals(transport)) {
            Matcher m = FC.matcher(asciiLowerCase(address));
            if (m.matches()) {
                return "fc:" + Long.toHexString(wwn(m.group(1))) + ":" + Long.toHexString(wwn(m.group(2)));
            }
            return "fc-text:" + lettersMasked(address);
        }
        return "text:" + address;
    }

    /** A text that is equal exactly when {@link #sameService} says two service ids are the same. */
    static String serviceKey(String service) {
        if (service == null) {
            return null;
        }
        return isSmallNumber(service) ? "port:" + Integer.parseInt(service) : "text:" + service;
    }

    private static byte[] ipv4Mapped(byte[] ipv4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }

    private static String asciiLowerCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /**
     * Letters, and every non-ASCII char, become {@code ?}; length and everything else are kept. Two
     * texts {@code equalsIgnoreCase} pairs char by char therefore come out equal, whatever Unicode's
     * case rules pair ({@code ı} with {@code I}, the Kelvin sign with {@code k}).
     */
    private static String lettersMasked(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean asciiLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            out.append(asciiLetter || c >= 0x80 ? '?' : c);
        }
        return out.toString();
    }

    /** A link-local address only names one host together with its interface, when both say which. */
    private static boolean compatibleScopes(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    private static long wwn(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    private static boolean isSmallNumber(String s) {
        return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
