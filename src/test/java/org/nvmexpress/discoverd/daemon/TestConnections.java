package org.nvmexpress.discoverd.daemon;

import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.tid.Role;

/** Resolved connections for tests that need one without a file. */
final class TestConnections {
    private TestConnections() {
    }

    static ResolvedConnection dc(String file, int line, String traddr) {
        return new ResolvedConnection(file, line, Role.DC, "tcp", traddr, null, ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN,
                null, null, null, null, null, Params.EMPTY, Params.EMPTY, Params.EMPTY);
    }
}
