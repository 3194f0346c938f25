package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

final class RetryPolicyTest {

    @Test
    void backoffDoublesFromOneSecondUpToFiveMinutesAndStaysThere() {
        List<Long> seconds = IntStream.rangeClosed(1, 13).mapToObj(RetryPolicy::nominal).map(Duration::getSeconds).toList();
        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L, 300L);
        assertThat(RetryPolicy.nominal(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void jitterSpansTenPercentEachWay() {
        assertThat(new RetryPolicy(fixed(0.0)).delayAfter(4)).isEqualTo(Duration.ofMillis(7200));
        assertThat(new RetryPolicy(fixed(0.5)).delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(new RetryPolicy(fixed(Math.nextDown(1.0))).delayAfter(10)).isEqualTo(Duration.ofSeconds(330));
    }

    @Property
    void delayStaysWithinTheJitterBounds(@ForAll @IntRange(min = 1, max = 100) int failures,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double draw) {
        Duration delay = new RetryPolicy(fixed(draw)).delayAfter(failures);
        long nominal = RetryPolicy.nominal(failures).toNanos();
        assertThat(delay.toNanos()).isBetween(Math.round(nominal * 0.9), Math.round(nominal * 1.1));
    }

    /** A random source that always draws {@code value}. */
    static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("only nextDouble is drawn");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
