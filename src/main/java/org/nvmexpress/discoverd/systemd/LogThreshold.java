package org.nvmexpress.discoverd.systemd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.nvmexpress.discoverd.config.LogLevel;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Applies {@code debug-level} ({@link LogLevel}) to the process's logging. */
public final class LogThreshold {
    private LogThreshold() {
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

    /** Sets the root logger's level; a no-op when slf4j is not bound to logback (some tests). */
    public static void apply(LogLevel level) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(logbackLevel(level));
        }
    }
}
