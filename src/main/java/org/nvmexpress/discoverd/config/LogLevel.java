package org.nvmexpress.discoverd.config;

import java.util.Optional;

/**
 * The daemon's log threshold, {@code debug-level} in {@code nvme-discoverd.conf}. A message is
 * logged when its level is at or above the threshold in severity, that is when its ordinal is at
 * most the threshold's; the ordinals are the C daemon's {@code DISC_LOG_*} numbers (reference §1.3).
 */
public enum LogLevel {
    ERR("err"),
    WARN("warn"),
    INFO("info"),
    DEBUG("debug");

    private final String configName;

    LogLevel(String configName) {
        this.configName = configName;
    }

    /** The spelling in the configuration file: {@code err warn info debug}. */
    public String configName() {
        return configName;
    }

    /** Whether a message of level {@code message} is logged under this threshold. */
    public boolean logs(LogLevel message) {
        return message.ordinal() <= ordinal();
    }

    /** The level spelled {@code value} (ASCII case-insensitive), or empty. */
    public static Optional<LogLevel> fromConfigName(String value) {
        String lower = ValueSyntax.asciiLowerCase(value);
        for (LogLevel level : values()) {
            if (level.configName.equals(lower)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
