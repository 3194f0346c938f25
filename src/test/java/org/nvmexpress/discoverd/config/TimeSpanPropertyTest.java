package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The time-span parser never throws, does work linear in its input, counted in character reads (never
 * timed), and computes what systemd's rules say for any sum of terms, overflow included.
 */
final class TimeSpanPropertyTest {
    /**
     * Reads per character of input allowed. The parser needs about 20 at worst (a term of two
     * characters tries the unit table once); a parser that rescans would need hundreds at 256.
     */
    private static final long READS_PER_CHARACTER = 32;

    private static final BigInteger USEC_INFINITY = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
    private static final BigInteger LLONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final List<String> UNITS = List.of("seconds", "second", "sec", "s", "minutes", "minute", "min",
            "months", "month", "M", "msec", "ms", "m", "hours", "hour", "hr", "h", "days", "day", "d", "weeks", "week",
            "w", "years", "year", "y", "usec", "us", "\u03bcs", "\u00b5s");
    private static final List<Long> UNIT_MICROS = List.of(1_000_000L, 1_000_000L, 1_000_000L, 1_000_000L, 60_000_000L,
            60_000_000L, 60_000_000L, 2_629_800_000_000L, 2_629_800_000_000L, 2_629_800_000_000L, 1_000L, 1_000L,
            60_000_000L, 3_600_000_000L, 3_600_000_000L, 3_600_000_000L, 3_600_000_000L, 86_400_000_000L,
            86_400_000_000L, 86_400_000_000L, 604_800_000_000L, 604_800_000_000L, 604_800_000_000L,
            31_557_600_000_000L, 31_557_600_000_000L, 31_557_600_000_000L, 1L, 1L, 1L, 1L);

    @Property(tries = 1000)
    void hostileShapesCostLinearWork(@ForAll("hostile") String text) {
        assertLinear(text);
        assertLinear(text.substring(0, Math.min(text.length(), TimeSpan.MAX_LENGTH)));
    }

    private static void assertLinear(String text) {
        TimeSpan.Parsed parsed = TimeSpan.parse(text);
        long reads = TimeSpan.charactersRead(text);
        if (text.length() > TimeSpan.MAX_LENGTH) {
            assertThat(reads).isZero();
            assertThat(parsed)
                    .isEqualTo(new TimeSpan.Invalid("too long: " + text.length() + " characters, at most 256"));
        } else {
            assertThat(reads).as("reads for %d characters", text.length())
                    .isLessThanOrEqualTo(READS_PER_CHARACTER * (text.length() + 1));
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(300);
        Arbitrary<String> repeatedUnit = Combinators.combine(Arbitraries.of(UNITS),
                Arbitraries.integers().between(1, 90)).as(String::repeat);
        Arbitrary<String> hugeCount = Arbitraries.of("18446744073709551615", "9223372036854775807",
                "9223372036854775808", "584542", "584541.99999999999", "0000000000000000000000000001");
        Arbitrary<String> whitespace = Arbitraries.strings().withChars(' ', '\t', '\r', '\n').ofMinLength(1)
                .ofMaxLength(40);
        Arbitrary<String> token = Arbitraries.of(".", "+", "-", "infinity", "1", "1.", ".5", "1s", "1y", "1 ",
                "1\u00b5s", "5secs", "1.5h");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(4);
        Arbitrary<String> fragment = Arbitraries.frequencyOf(Tuple.of(3, digits), Tuple.of(3, repeatedUnit),
                Tuple.of(2, hugeCount), Tuple.of(2, whitespace), Tuple.of(4, token), Tuple.of(1, noise));
        Arbitrary<String> repeatedTerm = Combinators.combine(token, Arbitraries.integers().between(1, 260))
                .as(String::repeat);
        return Arbitraries.oneOf(fragment.list().ofMaxSize(40).map(parts -> String.join("", parts)), repeatedTerm);
    }

    /** One {@code <number><unit>} term: {@code whole} absent when only a fraction is written ({@code .5s}). */
    record Term(Optional<BigInteger> whole, String fraction, boolean plus, boolean spaceBeforeUnit, int unit) {
        String text() {
            return (plus ? "+" : "") + whole.map(BigInteger::toString).orElse("")
                    + (fraction.isEmpty() ? "" : "." + fraction) + (spaceBeforeUnit ? " " : "") + UNITS.get(unit);
        }
    }

    @Property(tries = 1000)
    void sumsOfTermsMeanWhatSystemdsRulesSay(@ForAll("terms") List<Term> terms,
            @ForAll("separators") List<String> gaps) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            text.append(gaps.get(i % gaps.size())).append(terms.get(i).text());
        }
        text.append(gaps.get(0));
        assertThat(TimeSpan.parse(text.toString())).as(text.toString()).isEqualTo(expected(terms));
    }

    @Provide
    Arbitrary<List<Term>> terms() {
        Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(100_000));
        Arbitrary<BigInteger> large = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(22));
        Arbitrary<Optional<BigInteger>> whole = Arbitraries.frequencyOf(Tuple.of(6, small), Tuple.of(2, large))
                .map(Optional::of).injectNull(0.1).map(w -> w == null ? Optional.<BigInteger>empty() : w);
        Arbitrary<String> fraction = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(12);
        Arbitrary<Term> term = Combinators.combine(whole, fraction, Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, UNITS.size() - 1))
                .as((w, f, plus, space, unit) -> new Term(w, w.isEmpty() && f.isEmpty() ? "5" : f,
                        plus && w.isPresent(), space, unit));
        return term.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of("", " ", "  ", "\t").list().ofMinSize(1).ofMaxSize(3);
    }

    /**
     * systemd's rules in exact arithmetic: each term's number at most 2^63 - 1 and below
     * (2^64 - 1) / unit, the sum below 2^64 - 1.
     */
    private static TimeSpan.Parsed expected(List<Term> terms) {
        TimeSpan.Invalid outOfRange = new TimeSpan.Invalid("out of range: a time span must stay below 2^64"
                + " microseconds (about 584542 years)");
        BigInteger usec = BigInteger.ZERO;
        for (Term term : terms) {
            BigInteger whole = term.whole().orElse(BigInteger.ZERO);
            BigInteger unit = BigInteger.valueOf(UNIT_MICROS.get(term.unit()));
            if (whole.compareTo(LLONG_MAX) > 0 || whole.compareTo(USEC_INFINITY.divide(unit)) >= 0) {
                return outOfRange;
            }
            usec = usec.add(whole.multiply(unit));
            BigInteger scale = unit.divide(BigInteger.TEN);
            for (char digit : term.fraction().toCharArray()) {
                usec = usec.add(scale.multiply(BigInteger.valueOf(digit - '0')));
                scale = scale.divide(BigInteger.TEN);
            }
            if (usec.compareTo(USEC_INFINITY) >= 0) {
                return outOfRange;
            }
        }
        BigInteger[] secondsAndMicros = usec.divideAndRemainder(BigInteger.valueOf(1_000_000));
        return new TimeSpan.Span(Optional.of(Duration.ofSeconds(secondsAndMicros[0].longValueExact(),
                secondsAndMicros[1].longValueExact() * 1_000)));
    }
}
