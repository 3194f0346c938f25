package org.nvmexpress.discoverd.kernel.fabrics;

import java.math.BigInteger;
import java.util.OptionalInt;

/**
 * Integers as C's {@code strtol(text, &end, 0)} reads them when it must consume the whole text: an
 * optional sign, then {@code 0x} hexadecimal, a leading {@code 0} for octal, or decimal; the value
 * must fit 32 bits. This is how nvme-cli reads {@code --ctrl-loss-tmo=0x10} and how the kernel's
 * {@code match_int} reads {@code ctrl_loss_tmo=...}: the configuration passes such values through as
 * written (reference §3.4), so the connector accepts the same forms and hands the kernel decimal.
 */
public final class CIntegerSyntax {
    private CIntegerSyntax() {
    }

    /** The value, or empty when {@code text} is not such an integer. */
    public static OptionalInt parse(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        boolean negative = text.startsWith("-");
        String digits = negative || text.startsWith("+") ? text.substring(1) : text;
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
            return OptionalInt.empty();
        }
        BigInteger value = new BigInteger(digits, radix);
        if (negative) {
            value = value.negate();
        }
        if (value.bitLength() > 31) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValueExact());
    }
}
