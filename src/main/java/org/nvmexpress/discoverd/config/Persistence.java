package org.nvmexpress.discoverd.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the daemon holds a discovery controller's connection open (config key {@code persistent},
 * case-insensitive). It is the daemon's policy input, never an {@code nvme connect} option: nvme
 * connect has no {@code --persistent} and would fail every attempt (reference §15 item 25).
 */
public enum Persistence {
    /** Never hold the DC connection: fetch the log page, then disconnect. */
    NO,
    /** Hold it when the DC asks for it (EPCSD in its own log page entry). */
    AUTO,
    /** Always hold it. */
    FORCE;

    public static Optional<Persistence> parse(String value) {
        switch (ValueSyntax.asciiLowerCase(value)) {
            case "no":
                return Optional.of(NO);
            case "auto":
                return Optional.of(AUTO);
            case "force":
                return Optional.of(FORCE);
            default:
                return Optional.empty();
        }
    }

    /** The spelling in the configuration file. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
