package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.LogLevel;
import org.slf4j.LoggerFactory;

final class LoggingTest {

    @Test
    void logbackLevelMapsEachThreshold() {
        assertThat(Logging.logbackLevel(LogLevel.ERR)).isEqualTo(Level.ERROR);
        assertThat(Logging.logbackLevel(LogLevel.WARN)).isEqualTo(Level.WARN);
        assertThat(Logging.logbackLevel(LogLevel.INFO)).isEqualTo(Level.INFO);
        assertThat(Logging.logbackLevel(LogLevel.DEBUG)).isEqualTo(Level.DEBUG);
    }

    @Test
    void setThresholdSetsTheRootLevel() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        try {
            Logging.setThreshold(LogLevel.DEBUG);
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        } finally {
            root.setLevel(before);
        }
    }

    @Test
    void dbusJavaSpeaksOnlyAtDebugLevel() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger dbus = context.getLogger(LoggingConfigurator.DBUS_JAVA);
        Level rootBefore = root.getLevel();
        Level dbusBefore = dbus.getLevel();
        try {
            Logging.setThreshold(LogLevel.INFO);
            assertThat(context.getLogger("org.freedesktop.dbus.connections.base.ConnectionThread").isErrorEnabled()).isFalse();
            Logging.setThreshold(LogLevel.DEBUG);
            assertThat(context.getLogger("org.freedesktop.dbus.connections.base.ConnectionThread").isDebugEnabled()).isTrue();
        } finally {
            root.setLevel(rootBefore);
            dbus.setLevel(dbusBefore);
        }
    }

    @Test
    void theConfiguratorSilencesDbusJava() {
        LoggerContext fresh = new LoggerContext();
        new LoggingConfigurator().configure(fresh);
        assertThat(fresh.getLogger("org.freedesktop.dbus.connections.base.ConnectionThread").isErrorEnabled()).isFalse();
        assertThat(fresh.getLogger("org.nvmexpress.discoverd.systemd").isInfoEnabled()).isTrue();
    }
}
