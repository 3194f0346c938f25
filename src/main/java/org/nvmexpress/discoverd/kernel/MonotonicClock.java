package org.nvmexpress.discoverd.kernel;

/**
 * The time source of every timer in the daemon (ARCHITECTURE §4, STYLE §7 rule 8): a monotonic
 * count of nanoseconds since an arbitrary origin, only meaningful as differences. Production reads
 * {@code CLOCK_BOOTTIME} ({@link BoottimeClock}), which keeps counting while the host is suspended,
 * so a retry or give-up horizon measured across a suspend is not stretched; tests use a virtual
 * clock they advance by hand.
 */
@FunctionalInterface
public interface MonotonicClock {
    /** Nanoseconds since this clock's origin; never decreases. */
    long nanos();
}
