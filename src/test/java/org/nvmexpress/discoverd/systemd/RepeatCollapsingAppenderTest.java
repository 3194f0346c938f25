package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.kernel.FakeClock;

final class RepeatCollapsingAppenderTest {
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> out = new ListAppender<>();
    private final FakeClock clock = new FakeClock(Duration.ofSeconds(1));
    private final RepeatCollapsingAppender appender;

    RepeatCollapsingAppenderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        out.setContext(context);
        out.start();
        appender = new RepeatCollapsingAppender(out, Duration.ofSeconds(10), clock);
        appender.setContext(context);
        appender.start();
    }

    private LoggingEvent event(Level level, String message, Throwable thrown) {
        return new LoggingEvent("test", context.getLogger("daemon"), level, message, thrown, null);
    }

    private void log(Level level, String message) {
        appender.doAppend(event(level, message, null));
    }

    private List<String> lines() {
        return out.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void repeatsWithinTheWindowAreCountedInOneLine() {
        for (int i = 0; i < 5; i++) {
            log(Level.ERROR, "(tcp, 10.0.0.9, 4420, nqn.x) - connect failed");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(lines()).containsExactly("ERROR (tcp, 10.0.0.9, 4420, nqn.x) - connect failed");

        clock.advance(Duration.ofSeconds(6));
        log(Level.ERROR, "(tcp, 10.0.0.9, 4420, nqn.x) - connect failed");
        assertThat(lines()).containsExactly("ERROR (tcp, 10.0.0.9, 4420, nqn.x) - connect failed",
                "ERROR (tcp, 10.0.0.9, 4420, nqn.x) - connect failed (repeated 4 times)",
                "ERROR (tcp, 10.0.0.9, 4420, nqn.x) - connect failed");
    }

    @Test
    void anyLaterEventClosesAnExpiredBurst() {
        log(Level.WARN, "slow");
        log(Level.WARN, "slow");
        clock.advance(Duration.ofSeconds(10));
        log(Level.INFO, "something else");
        assertThat(lines()).containsExactly("WARN slow", "WARN slow (repeated 1 time)", "INFO something else");
    }

    @Test
    void aBurstWithoutRepeatsEndsSilently() {
        log(Level.WARN, "once");
        clock.advance(Duration.ofSeconds(11));
        log(Level.WARN, "once");
        assertThat(lines()).containsExactly("WARN once", "WARN once");
    }

    @Test
    void differentMessagesLevelsAndExceptionsAreNotIdentical() {
        log(Level.WARN, "a");
        log(Level.ERROR, "a");
        log(Level.WARN, "b");
        appender.doAppend(event(Level.WARN, "a", new IllegalStateException("x")));
        appender.doAppend(event(Level.WARN, "a", new IllegalStateException("y")));
        assertThat(lines()).containsExactly("WARN a", "ERROR a", "WARN b", "WARN a", "WARN a");
    }

    @Test
    void infoAndDebugAreNeverCollapsed() {
        log(Level.INFO, "reloaded");
        log(Level.INFO, "reloaded");
        log(Level.DEBUG, "tick");
        log(Level.DEBUG, "tick");
        assertThat(lines()).containsExactly("INFO reloaded", "INFO reloaded", "DEBUG tick", "DEBUG tick");
    }

    @Test
    void stopReportsOpenBursts() {
        LoggingEvent first = event(Level.ERROR, "bus lost", null);
        first.setMDCPropertyMap(Map.of(JournalEventFields.UNIT, "nvme-discoverd-c7f645736db2.service"));
        appender.doAppend(first);
        log(Level.ERROR, "bus lost");
        log(Level.ERROR, "bus lost");
        clock.advance(Duration.ofSeconds(2));
        appender.stop();
        assertThat(lines()).containsExactly("ERROR bus lost", "ERROR bus lost (repeated 2 times)");
        ILoggingEvent summary = out.list.get(1);
        assertThat(summary.getMDCPropertyMap()).containsEntry(JournalEventFields.UNIT, "nvme-discoverd-c7f645736db2.service");
        assertThat(summary.getInstant()).isEqualTo(first.getInstant().plusSeconds(2));
        assertThat(summary.getLoggerName()).isEqualTo("daemon");
    }

    @Test
    void theOldestBurstIsClosedWhenTooManyAreOpen() {
        log(Level.WARN, "m0");
        log(Level.WARN, "m0");
        for (int i = 1; i <= RepeatCollapsingAppender.MAX_BURSTS; i++) {
            log(Level.WARN, "m" + i);
        }
        assertThat(lines()).contains("WARN m0 (repeated 1 time)");
        assertThat(lines().indexOf("WARN m0 (repeated 1 time)")).isEqualTo(RepeatCollapsingAppender.MAX_BURSTS);
    }
}
