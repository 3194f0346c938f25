package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Numbers of hostile shape (long runs of zeros and digits, signs, radix prefixes, a stray character)
 * are judged in work linear in their length, counted as characters read, and exactly as a
 * big-number conversion judges them where that is still cheap.
 */
final class ValueSyntaxPropertyTest {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    @Property(tries = 400)
    void checkIntReadsLinearlyAndAgreesWithBigIntegers(@ForAll("hostileNumbers") String value) {
        CountingChars chars = new CountingChars(value);
        String verdict = ValueSyntax.checkInt(chars);
        assertThat(chars.reads()).isLessThanOrEqualTo(2L * value.length() + 4);
        if (value.length() <= 2_000) {
            assertThat(verdict).isEqualTo(bigIntegerVerdict(value));
        }
    }

    @Property(tries = 300)
    void parseUnsignedIgnoresLeadingZerosAndRefusesTooManyDigits(@ForAll("hostileNumbers") String value) {
        Optional<Long> parsed = ValueSyntax.parseUnsigned(value);
        String digits = value.startsWith("+") ? value.substring(1) : value;
        boolean decimal = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!decimal) {
            assertThat(parsed).isEmpty();
        } else {
            BigInteger number = new BigInteger(digits.length() <= 2_000 ? digits : stripZeros(digits));
            assertThat(parsed.isPresent()).isEqualTo(number.compareTo(BigInteger.valueOf(ValueSyntax.UINT_MAX)) <= 0);
            parsed.ifPresent(n -> assertThat(BigInteger.valueOf(n)).isEqualTo(number));
        }
    }

    @Property(tries = 200)
    void overlongIdentitiesAreRefusedByLength(@ForAll("hostileNumbers") String tail) {
        String nqn = "nqn.2014-08.org.example:" + tail;
        assertThat(ValueSyntax.checkNqn(nqn) == null).isEqualTo(nqn.length() <= 223
                && tail.chars().allMatch(c -> c >= 0x21 && c <= 0x7e));
        assertThat(ValueSyntax.quotedShort(nqn).length()).isLessThanOrEqualTo(80 + 40);
    }

    /**
     * Sign, radix prefix, then up to four runs of one character each, thousands long: zeros (which
     * keep a number valid), digits of every radix, and characters no radix takes.
     */
    @Provide
    Arbitrary<String> hostileNumbers() {
        Arbitrary<String> sign = Arbitraries.of("", "", "+", "-", "--");
        Arbitrary<String> prefix = Arbitraries.of("", "", "0", "0x", "0X", "00x");
        Arbitrary<String> piece = Arbitraries.of("0", "0", "1", "7", "8", "9", "f", "F", "x", " ", "\u0661", "+");
        Arbitrary<String> run = Combinators.combine(piece, Arbitraries.integers().between(1, 30_000)).as(String::repeat);
        Arbitrary<List<String>> runs = run.list().ofMaxSize(4);
        return Combinators.combine(sign, prefix, runs).as((s, p, r) -> s + p + String.join("", r));
    }

    /** What {@link ValueSyntax#checkInt} said before it was one pass: the oracle. */
    private static String bigIntegerVerdict(String value) {
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
        boolean fits = signed.compareTo(INT_MIN) >= 0 && signed.compareTo(INT_MAX) <= 0;
        return fits ? null : "expected an integer within 32 bits";
    }

    private static String stripZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        // Beyond 2,000 significant digits the value is out of range either way; keep it cheap.
        return digits.substring(first, Math.min(digits.length(), first + 2_000));
    }
}
