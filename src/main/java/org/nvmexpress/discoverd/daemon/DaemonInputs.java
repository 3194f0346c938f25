package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.nbft.BootControllers;

/**
 * Everything the desired set is built from, read at one moment: off the loop by the daemon, on the
 * main thread by {@code --dry-run}.
 *
 * @param daemon  {@code nvme-discoverd.conf}
 * @param fabrics the fabrics configuration: the files without errors as read now, and for each
 *                rejected file its last good content ({@link FabricsLastGood})
 * @param boot    the boot controllers of the NBFTs; none when {@code nbft = false}
 */
public record DaemonInputs(DaemonConfig daemon, FabricsConfig fabrics, BootControllers boot) {
    static final BootControllers NO_BOOT = new BootControllers(java.util.List.of(), java.util.List.of());

    public DaemonInputs {
        Objects.requireNonNull(daemon, "daemon");
        Objects.requireNonNull(fabrics, "fabrics");
        Objects.requireNonNull(boot, "boot");
    }
}
