package org.nvmexpress.discoverd.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/**
 * CLOCK_MONOTONIC read with {@code clock_gettime(2)} through JNA.
 *
 * <p>Why not {@code System.nanoTime()}: on Linux HotSpot does read CLOCK_MONOTONIC, but the Java
 * contract only promises "an arbitrary origin", and {@code MONOTONIC_USEC=} must be comparable
 * with the timestamps systemd takes from the same kernel clock. Reading the clock by its number
 * makes that a property of this class rather than of the JVM. The call costs about a microsecond
 * and is made a few times per reload, never in a hot path.
 *
 * <p>Thread-safe (synchronized: the loaded library is shared state).
 */
final class PosixMonotonicClock implements MonotonicClock {
    /** {@code CLOCK_MONOTONIC} from {@code <linux/time.h>}; the same number on every Linux architecture. */
    static final int CLOCK_MONOTONIC = 1;

    /** The part of libc this class uses; loaded on first use, not at class-load time. */
    interface LibC extends Library {
        int clock_gettime(int clockId, Timespec timespec) throws LastErrorException;
    }

    /** {@code struct timespec}: {@code time_t} and {@code long} are both C longs on Linux. */
    @Structure.FieldOrder({"tvSec", "tvNsec"})
    public static final class Timespec extends Structure {
        public NativeLong tvSec;
        public NativeLong tvNsec;
    }

    /** Loaded on the first reading, so a process that never reads the clock never pays for JNA. */
    private LibC libc;

    @Override
    public synchronized long nowNanos() {
        if (libc == null) {
            libc = Native.load("c", LibC.class);
        }
        Timespec now = new Timespec();
        try {
            libc.clock_gettime(CLOCK_MONOTONIC, now);
        } catch (LastErrorException e) {
            // CLOCK_MONOTONIC exists on every kernel this runs on; EINVAL here is a broken invariant.
            throw new AssertionError("clock_gettime(CLOCK_MONOTONIC) failed: errno " + e.getErrorCode(), e);
        }
        return now.tvSec.longValue() * 1_000_000_000L + now.tvNsec.longValue();
    }
}
