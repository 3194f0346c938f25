package org.nvmexpress.discoverd.varlink;

import java.nio.file.Path;

/** Where the socket lives (VARLINK.md): both the daemon and {@code nvme-discoverctl} ask here. */
public final class VarlinkSocket {
    private VarlinkSocket() {
    }

    /** {@code <root>/run/nvme/discoverd/varlink}, {@code root} being the daemon's {@code --root}. */
    public static Path under(Path root) {
        return root.resolve("run/nvme/discoverd/varlink");
    }
}
