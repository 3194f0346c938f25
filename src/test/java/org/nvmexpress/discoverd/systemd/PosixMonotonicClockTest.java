package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PosixMonotonicClockTest {

    /**
     * On Linux HotSpot's System.nanoTime() reads CLOCK_MONOTONIC too, so a reading taken between two
     * of them lies between them: the clock is CLOCK_MONOTONIC, in nanoseconds.
     */
    @Test
    void nowNanosIsClockMonotonic() {
        MonotonicClock clock = MonotonicClock.system();
        clock.nowNanos(); // load libc outside the measured span
        long before = System.nanoTime();
        long now = clock.nowNanos();
        long after = System.nanoTime();
        assertThat(now).isBetween(before, after);
    }

    @Test
    void nowMicrosIsNanosDividedByAThousand() {
        MonotonicClock clock = () -> 1_234_567_899L;
        assertThat(clock.nowMicros()).isEqualTo(1_234_567L);
    }
}
