package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

final class JournalPrefixLayoutTest {
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
        return new LoggingEvent("test", context.getLogger("test"), level, message, thrown, args);
    }

    @Test
    void journalLinesCarryTheSyslogPriority() {
        JournalPrefixLayout layout = new JournalPrefixLayout(true);
        assertThat(layout.doLayout(event(Level.ERROR, "{} - failed", null, "(tcp, 10.0.0.1)")))
                .isEqualTo("<3>(tcp, 10.0.0.1) - failed\n");
        assertThat(layout.doLayout(event(Level.WARN, "w", null))).isEqualTo("<4>w\n");
        assertThat(layout.doLayout(event(Level.INFO, "i", null))).isEqualTo("<6>i\n");
        assertThat(layout.doLayout(event(Level.DEBUG, "d", null))).isEqualTo("<7>d\n");
        assertThat(layout.doLayout(event(Level.TRACE, "t", null))).isEqualTo("<7>t\n");
    }

    @Test
    void terminalLinesStartWithTheLevelName() {
        JournalPrefixLayout layout = new JournalPrefixLayout(false);
        assertThat(layout.doLayout(event(Level.WARN, "config: bad line", null))).isEqualTo("WARN config: bad line\n");
        assertThat(layout.doLayout(event(Level.INFO, "started", null))).isEqualTo("INFO started\n");
    }

    @Test
    void everyStackTraceLineKeepsThePrefix() {
        String out = new JournalPrefixLayout(true).doLayout(event(Level.ERROR, "boom", new IllegalStateException("why")));
        assertThat(out).startsWith("<3>boom\n<3>java.lang.IllegalStateException: why\n");
        assertThat(out.lines()).allMatch(line -> line.startsWith("<3>"));
    }
}
