package org.nvmexpress.discoverd.kernel;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * {@link MonotonicClock} on {@code clock_gettime(CLOCK_BOOTTIME)}, as the C daemon's timers use
 * (reference §4.2). The JDK offers only {@code System.nanoTime}, which is {@code CLOCK_MONOTONIC}
 * on Linux and stops during suspend: hence JNA. Thread-safe; each call allocates its own
 * {@code struct timespec}.
 */
public final class BoottimeClock implements MonotonicClock {
    /** {@code CLOCK_MONOTONIC} from {@code <linux/time.h>}. */
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

    @Override
    public long nanos() {
        return read(CLOCK_BOOTTIME);
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
