package org.nvmexpress.discoverd.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The daemon's CLOCK_REALTIME microseconds for people: as a date and time in the clock's zone,
 * and relative to now ({@code in 12 s}, {@code 3 min ago}, {@code 2 h 5 min}), at most two units,
 * as systemctl prints them.
 */
final class TimeText {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Clock clock;

    TimeText(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static Instant instant(long usec) {
        return Instant.EPOCH.plus(usec, ChronoUnit.MICROS);
    }

    /** {@code 2025-01-15 10:00:00 UTC}. */
    String dateTime(long usec) {
        return DATE_TIME.format(instant(usec).atZone(clock.getZone()));
    }

    /** {@code 10:00:00.123}, for event lines. */
    String time(long usec) {
        return TIME.format(instant(usec).atZone(clock.getZone()));
    }

    /** How long since {@code usec}: {@code 2 h 5 min}; {@code 0 s} for a time in the future. */
    String since(long usec) {
        return span(Duration.between(instant(usec), clock.instant()));
    }

    /** {@code in 12 s}, or {@code now} when the time has come (a retry about to run). */
    String until(long usec) {
        Duration left = Duration.between(clock.instant(), instant(usec));
        return left.toSeconds() <= 0 ? "now" : "in " + span(left);
    }

    /** {@code 3 min ago}, or {@code just now} within the second. */
    String ago(long usec) {
        Duration past = Duration.between(instant(usec), clock.instant());
        return past.toSeconds() <= 0 ? "just now" : span(past) + " ago";
    }

    /** The two largest non-zero units of {@code d} (negative counts as zero): {@code 1 d 3 h}, {@code 12 s}. */
    static String span(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long[] amounts = {seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60};
        String[] units = {"d", "h", "min", "s"};
        int first = 0;
        while (first < amounts.length - 1 && amounts[first] == 0) {
            first++;
        }
        String text = amounts[first] + " " + units[first];
        // A second unit only when it says something: "2 h", not "2 h 0 min".
        boolean second = first < amounts.length - 1 && amounts[first + 1] != 0;
        return second ? text + " " + amounts[first + 1] + " " + units[first + 1] : text;
    }
}
