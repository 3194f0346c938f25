package org.nvmexpress.discoverd.sim.fabric;

import java.time.Duration;
import java.util.Objects;
import org.nvmexpress.discoverd.config.TimeSpan;

/**
 * The times of a simulation ({@code "30s"}, {@code "20m"}, {@code "1h"}, {@code "1500ms"},
 * {@code "1m30s"}): a systemd time span ({@code systemd.time(7)}) as {@link TimeSpan} reads it for
 * {@code dc-giveup-timeout}, so that a span means the same in the fabric file, on the command line
 * and in {@code nvme-discoverd.conf}. {@code infinity} is refused: every time here is a point on
 * the simulation's clock or a length of time on it, and neither can be infinite.
 */
public final class FabricDurations {
    private FabricDurations() {
    }

    /**
     * The finite span {@code text} writes.
     *
     * @throws IllegalArgumentException when it is not one; the message says why and where, without
     *                                  repeating the text (a caller names the text and its place)
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        TimeSpan.Parsed parsed = TimeSpan.parse(text);
        if (parsed instanceof TimeSpan.Invalid invalid) {
            throw new IllegalArgumentException(invalid.reason());
        }
        return ((TimeSpan.Span) parsed).finite()
                .orElseThrow(() -> new IllegalArgumentException("infinity is no time on the simulation's clock"));
    }

    /**
     * {@code 1m30s} for 90 seconds, {@code 0s} for zero: text that {@link #parse} reads back as
     * {@code d} (to the microsecond, its resolution), for messages. {@code d} is not negative.
     */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long hours = d.toHours();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            out.append(d.toSecondsPart()).append('s');
        }
        int millis = d.toNanosPart() / 1_000_000;
        int micros = d.toNanosPart() / 1_000 % 1_000;
        if (millis > 0) {
            out.append(millis).append("ms");
        }
        if (micros > 0) {
            out.append(micros).append("us");
        }
        return out.toString();
    }
}
