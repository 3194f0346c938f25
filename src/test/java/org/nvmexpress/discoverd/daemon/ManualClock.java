package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import org.nvmexpress.discoverd.kernel.MonotonicClock;

/**
 * Virtual time for the loop and for {@code MONOTONIC_USEC=}: moves only when a test says so. One
 * clock serves as both CLOCK_BOOTTIME (the loop's timers) and CLOCK_MONOTONIC (the notifier), so a
 * scenario has a single time line.
 */
final class ManualClock implements MonotonicClock, org.nvmexpress.discoverd.systemd.MonotonicClock {
    private long nanos;

    ManualClock(Duration start) {
        this.nanos = start.toNanos();
    }

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public long nowNanos() {
        return nanos;
    }

    void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + by);
        }
        nanos += by.toNanos();
    }

    void advanceTo(long deadlineNanos) {
        if (deadlineNanos - nanos > 0) {
            nanos = deadlineNanos;
        }
    }
}
