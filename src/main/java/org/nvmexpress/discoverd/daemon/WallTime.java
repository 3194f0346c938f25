package org.nvmexpress.discoverd.daemon;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Turns the loop's clock (CLOCK_BOOTTIME nanoseconds, meaningful only as differences) into
 * CLOCK_REALTIME microseconds, as the status interface shows times. The offset between the two is
 * taken afresh at each reading, so a step of the wall clock (NTP, the administrator) shows at once
 * and every time of one snapshot is converted with the same offset.
 */
record WallTime(EventLoop loop, InstantSource wall) {
    WallTime {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(wall, "wall");
    }

    /** CLOCK_REALTIME µs now. */
    long nowMicros() {
        Instant now = wall.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Converts loop-clock instants with one offset: the one of the moment it is called. */
    Converter converter() {
        return new Converter(nowMicros(), loop.nowNanos());
    }

    /** One reading of both clocks. */
    record Converter(long wallMicros, long loopNanos) {
        /** The CLOCK_REALTIME µs of {@code nanos} on the loop's clock. */
        long micros(long nanos) {
            return wallMicros + (nanos - loopNanos) / 1_000;
        }
    }
}
