package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

final class PosixClockTest {
    private static Memory timespec(long seconds, long nanos) {
        Memory m = new Memory(PosixClock.TIMESPEC_SIZE);
        m.setNativeLong(PosixClock.TV_SEC_OFFSET, new NativeLong(seconds));
        m.setNativeLong(PosixClock.TV_NSEC_OFFSET, new NativeLong(nanos));
        return m;
    }

    @Test
    void timespecLayoutIsTwoLongs() {
        assumeThat(Platform.is64Bit()).as("64-bit platform").isTrue();
        assertThat(PosixClock.TV_SEC_OFFSET).isZero();
        assertThat(PosixClock.TV_NSEC_OFFSET).isEqualTo(8);
        assertThat(PosixClock.TIMESPEC_SIZE).isEqualTo(16);
    }

    @Test
    void toNanosCombinesSecondsAndNanoseconds() {
        assertThat(PosixClock.toNanos(timespec(12, 345_678_901))).isEqualTo(12_345_678_901L);
    }

    @Test
    void toNanosRejectsAnImpossibleTimespec() {
        assertThatThrownBy(() -> PosixClock.toNanos(timespec(1, 1_000_000_000)))
                .hasMessage("clock_gettime returned an invalid timespec: 1 s 1000000000 ns");
    }

    @Test
    void boottimeIsMonotonicAndNotBehindMonotonic() {
        assumeThat(Platform.isLinux()).as("Linux clocks").isTrue();
        Clock clock = PosixClock.boottime();
        long first = clock.nowNanos();
        long monotonic = PosixClock.monotonic().nowNanos();
        long second = clock.nowNanos();
        assertThat(second).isGreaterThanOrEqualTo(first);
        // CLOCK_BOOTTIME is CLOCK_MONOTONIC plus the time spent suspended, so never behind it.
        assertThat(second).isGreaterThanOrEqualTo(monotonic);
        assertThat(first).isPositive();
    }

    /**
     * On Linux HotSpot's System.nanoTime() reads CLOCK_MONOTONIC too, so a reading taken between two
     * of them lies between them: the clock is CLOCK_MONOTONIC, in nanoseconds.
     */
    @Test
    void monotonicIsClockMonotonicInNanoseconds() {
        assumeThat(Platform.isLinux()).as("Linux clocks").isTrue();
        Clock clock = PosixClock.monotonic();
        clock.nowNanos(); // load libc outside the measured span
        long before = System.nanoTime();
        long now = clock.nowNanos();
        long after = System.nanoTime();
        assertThat(now).isBetween(before, after);
    }

    @Test
    void clocksNameTheirKernelClock() {
        assertThat(PosixClock.boottime()).hasToString("PosixClock[CLOCK_BOOTTIME]");
        assertThat(PosixClock.monotonic()).hasToString("PosixClock[CLOCK_MONOTONIC]");
    }

    @Test
    void readOfAnUnknownClockNamesTheErrno() {
        assumeThat(Platform.isLinux()).as("Linux clocks").isTrue();
        assertThatThrownBy(() -> PosixClock.read(4711))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("clock_gettime(4711) failed: EINVAL (Invalid argument): the kernel has no such clock");
    }
}
