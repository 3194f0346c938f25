package org.nvmexpress.discoverd.kernel;

/**
 * The one time source of the daemon (ARCHITECTURE §4, §5; STYLE §7 rule 8): a monotonic count of
 * nanoseconds since an arbitrary origin, meaningful only as differences, or as a value another
 * reader of the same kernel clock understands ({@code MONOTONIC_USEC=} for systemd).
 *
 * <p>Production: {@link PosixClock#boottime()} for every timer, since {@code CLOCK_BOOTTIME} keeps
 * counting while the host is suspended and a retry or give-up horizon measured across a suspend is
 * therefore not stretched; {@link PosixClock#monotonic()} where systemd's {@code CLOCK_MONOTONIC}
 * is the contract. Tests use a virtual clock they advance by hand, so no unit test sleeps.
 */
@FunctionalInterface
public interface Clock {
    /**
     * Nanoseconds since this clock's origin. Never decreases: two readings on any threads, taken one
     * after the other, differ by zero or more.
     */
    long nowNanos();
}
