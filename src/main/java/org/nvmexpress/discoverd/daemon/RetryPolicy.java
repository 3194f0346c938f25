package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a controller waits before its next attempt (reference §1.11): 1 s after the first
 * failure, doubling to at most 300 s (1, 2, 4, …, 256, 300, 300, …), for ever: configured and boot
 * controllers are never given up. Each delay is spread by up to ±10 % ({@link #JITTER}) with the
 * injected random source, so 500 controllers that failed together (a target rebooting) do not
 * retry in lockstep and hit it, and systemd, at the same instant each time.
 *
 * <p>Pure apart from the random source; the loop owns the one instance.
 */
final class RetryPolicy {
    /** {@code RETRY_INITIAL_DELAY_SEC}. */
    static final Duration INITIAL_DELAY = Duration.ofSeconds(1);
    /** {@code RETRY_MAX_DELAY_SEC}. */
    static final Duration MAX_DELAY = Duration.ofSeconds(300);
    /** The spread of each delay: ±10 %. */
    static final double JITTER = 0.10;

    private final RandomGenerator random;

    RetryPolicy(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The delay before the next attempt after {@code failures} consecutive failures (at least 1). */
    Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures out of range: " + failures);
        }
        long nominal = nominal(failures).toNanos();
        double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
        return Duration.ofNanos(Math.round(nominal * factor));
    }

    /** The delay without jitter: 1 s doubled {@code failures - 1} times, capped at 300 s. */
    static Duration nominal(int failures) {
        // 2^9 s = 512 s already passes the cap; shifting further could overflow.
        int doublings = Math.min(failures - 1, 9);
        long seconds = Math.min(INITIAL_DELAY.getSeconds() << doublings, MAX_DELAY.getSeconds());
        return Duration.ofSeconds(seconds);
    }
}
