package org.nvmexpress.discoverd.config;

import java.util.Optional;

/**
 * What a connection unit runs to connect a controller, {@code connector} in
 * {@code nvme-discoverd.conf} (ARCHITECTURE §6).
 */
public enum Connector {
    /** {@link #NVME_CLI} when the installed {@code nvme} supports {@code --owner}, else {@link #BUILTIN}. */
    AUTO("auto"),
    /** {@code nvme connect … --idempotent --owner --devid-file}: needs nvme-cli 3.0 or later. */
    NVME_CLI("nvme-cli"),
    /** {@code nvme-discoverctl connect}, the same semantics in Java; secrets from systemd credentials. */
    BUILTIN("builtin");

    private final String configName;

    Connector(String configName) {
        this.configName = configName;
    }

    /** The spelling in the configuration file: {@code auto nvme-cli builtin}. */
    public String configName() {
        return configName;
    }

    /** The connector spelled {@code value} (ASCII case-insensitive), or empty. */
    public static Optional<Connector> fromConfigName(String value) {
        String lower = ValueSyntax.asciiLowerCase(value);
        for (Connector connector : values()) {
            if (connector.configName.equals(lower)) {
                return Optional.of(connector);
            }
        }
        return Optional.empty();
    }
}
