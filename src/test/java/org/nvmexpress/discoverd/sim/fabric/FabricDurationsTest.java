package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class FabricDurationsTest {
    @Test
    void parseReadsTheSpansOfTheFabricFileAndTheCommandLine() {
        assertThat(FabricDurations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(FabricDurations.parse("20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(FabricDurations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(FabricDurations.parse("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(FabricDurations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(FabricDurations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void parseRefusesInfinityAndWhatIsNoSpan() {
        assertThatThrownBy(() -> FabricDurations.parse("infinity")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("infinity is no time on the simulation's clock");
        assertThatThrownBy(() -> FabricDurations.parse("30x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'x' at character 3 is not a unit");
        assertThatThrownBy(() -> FabricDurations.parse("-5s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'-' at character 1: a time span is never negative");
        assertThatThrownBy(() -> FabricDurations.parse("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty");
    }

    @Test
    void formatWritesWhatParseReadsBack() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofSeconds(90), Duration.ofMillis(1500),
            Duration.ofHours(50).plusMinutes(1), Duration.ofNanos(2_003_000)}) {
            assertThat(FabricDurations.parse(FabricDurations.format(d))).isEqualTo(d);
        }
        assertThat(FabricDurations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(FabricDurations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    }
}
