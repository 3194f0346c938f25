package org.nvmexpress.discoverd.kernel.sysfs;

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
