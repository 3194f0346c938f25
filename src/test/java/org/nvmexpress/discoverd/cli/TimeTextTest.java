package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

final class TimeTextTest {
    private static final long NOW_USEC = FakeDaemon.NOW.getEpochSecond() * 1_000_000L;
    private final TimeText time = new TimeText(Clock.fixed(FakeDaemon.NOW, ZoneId.of("UTC")));

    @Test
    void spanShowsTheTwoLargestUnits() {
        assertThat(TimeText.span(Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(TimeText.span(Duration.ofSeconds(243))).isEqualTo("4 min 3 s");
        assertThat(TimeText.span(Duration.ofSeconds(7500))).isEqualTo("2 h 5 min");
        assertThat(TimeText.span(Duration.ofSeconds(7505))).isEqualTo("2 h 5 min");
        assertThat(TimeText.span(Duration.ofDays(3).plusHours(4).plusMinutes(9))).isEqualTo("3 d 4 h");
    }

    @Test
    void spanLeavesOutAZeroSecondUnit() {
        assertThat(TimeText.span(Duration.ofHours(2).plusSeconds(5))).isEqualTo("2 h");
        assertThat(TimeText.span(Duration.ZERO)).isEqualTo("0 s");
        assertThat(TimeText.span(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }

    @Test
    void untilIsNowOnceTheTimeHasCome() {
        assertThat(time.until(NOW_USEC + 12_000_000L)).isEqualTo("in 12 s");
        assertThat(time.until(NOW_USEC + 500_000L)).isEqualTo("now");
        assertThat(time.until(NOW_USEC - 3_000_000L)).isEqualTo("now");
    }

    @Test
    void agoAndDateTimeUseTheClocksZone() {
        assertThat(time.ago(NOW_USEC - 1_800_000_000L)).isEqualTo("30 min ago");
        assertThat(time.ago(NOW_USEC)).isEqualTo("just now");
        assertThat(time.dateTime(NOW_USEC)).isEqualTo("2025-01-15 10:00:00 UTC");
        assertThat(time.time(NOW_USEC + 250_000L)).isEqualTo("10:00:00.250");
        assertThat(new TimeText(Clock.fixed(FakeDaemon.NOW, ZoneId.of("Europe/Berlin"))).dateTime(NOW_USEC))
                .isEqualTo("2025-01-15 11:00:00 CET");
    }
}
