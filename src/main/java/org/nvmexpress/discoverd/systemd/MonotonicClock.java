package org.nvmexpress.discoverd.systemd;

/**
 * A source of CLOCK_MONOTONIC time, the clock systemd stamps its service state changes with and
 * expects in {@code MONOTONIC_USEC=}. Tests inject a fake; production uses {@link #system()}.
 */
@FunctionalInterface
public interface MonotonicClock {

    /** Nanoseconds of CLOCK_MONOTONIC: since boot, not counting suspend, never going back. */
    long nowNanos();

    /** {@link #nowNanos()} in microseconds, the unit of {@code MONOTONIC_USEC=} and of systemd's timestamps. */
    default long nowMicros() {
        return nowNanos() / 1_000;
    }

    /** The kernel's CLOCK_MONOTONIC, read with {@code clock_gettime(2)}. */
    static MonotonicClock system() {
        return new PosixMonotonicClock();
    }
}
