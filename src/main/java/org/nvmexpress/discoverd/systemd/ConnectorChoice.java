package org.nvmexpress.discoverd.systemd;

import org.nvmexpress.discoverd.config.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code connector = auto} (ARCHITECTURE §6): {@link Connector#NVME_CLI} when the installed
 * {@code nvme} supports {@code --owner}, else {@link Connector#BUILTIN}. The probe runs at most once
 * per choice: the answer only changes when nvme-cli is upgraded, which a restart picks up.
 */
final class ConnectorChoice {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorChoice.class);

    private ConnectorChoice() {
    }

    /** {@code configured} itself unless it is {@link Connector#AUTO}; then one probe decides. */
    static Connector resolve(Connector configured, String nvmePath, ConnectorProbe probe) {
        if (configured != Connector.AUTO) {
            return configured;
        }
        Connector chosen = probe.supportsOwner(nvmePath) ? Connector.NVME_CLI : Connector.BUILTIN;
        LOG.info("connector = auto: using {} ({} {} --owner)", chosen.configName(), nvmePath,
                chosen == Connector.NVME_CLI ? "supports" : "does not support");
        return chosen;
    }
}
