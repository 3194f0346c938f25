package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

final class JournalEventFieldsTest {
    private final LoggerContext context = new LoggerContext();

    JournalEventFieldsTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    private LoggingEvent event(Level level, String message, Throwable thrown) {
        return new LoggingEvent(JournalEventFieldsTest.class.getName(), context.getLogger("daemon"), level, message,
                thrown, null);
    }

    private static List<String> names(List<JournalField> fields) {
        return fields.stream().map(JournalField::name).toList();
    }

    @Test
    void ofGivesPriorityIdentifierAndMessage() {
        assertThat(JournalEventFields.of(event(Level.INFO, "started", null), "nvme-discoverd")).containsExactly(
                new JournalField("PRIORITY", "6"), new JournalField("SYSLOG_IDENTIFIER", "nvme-discoverd"),
                new JournalField("MESSAGE", "started"));
    }

    @Test
    void ofTakesNvmeFieldsFromKeyValuePairsBeforeTheMdc() {
        LoggingEvent event = event(Level.DEBUG, "configured", null);
        event.addKeyValuePair(new KeyValuePair(JournalEventFields.TID, "(tcp, 10.0.0.9, 4420, nqn.x)"));
        event.addKeyValuePair(new KeyValuePair("other", "not sent"));
        event.setMDCPropertyMap(Map.of(JournalEventFields.TID, "from the MDC", JournalEventFields.DEVICE, "nvme3"));
        List<JournalField> fields = JournalEventFields.of(event, "x");
        assertThat(fields).containsSubsequence(new JournalField("NVME_TID", "(tcp, 10.0.0.9, 4420, nqn.x)"),
                new JournalField("NVME_DEVICE", "nvme3"));
        assertThat(names(fields)).containsExactly("PRIORITY", "SYSLOG_IDENTIFIER", "MESSAGE", "NVME_TID", "NVME_DEVICE");
    }

    @Test
    void ofAppendsTheStackTraceToTheMessage() {
        List<JournalField> fields = JournalEventFields.of(event(Level.ERROR, "boom", new IllegalStateException("why")), "x");
        String message = fields.get(2).value();
        assertThat(message).startsWith("boom\njava.lang.IllegalStateException: why\n\tat ").doesNotEndWith("\n");
        assertThat(fields.get(0)).isEqualTo(new JournalField("PRIORITY", "3"));
    }

    @Test
    void ofNamesTheCallerOfWarningsOnly() {
        LoggingEvent warning = event(Level.WARN, "odd", null);
        warning.setCallerData(new StackTraceElement[] {
            new StackTraceElement("org.nvmexpress.discoverd.daemon.Loop", "run", "Loop.java", 42)});
        assertThat(JournalEventFields.of(warning, "x")).contains(new JournalField("CODE_FILE", "Loop.java"),
                new JournalField("CODE_LINE", "42"), new JournalField("CODE_FUNC", "org.nvmexpress.discoverd.daemon.Loop.run"));
        assertThat(names(JournalEventFields.of(event(Level.INFO, "fine", null), "x"))).doesNotContain("CODE_FILE");
    }
}
