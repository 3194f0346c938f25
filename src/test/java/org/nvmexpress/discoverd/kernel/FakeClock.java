package org.nvmexpress.discoverd.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual time for every test, the one fake {@link Clock}: {@link #nowNanos()} moves only when a
 * test calls {@link #advance(Duration)} or {@link #set(Duration)}, or code under test sleeps through
 * it as a {@link Sleeper}, which advances at once and records the pause. Like the real clocks it
 * never goes back, so a test cannot construct a time line production never sees.
 */
public final class FakeClock implements Clock, Sleeper {
    private long nowNanos;
    private final List<Duration> sleeps = new ArrayList<>();

    /** Starts one hour after the origin, not at zero, so code that treats 0 specially is not flattered. */
    public FakeClock() {
        this(Duration.ofHours(1));
    }

    public FakeClock(Duration start) {
        if (start.isNegative()) {
            throw new IllegalArgumentException("start before the origin: " + start);
        }
        this.nowNanos = start.toNanos();
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a monotonic clock cannot go back: " + duration);
        }
        nowNanos = Math.addExact(nowNanos, duration.toNanos());
    }

    /** Moves to {@code sinceOrigin} after the origin; the same instant again is allowed, an earlier one not. */
    public void set(Duration sinceOrigin) {
        advance(sinceOrigin.minusNanos(nowNanos));
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
