package org.nvmexpress.discoverd.cli;

import java.util.Objects;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.systemd.StatusLine;

/**
 * The configuration the running daemon works with.
 *
 * @param daemon  {@code nvme-discoverd.conf}
 * @param fabrics the fabrics configuration: at start-up what was valid, after a reload the last
 *                one without errors
 */
record ServiceConfig(DaemonConfig daemon, FabricsConfig fabrics) {

    ServiceConfig {
        Objects.requireNonNull(daemon, "daemon");
        Objects.requireNonNull(fabrics, "fabrics");
    }

    /**
     * The status line. Until the event loop connects anything (a later issue), every configured
     * connection is counted as waiting: the counts are true, not hoped for.
     */
    StatusLine status() {
        return new StatusLine(fabrics.connections().size(), 0, 0);
    }
}
