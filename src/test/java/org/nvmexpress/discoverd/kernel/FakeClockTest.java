package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class FakeClockTest {
    @Test
    void clockMovesOnlyWhenAdvancedOrSlept() {
        FakeClock clock = new FakeClock(Duration.ofSeconds(10));
        assertThat(clock.nowNanos()).isEqualTo(10_000_000_000L);
        clock.advance(Duration.ofMillis(5));
        clock.sleep(Duration.ofMillis(50));
        assertThat(clock.nowNanos()).isEqualTo(10_055_000_000L);
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void clockRefusesToGoBack() {
        assertThatThrownBy(() -> new FakeClock().advance(Duration.ofNanos(-1)))
                .hasMessage("a monotonic clock cannot go back: PT-0.000000001S");
    }

    @Test
    void clockSetsForwardButNotBack() {
        FakeClock clock = new FakeClock(Duration.ofSeconds(10));
        clock.set(Duration.ofSeconds(12));
        clock.set(Duration.ofSeconds(12));
        assertThat(clock.nowNanos()).isEqualTo(12_000_000_000L);
        assertThat(clock.sleeps()).isEmpty();
        assertThatThrownBy(() -> clock.set(Duration.ofSeconds(11)))
                .hasMessage("a monotonic clock cannot go back: PT-1S");
    }

    @Test
    void clockStartsAnHourAfterTheOriginByDefault() {
        assertThat(new FakeClock().nowNanos()).isEqualTo(Duration.ofHours(1).toNanos());
    }
}
