package org.nvmexpress.discoverd.systemd;

/**
 * Asks whether the installed {@code nvme} can be the connector: whether {@code nvme connect} knows
 * {@code --owner} (nvme-cli 3.0 and later; Debian 12's 2.3 does not). A port, so the choice of
 * {@link ConnectorChoice} is tested without running anything.
 */
@FunctionalInterface
interface ConnectorProbe {

    /** True when {@code <nvmePath> connect --help} mentions {@code --owner}; false when it cannot tell. */
    boolean supportsOwner(String nvmePath);
}
