package org.nvmexpress.discoverd.config;

import java.util.Optional;
import java.util.regex.Pattern;

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
    /** Compiled once: {@code String.matches} compiled it for every NQN of a 10,000-line configuration. */
    private static final Pattern NQN_SHAPE = Pattern.compile("nqn\\.[0-9]{4}-(0[1-9]|1[0-2])\\..+");
    /** The magnitude of {@code Integer.MIN_VALUE}: past it, no digit brings a value back in range. */
    private static final long INT_MAGNITUDE_LIMIT = 1L << 31;
    private static final String NOT_AN_INT = "expected an integer (decimal, 0x hex or 0 octal)";
    /** Longest part of a value quoted in a message; a 1 MiB value should not become a log line. */
    private static final int MAX_QUOTED_CHARS = 80;

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

    /**
     * {@code value} in single quotes, cut after {@value #MAX_QUOTED_CHARS} characters with its length
     * said: {@code '1234...'... (300000 characters)}. Never cuts a character in half.
     */
    static String quotedShort(String value) {
        if (value.length() <= MAX_QUOTED_CHARS) {
            return "'" + value + "'";
        }
        int shown = Character.isHighSurrogate(value.charAt(MAX_QUOTED_CHARS - 1)) ? MAX_QUOTED_CHARS - 1
                : MAX_QUOTED_CHARS;
        return "'" + value.substring(0, shown) + "'... (" + value.length() + " characters)";
    }

    static String checkBool(String value) {
        return parseBool(value).isPresent() ? null : "expected a boolean: yes/no, true/false, on/off, 1/0";
    }

    /**
     * C {@code strtol(value, &end, 0)} fully consumed and within 32 bits: optional sign, then
     * {@code 0x} hex, leading-{@code 0} octal, or decimal.
     *
     * <p>One pass that stops accumulating once the magnitude is past 32 bits: a value is as long as
     * the file allows (leading zeros keep it valid), and converting hundreds of thousands of digits
     * to a big number took seconds. Each character is read at most twice ({@link CharSequence} so a
     * test can count the reads).
     */
    static String checkInt(CharSequence value) {
        int length = value.length();
        int pos = 0;
        boolean negative = false;
        if (length > 0 && (value.charAt(0) == '+' || value.charAt(0) == '-')) {
            negative = value.charAt(0) == '-';
            pos = 1;
        }
        int radix = 10;
        if (length - pos > 1 && value.charAt(pos) == '0') {
            char second = value.charAt(pos + 1);
            boolean hex = length - pos > 2 && (second == 'x' || second == 'X');
            radix = hex ? 16 : 8;
            pos += hex ? 2 : 1;
        }
        if (pos == length) {
            return NOT_AN_INT;
        }
        long magnitude = 0;
        for (; pos < length; pos++) {
            char c = value.charAt(pos);
            int digit = c < 128 ? Character.digit(c, radix) : -1;
            if (digit < 0) {
                return NOT_AN_INT;
            }
            if (magnitude <= INT_MAGNITUDE_LIMIT) {
                magnitude = magnitude * radix + digit;
            }
        }
        long limit = negative ? INT_MAGNITUDE_LIMIT : Integer.MAX_VALUE;
        return magnitude <= limit ? null : "expected an integer within 32 bits";
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
        if (!NQN_SHAPE.matcher(value).matches()) {
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
