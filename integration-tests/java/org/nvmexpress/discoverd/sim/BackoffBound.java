package org.nvmexpress.discoverd.sim;

import java.time.Duration;

/**
 * The most attempts docs/daemon.md's backoff allows: 1 s after the first failure, doubling to a
 * 300 s cap, each delay at least 90 % of its nominal value. Scenarios bound connector runs with it
 * instead of with a number picked to pass, so a daemon that retries faster than it promises fails.
 */
final class BackoffBound {
    static final double MIN_FACTOR = 0.9;
    /** The cap and its jitter: the longest the daemon may wait between two attempts. */
    static final Duration CAP_WITH_JITTER = Duration.ofSeconds(330);

    private BackoffBound() {
    }

    /** The nominal delay after {@code failures} consecutive failures. */
    static double nominalSeconds(int failures) {
        return Math.min(Math.pow(2, Math.min(failures - 1, 9)), 300);
    }

    /** The most attempts one streak of failures can make within {@code span}, its first at the start. */
    static int attemptsWithin(Duration span) {
        double budget = span.toNanos() / 1e9;
        int attempts = 1;
        double spent = 0;
        while (true) {
            spent += MIN_FACTOR * nominalSeconds(attempts);
            if (spent > budget) {
                return attempts;
            }
            attempts++;
        }
    }
}
