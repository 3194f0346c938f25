package org.nvmexpress.discoverd.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual time: {@link #nanos()} moves only when a test calls {@link #advance(Duration)} or code
 * under test sleeps through it, which advances at once and records the pause.
 */
public final class FakeClock implements MonotonicClock, Sleeper {
    private long nanos;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeClock() {
        this(Duration.ofHours(1)); // not zero, so code that treats 0 specially is not flattered
    }

    public FakeClock(Duration start) {
        this.nanos = start.toNanos();
    }

    @Override
    public long nanos() {
        return nanos;
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a monotonic clock cannot go back: " + duration);
        }
        nanos = Math.addExact(nanos, duration.toNanos());
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    /** Every pause taken through {@link #sleep}, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
