package org.nvmexpress.discoverd.sim;

import java.time.Duration;

/**
 * The simulated host's time: what the fabric's schedule (ports going down, log pages changing), the
 * kernel's timers ({@code ctrl-loss-tmo}, reconnects) and systemd's jobs count on.
 * {@link VirtualTime} for tests, {@link RealTime} for the demo. Tasks run one at a time; the host
 * wraps each in its lock.
 */
public interface SimScheduler {

    /** Nanoseconds since the simulation started. */
    long nowNanos();

    /** Runs {@code task} once {@code delay} has passed. */
    void after(Duration delay, Runnable task);

    /** Time since the simulation started. */
    default Duration elapsed() {
        return Duration.ofNanos(nowNanos());
    }
}
