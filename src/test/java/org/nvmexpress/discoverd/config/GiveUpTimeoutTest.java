package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class GiveUpTimeoutTest {
    @Test
    void neverIsNeverReachedHoweverLongTheFailures() {
        assertThat(GiveUpTimeout.never().isNever()).isTrue();
        assertThat(GiveUpTimeout.never().limit()).isEmpty();
        assertThat(GiveUpTimeout.never().reachedAfter(Duration.ofSeconds(Long.MAX_VALUE))).isFalse();
    }

    @Test
    void immediatelyIsReachedAtTheFirstFailure() {
        assertThat(GiveUpTimeout.immediately()).isEqualTo(GiveUpTimeout.after(Duration.ZERO));
        assertThat(GiveUpTimeout.immediately().isNever()).isFalse();
        assertThat(GiveUpTimeout.immediately().reachedAfter(Duration.ZERO)).isTrue();
    }

    @Test
    void afterIsReachedOnceFailuresLastTheLimit() {
        GiveUpTimeout timeout = GiveUpTimeout.after(Duration.ofHours(72));
        assertThat(timeout.reachedAfter(Duration.ofHours(72).minusNanos(1))).isFalse();
        assertThat(timeout.reachedAfter(Duration.ofHours(72))).isTrue();
    }

    /** systemd's largest span is more nanoseconds than a long holds: the comparison must not overflow. */
    @Test
    void limitsBeyondALongOfNanosecondsCompareExactly() {
        Duration longest = Duration.ofSeconds(18_446_744_073_709L, 551_614_000);
        GiveUpTimeout timeout = GiveUpTimeout.after(longest);
        assertThat(timeout.reachedAfter(Duration.ofNanos(Long.MAX_VALUE))).isFalse();
        assertThat(timeout.reachedAfter(longest)).isTrue();
    }

    @Test
    void constructorRejectsNegativeLimitsAndNulls() {
        assertThatThrownBy(() -> GiveUpTimeout.after(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit is negative: PT-1S");
        assertThatThrownBy(() -> new GiveUpTimeout(null)).hasMessage("limit");
        assertThatThrownBy(() -> GiveUpTimeout.after(null)).hasMessage("limit");
        assertThatThrownBy(() -> GiveUpTimeout.never().reachedAfter(null)).hasMessage("failingFor");
        assertThat(new GiveUpTimeout(Optional.empty())).isEqualTo(GiveUpTimeout.never());
    }
}
