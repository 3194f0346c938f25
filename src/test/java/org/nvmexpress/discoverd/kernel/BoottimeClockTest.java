package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

final class BoottimeClockTest {
    private static Memory timespec(long seconds, long nanos) {
        Memory m = new Memory(BoottimeClock.TIMESPEC_SIZE);
        m.setNativeLong(BoottimeClock.TV_SEC_OFFSET, new NativeLong(seconds));
        m.setNativeLong(BoottimeClock.TV_NSEC_OFFSET, new NativeLong(nanos));
        return m;
    }

    @Test
    void timespecLayoutIsTwoLongs() {
        assumeThat(Platform.is64Bit()).as("64-bit platform").isTrue();
        assertThat(BoottimeClock.TV_SEC_OFFSET).isZero();
        assertThat(BoottimeClock.TV_NSEC_OFFSET).isEqualTo(8);
        assertThat(BoottimeClock.TIMESPEC_SIZE).isEqualTo(16);
    }

    @Test
    void toNanosCombinesSecondsAndNanoseconds() {
        assertThat(BoottimeClock.toNanos(timespec(12, 345_678_901))).isEqualTo(12_345_678_901L);
    }

    @Test
    void toNanosRejectsAnImpossibleTimespec() {
        assertThatThrownBy(() -> BoottimeClock.toNanos(timespec(1, 1_000_000_000)))
                .hasMessage("clock_gettime returned an invalid timespec: 1 s 1000000000 ns");
    }

    @Test
    void boottimeIsMonotonicAndNotBehindMonotonic() {
        assumeThat(Platform.isLinux()).as("Linux clocks").isTrue();
        BoottimeClock clock = new BoottimeClock();
        long first = clock.nanos();
        long monotonic = BoottimeClock.read(BoottimeClock.CLOCK_MONOTONIC);
        long second = clock.nanos();
        assertThat(second).isGreaterThanOrEqualTo(first);
        // CLOCK_BOOTTIME is CLOCK_MONOTONIC plus the time spent suspended, so never behind it.
        assertThat(second).isGreaterThanOrEqualTo(monotonic);
        assertThat(first).isPositive();
    }

    @Test
    void readOfAnUnknownClockNamesTheErrno() {
        assumeThat(Platform.isLinux()).as("Linux clocks").isTrue();
        assertThatThrownBy(() -> BoottimeClock.read(4711))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("clock_gettime(4711) failed: EINVAL (Invalid argument): the kernel has no such clock");
    }
}
