package org.nvmexpress.discoverd.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a systemd time span ({@code systemd.time(7)}, systemd's {@code parse_sec}) as upstream's
 * {@code dc-giveup-timeout} takes it, so a value an administrator wrote for the C daemon, nvme-stas
 * or a unit file means the same here:
 *
 * <ul>
 * <li>{@code infinity}, alone;
 * <li>or one or more terms, summed: a non-negative decimal number (optional {@code +}, optional
 * fraction: {@code 1.5h}, {@code .5s}) and a unit; spaces between terms and between a number and
 * its unit are optional ({@code 1h30min}, {@code 3 days 5 hours}); a term without a unit is in
 * seconds, and must then end the text or be followed by a space ({@code 12.34 .56} is a sum,
 * {@code 12.34.56} an error).
 * </ul>
 *
 * <p>The units are systemd's, case-sensitive, the longest spelling matched first: {@code usec us
 * µs μs}, {@code msec ms}, {@code seconds second sec s}, {@code minutes minute min m}, {@code hours
 * hour hr h}, {@code days day d}, {@code weeks week w}, {@code months month M} (a twelfth of 365.25
 * days, "30.44 days"), {@code years year y} (365.25 days). As in systemd, a span is counted in
 * microseconds, fractional digits beyond a microsecond are dropped, and a span must stay below
 * 2<sup>64</sup> - 1 µs (about 584,542 years: systemd's {@code USEC_INFINITY}), each term's whole
 * number below that divided by its unit (so {@code 584542y} is refused though it would fit);
 * {@code 5secs} is {@code 5sec} followed by the unknown {@code s}, hence invalid, exactly as there.
 *
 * <p>Work is linear in the input: every character is read a bounded number of times (the unit table
 * is tried once per term), and input longer than {@link #MAX_LENGTH} is refused before it is read.
 * Not thread-safe per instance; {@link #parse} makes a fresh one per call.
 *
 * <p>Public because the simulated fabric's file ({@code sim.fabric.FabricDurations}) writes its
 * times in the same syntax, so {@code 1m30s} means one thing in every file this project reads.
 */
public final class TimeSpan {
    /** Longest text read: a real span is a few dozen characters; anything longer is a mistake. */
    public static final int MAX_LENGTH = 256;

    private static final long USEC_PER_MSEC = 1_000;
    private static final long USEC_PER_SEC = 1_000_000;
    private static final long USEC_PER_MINUTE = 60 * USEC_PER_SEC;
    private static final long USEC_PER_HOUR = 60 * USEC_PER_MINUTE;
    private static final long USEC_PER_DAY = 24 * USEC_PER_HOUR;
    private static final long USEC_PER_WEEK = 7 * USEC_PER_DAY;
    private static final long USEC_PER_MONTH = 2_629_800 * USEC_PER_SEC;
    private static final long USEC_PER_YEAR = 31_557_600 * USEC_PER_SEC;
    /** systemd's {@code USEC_INFINITY}, 2^64 - 1 as an unsigned long: no finite span reaches it. */
    private static final long USEC_INFINITY = -1L;

    /** A unit's spelling and its length in microseconds. */
    private record Unit(String suffix, long micros) {
    }

    /** systemd's table, in its order: where one spelling starts another, the longer comes first. */
    private static final List<Unit> UNITS = List.of(new Unit("seconds", USEC_PER_SEC), new Unit("second", USEC_PER_SEC),
            new Unit("sec", USEC_PER_SEC), new Unit("s", USEC_PER_SEC), new Unit("minutes", USEC_PER_MINUTE),
            new Unit("minute", USEC_PER_MINUTE), new Unit("min", USEC_PER_MINUTE), new Unit("months", USEC_PER_MONTH),
            new Unit("month", USEC_PER_MONTH), new Unit("M", USEC_PER_MONTH), new Unit("msec", USEC_PER_MSEC),
            new Unit("ms", USEC_PER_MSEC), new Unit("m", USEC_PER_MINUTE), new Unit("hours", USEC_PER_HOUR),
            new Unit("hour", USEC_PER_HOUR), new Unit("hr", USEC_PER_HOUR), new Unit("h", USEC_PER_HOUR),
            new Unit("days", USEC_PER_DAY), new Unit("day", USEC_PER_DAY), new Unit("d", USEC_PER_DAY),
            new Unit("weeks", USEC_PER_WEEK), new Unit("week", USEC_PER_WEEK), new Unit("w", USEC_PER_WEEK),
            new Unit("years", USEC_PER_YEAR), new Unit("year", USEC_PER_YEAR), new Unit("y", USEC_PER_YEAR),
            new Unit("usec", 1), new Unit("us", 1), new Unit("\u03bcs", 1), new Unit("\u00b5s", 1));

    private static final String OUT_OF_RANGE = "out of range: a time span must stay below 2^64 microseconds"
            + " (about 584542 years)";

    /** What {@link #parse} makes of a text. */
    public sealed interface Parsed permits Span, Invalid {
    }

    /** A valid span: {@code finite} is empty for {@code infinity}. */
    public record Span(Optional<Duration> finite) implements Parsed {
        public Span {
            Objects.requireNonNull(finite, "finite");
        }
    }

    /** Not a span; {@code reason} says why and where (1-based character), without repeating the text. */
    public record Invalid(String reason) implements Parsed {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final String text;
    private int pos;
    /** The sum of the terms read so far, in microseconds, unsigned as systemd's {@code usec_t}. */
    private long usec;
    /** Characters read so far, each read counted: what the linear-work property bounds. */
    private long reads;

    private TimeSpan(String text) {
        this.text = text;
    }

    /** Reads {@code text} as systemd would. Never throws for any string. */
    public static Parsed parse(String text) {
        return new TimeSpan(Objects.requireNonNull(text, "text")).span();
    }

    /** How many character reads {@link #parse} spends on {@code text}: the work the parser does. */
    static long charactersRead(String text) {
        TimeSpan scan = new TimeSpan(Objects.requireNonNull(text, "text"));
        scan.span();
        return scan.reads;
    }

    private Parsed span() {
        if (text.length() > MAX_LENGTH) {
            return new Invalid("too long: " + text.length() + " characters, at most " + MAX_LENGTH);
        }
        skipWhitespace();
        if (matches("infinity")) {
            skipWhitespace();
            return atEnd() ? new Span(Optional.empty())
                    : new Invalid(found() + " at character " + (pos + 1) + " after 'infinity', which stands alone");
        }
        boolean something = false;
        while (true) {
            skipWhitespace();
            if (atEnd()) {
                return something ? new Span(Optional.of(toDuration(usec))) : new Invalid("empty");
            }
            Optional<Invalid> invalid = term();
            if (invalid.isPresent()) {
                return invalid.get();
            }
            something = true;
        }
    }

    /** Reads the term at the cursor and adds it to {@link #usec}; empty when it is valid. */
    private Optional<Invalid> term() {
        // C's strtoll would also skip a vertical tab or form feed here; no one writes those.
        if (peek() == '-') {
            return invalid("'-' at character " + (pos + 1) + ": a time span is never negative");
        }
        int start = pos;
        if (peek() == '+') {
            pos++;
        }
        int digits = pos;
        long whole = 0;
        while (!atEnd() && isDigit(peek())) {
            int digit = read() - '0';
            if (whole > (Long.MAX_VALUE - digit) / 10) {
                return invalid(OUT_OF_RANGE); // systemd's strtoll reports ERANGE here
            }
            whole = whole * 10 + digit;
        }
        int fraction = -1; // where the fractional digits start, when there is a '.'
        if (!atEnd() && peek() == '.' && (pos > digits || digits == start)) { // ".5" but not "+.5"
            fraction = ++pos;
            while (!atEnd() && isDigit(peek())) {
                pos++;
            }
        } else if (pos == digits) {
            return invalid(foundAt(start) + " at character " + (start + 1) + " is not a number");
        }
        int end = pos;
        skipWhitespace();
        long multiplier = unit();
        if (multiplier == 0) {
            // Without a unit the term is in seconds, and must end the text or be followed by a space.
            if (pos == end && !atEnd()) {
                return invalid(found() + " at character " + (pos + 1) + " is not a unit");
            }
            multiplier = USEC_PER_SEC;
        }
        return add(whole, multiplier, fraction, end);
    }

    /**
     * Adds {@code whole} units and the fractional digits from {@code fraction} to {@code end} (none
     * when {@code fraction} is -1), each digit worth a tenth of the one before, truncated.
     */
    private Optional<Invalid> add(long whole, long multiplier, int fraction, int end) {
        if (Long.compareUnsigned(whole, Long.divideUnsigned(USEC_INFINITY, multiplier)) >= 0) {
            return invalid(OUT_OF_RANGE);
        }
        if (!addMicros(whole * multiplier)) {
            return invalid(OUT_OF_RANGE);
        }
        if (fraction == end) {
            return invalid("no digit after the '.' at character " + fraction);
        }
        long scale = multiplier / 10;
        for (int i = fraction; i >= 0 && i < end; i++) {
            if (!addMicros((charAt(i) - '0') * scale)) {
                return invalid(OUT_OF_RANGE);
            }
            scale /= 10;
        }
        return Optional.empty();
    }

    /** Adds {@code micros} to {@link #usec} unless the sum would reach {@link #USEC_INFINITY}. */
    private boolean addMicros(long micros) {
        if (Long.compareUnsigned(micros, USEC_INFINITY - usec) >= 0) {
            return false;
        }
        usec += micros;
        return true;
    }

    private static Optional<Invalid> invalid(String reason) {
        return Optional.of(new Invalid(reason));
    }

    /** The multiplier of the unit at the cursor, moving past it; 0 when none starts here. */
    private long unit() {
        for (Unit unit : UNITS) {
            if (matches(unit.suffix())) {
                return unit.micros();
            }
        }
        return 0;
    }

    /** Whether {@code word} starts at the cursor; if so the cursor moves past it. */
    private boolean matches(String word) {
        if (text.length() - pos < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (charAt(pos + i) != word.charAt(i)) {
                return false;
            }
        }
        pos += word.length();
        return true;
    }

    /** systemd's {@code WHITESPACE}: space, tab, newline, carriage return. */
    private void skipWhitespace() {
        while (!atEnd()) {
            char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static Duration toDuration(long usec) {
        long seconds = Long.divideUnsigned(usec, USEC_PER_SEC);
        long micros = Long.remainderUnsigned(usec, USEC_PER_SEC);
        return Duration.ofSeconds(seconds, micros * 1_000);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return charAt(pos);
    }

    private char read() {
        return charAt(pos++);
    }

    /** Every read of the text goes through here, so {@link #reads} counts the parser's work. */
    private char charAt(int index) {
        reads++;
        return text.charAt(index);
    }

    private String found() {
        return foundAt(pos);
    }

    /** The character at {@code index} for a message: quoted, or as {@code U+XXXX} when not printable. */
    private String foundAt(int index) {
        char c = text.charAt(index);
        return Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }
}
