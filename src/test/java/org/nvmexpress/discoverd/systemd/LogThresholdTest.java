package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.LogLevel;
import org.slf4j.LoggerFactory;

final class LogThresholdTest {

    @Test
    void logbackLevelMapsEachThreshold() {
        assertThat(LogThreshold.logbackLevel(LogLevel.ERR)).isEqualTo(Level.ERROR);
        assertThat(LogThreshold.logbackLevel(LogLevel.WARN)).isEqualTo(Level.WARN);
        assertThat(LogThreshold.logbackLevel(LogLevel.INFO)).isEqualTo(Level.INFO);
        assertThat(LogThreshold.logbackLevel(LogLevel.DEBUG)).isEqualTo(Level.DEBUG);
    }

    @Test
    void applySetsTheRootLevel() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        try {
            LogThreshold.apply(LogLevel.DEBUG);
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        } finally {
            root.setLevel(before);
        }
    }
}
