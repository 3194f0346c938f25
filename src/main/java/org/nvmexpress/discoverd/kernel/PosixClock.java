package org.nvmexpress.discoverd.kernel;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * {@link Clock} on {@code clock_gettime(2)} through JNA, the one production clock adapter.
 *
 * <p>Why not {@code System.nanoTime}: the JDK offers only that, which on Linux HotSpot reads
 * {@code CLOCK_MONOTONIC} and so stops during suspend, while the daemon's timers need
 * {@code CLOCK_BOOTTIME} as the C daemon's do (reference §4.2); and the Java contract promises
 * only "an arbitrary origin", while {@code MONOTONIC_USEC=} must be comparable with the timestamps
 * systemd takes from {@code CLOCK_MONOTONIC}. Reading the clock by its number makes both a
 * property of this class rather than of the JVM.
 *
 * <p>Thread-safe: immutable, and each reading allocates its own {@code struct timespec}. A reading
 * costs about a microsecond.
 */
public final class PosixClock implements Clock {
    /** {@code CLOCK_MONOTONIC} from {@code <linux/time.h>}; the same number on every architecture. */
    static final int CLOCK_MONOTONIC = 1;

    /** {@code CLOCK_BOOTTIME} from {@code <linux/time.h>}. */
    static final int CLOCK_BOOTTIME = 7;

    /**
     * {@code struct timespec}: {@code time_t tv_sec} at offset 0, {@code long tv_nsec} right after
     * it; both are C {@code long}s on Linux (8 bytes each on 64-bit, so 0 and 8).
     */
    static final int TV_SEC_OFFSET = 0;

    static final int TV_NSEC_OFFSET = Native.LONG_SIZE;

    static final int TIMESPEC_SIZE = 2 * Native.LONG_SIZE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The one libc call this needs. */
    interface LibC extends Library {
        int clock_gettime(int clockId, Pointer timespec) throws LastErrorException;
    }

    /** Loaded on first use, not when a caller that never reads the clock is loaded. */
    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private final int clockId;
    private final String name;

    private PosixClock(int clockId, String name) {
        this.clockId = clockId;
        this.name = name;
    }

    /** {@code CLOCK_BOOTTIME}: the daemon's timers; counts the time the host spends suspended. */
    public static Clock boottime() {
        return new PosixClock(CLOCK_BOOTTIME, "CLOCK_BOOTTIME");
    }

    /** {@code CLOCK_MONOTONIC}: what systemd stamps with and expects in {@code MONOTONIC_USEC=}. */
    public static Clock monotonic() {
        return new PosixClock(CLOCK_MONOTONIC, "CLOCK_MONOTONIC");
    }

    @Override
    public long nowNanos() {
        return read(clockId);
    }

    @Override
    public String toString() {
        return "PosixClock[" + name + "]";
    }

    /**
     * {@code clock_gettime(clockId)} in nanoseconds.
     *
     * @throws IllegalStateException when the kernel refuses the clock (EINVAL: no such clock)
     */
    static long read(int clockId) {
        Memory timespec = new Memory(TIMESPEC_SIZE);
        try {
            Holder.LIBC.clock_gettime(clockId, timespec);
        } catch (LastErrorException e) {
            Errno errno = new Errno(e.getErrorCode());
            String hint = errno.equals(Errno.EINVAL) ? ": the kernel has no such clock" : "";
            throw new IllegalStateException("clock_gettime(" + clockId + ") failed: " + errno + hint, e);
        }
        return toNanos(timespec);
    }

    /** The {@code struct timespec} at {@code timespec} as nanoseconds. */
    static long toNanos(Pointer timespec) {
        long seconds = timespec.getNativeLong(TV_SEC_OFFSET).longValue();
        long nanos = timespec.getNativeLong(TV_NSEC_OFFSET).longValue();
        if (seconds < 0 || nanos < 0 || nanos >= NANOS_PER_SECOND) {
            throw new IllegalStateException("clock_gettime returned an invalid timespec: " + seconds + " s " + nanos + " ns");
        }
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
    }
}
