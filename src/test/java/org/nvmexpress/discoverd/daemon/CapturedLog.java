package org.nvmexpress.discoverd.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The daemon package's log lines as a test sees them: every event of the {@code daemon} loggers,
 * captured while open. Lines read {@code LEVEL message}.
 */
final class CapturedLog implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.nvmexpress.discoverd.daemon");
    private final Level level = logger.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    List<String> lines() {
        return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** The lines at WARN or above. */
    List<String> problems() {
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** The lines that contain {@code text}. */
    List<String> containing(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    /** The journal fields of the first line containing {@code text}. */
    Map<String, String> fieldsOf(String text) {
        ILoggingEvent event = appender.list.stream().filter(e -> e.getFormattedMessage().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line contains " + text + ": " + lines()));
        return event.getKeyValuePairs() == null ? Map.of()
                : event.getKeyValuePairs().stream().collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value)));
    }

    void clear() {
        appender.list.clear();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }
}
