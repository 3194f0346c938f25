package org.nvmexpress.discoverd.config;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The value syntaxes of the configuration files, as libnvme and the C daemon parse them (reference
 * §8.1, §8.3, §8.5). Values arrive already trimmed by the INI reader. Case-insensitive means ASCII-only, as C's
 * {@code strcasecmp}: {@link String#equalsIgnoreCase} would also accept the dotless {@code ı} for
 * {@code i} and the Kelvin sign for {@code k}.
 */
final class ValueSyntax {
    /** {@code UINT_MAX}, the largest unsigned value a configuration key accepts. */
    static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final int NQN_MAX_LENGTH = 223;

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

    static String checkBool(String value) {
        return parseBool(value).isPresent() ? null : "expected a boolean: yes/no, true/false, on/off, 1/0";
    }

    /**
     * C {@code strtol(value, &end, 0)} fully consumed and within 32 bits: optional sign, then
     * {@code 0x} hex, leading-{@code 0} octal, or decimal.
     */
    static String checkInt(String value) {
        String digits = value;
        if (digits.startsWith("+") || digits.startsWith("-")) {
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
            return "expected an integer (decimal, 0x hex or 0 octal)";
        }
        BigInteger signed = new BigInteger(digits, radix);
        if (value.startsWith("-")) {
            signed = signed.negate();
        }
        boolean fits = signed.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) >= 0
                && signed.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0;
        return fits ? null : "expected an integer within 32 bits";
    }

    static String checkPersistent(String value) {
        return Persistence.parse(value).isPresent() ? null : "expected no, auto or force";
    }

    /**
     * An NQN as libnvme checks it: {@code nqn.}, a four-digit year, {@code -}, a month 01-12,
     * {@code .}, at least one more character; printable ASCII only; at most 223 characters.
     */
    static String checkNqn(String value) {
        if (value.length() > NQN_MAX_LENGTH) {
            return "an NQN has at most " + NQN_MAX_LENGTH + " characters, this one " + value.length();
        }
        if (!value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return "an NQN has only printable ASCII characters, no spaces";
        }
        if (!value.matches("nqn\\.[0-9]{4}-(0[1-9]|1[0-2])\\..+")) {
            return "expected nqn.YYYY-MM.<reverse domain>[:<name>]";
        }
        return null;
    }

    /**
     * A host ID as libnvme reads it: sixteen hex bytes of one or two digits each, with dashes after
     * the 4th, 6th, 8th and 10th byte (a UUID); characters after the last byte are tolerated, as
     * upstream's {@code sscanf} does. All zeros is refused: it is the "no host ID" value.
     */
    static String checkHostid(String value) {
        int pos = 0;
        boolean allZero = true;
        for (int b = 0; b < 16; b++) {
            if (b == 4 || b == 6 || b == 8 || b == 10) {
                if (pos >= value.length() || value.charAt(pos) != '-') {
                    return "expected a UUID such as 46ba5037-7ce5-41fa-9452-48477bf00080";
                }
                pos++;
            }
            int start = pos;
            while (pos < value.length() && pos - start < 2 && Character.digit(value.charAt(pos), 16) >= 0
                    && value.charAt(pos) < 128) {
                allZero &= value.charAt(pos) == '0';
                pos++;
            }
            if (pos == start) {
                return "expected a UUID such as 46ba5037-7ce5-41fa-9452-48477bf00080";
            }
        }
        return allZero ? "the all-zero host ID means 'none'; remove the key or set a real UUID" : null;
    }
}
