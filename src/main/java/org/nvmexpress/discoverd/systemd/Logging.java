package org.nvmexpress.discoverd.systemd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.nvmexpress.discoverd.config.LogLevel;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * What the daemon changes about its logging once running: the threshold from {@code debug-level},
 * and an orderly stop at exit, so that bursts the {@link RepeatCollapsingAppender} still holds are
 * reported before the process ends. Both act on logback's context of the process (a no-op when
 * slf4j is bound to something else).
 */
public final class Logging {
    private Logging() {
    }

    /** The logback level of a configured threshold: err is ERROR, warn WARN, info INFO, debug DEBUG. */
    static Level logbackLevel(LogLevel level) {
        switch (level) {
            case ERR:
                return Level.ERROR;
            case WARN:
                return Level.WARN;
            case INFO:
                return Level.INFO;
            default:
                return Level.DEBUG;
        }
    }

    /** Sets the root logger's level. */
    public static void setThreshold(LogLevel level) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(logbackLevel(level));
            // dbus-java's own messages only at debug-level = debug (LoggingConfigurator).
            context.getLogger(LoggingConfigurator.DBUS_JAVA).setLevel(level == LogLevel.DEBUG ? Level.DEBUG : Level.OFF);
        }
    }

    /** Stops every appender, which reports held-back repeats; nothing is logged afterwards. */
    public static void stop() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.stop();
        }
    }
}
