package org.nvmexpress.discoverd.config;

import java.util.Optional;

/**
 * The value syntaxes of the configuration files, as libnvme and the C daemon parse them (reference
 * §8.1). Values arrive already trimmed by the INI reader. Case-insensitive means ASCII-only, as C's
 * {@code strcasecmp}: {@link String#equalsIgnoreCase} would also accept the dotless {@code ı} for
 * {@code i} and the Kelvin sign for {@code k}.
 */
final class ValueSyntax {
    /** {@code UINT_MAX}, the largest unsigned value a configuration key accepts. */
    static final long UINT_MAX = 0xFFFF_FFFFL;

    private ValueSyntax() {
    }

    /** {@code 1 yes y true t on} or {@code 0 no n false f off}, case-insensitive; else empty. */
    static Optional<Boolean> parseBool(String value) {
        switch (asciiLowerCase(value)) {
            case "1", "yes", "y", "true", "t", "on":
                return Optional.of(true);
            case "0", "no", "n", "false", "f", "off":
                return Optional.of(false);
            default:
                return Optional.empty();
        }
    }

    /**
     * A decimal number from 0 to {@link #UINT_MAX}, as C {@code strtoul(value, &end, 10)} fully
     * consumed after rejecting a leading {@code -}: one optional {@code +}, then ASCII digits only
     * (leading zeros allowed). Empty when the value is anything else, empty included.
     */
    static Optional<Long> parseUnsigned(String value) {
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        int firstSignificant = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            if (c == '0' && firstSignificant == i) {
                firstSignificant++;
            }
        }
        String significant = digits.substring(firstSignificant);
        // Ten digits fit a long without overflow; UINT_MAX itself has ten.
        if (significant.length() > 10) {
            return Optional.empty();
        }
        long number = significant.isEmpty() ? 0 : Long.parseLong(significant);
        return number <= UINT_MAX ? Optional.of(number) : Optional.empty();
    }

    /** {@code value} with {@code A-Z} mapped to {@code a-z} and every other character kept. */
    static String asciiLowerCase(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
