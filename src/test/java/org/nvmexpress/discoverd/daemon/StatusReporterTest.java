package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.systemd.RecordingNotifier;

final class StatusReporterTest {
    private final TestLoop test = new TestLoop();
    private final RecordingNotifier notifier = new RecordingNotifier(test.clock, Optional.empty());
    private final StatusReporter status = new StatusReporter(test.loop, notifier);

    StatusReporterTest() {
        test.handler(event -> status.onDue());
    }

    private static StatusLine connected(int n) {
        return new StatusLine(Map.of(ControllerState.CONNECTED, n));
    }

    @Test
    void statusIsNotSentBeforeReady() {
        status.update(connected(1));
        test.advance(Duration.ofMinutes(1));
        assertThat(notifier.messages()).isEmpty();
        status.ready();
        assertThat(notifier.messages()).containsExactly("READY=1\nSTATUS=1 controller: 1 connected");
    }

    @Test
    void statusChangesAreSentAtMostOncePerSecond() {
        status.ready();
        status.update(connected(1));
        test.advance(Duration.ofMillis(300));
        status.update(connected(2));
        status.update(connected(3));
        assertThat(notifier.messages()).containsExactly("READY=1\nSTATUS=0 controllers");
        test.advance(Duration.ofMillis(700));
        assertThat(notifier.messages()).containsExactly("READY=1\nSTATUS=0 controllers",
                "STATUS=3 controllers: 3 connected");
        test.advance(Duration.ofSeconds(5));
        status.update(connected(4));
        assertThat(notifier.messages()).last().isEqualTo("STATUS=4 controllers: 4 connected");
    }

    @Test
    void unchangedCountsArmNoTimer() {
        status.ready();
        status.update(StatusLine.NONE);
        assertThat(test.loop.hasTimers()).isFalse();
        assertThat(notifier.messages()).hasSize(1);
    }
}
