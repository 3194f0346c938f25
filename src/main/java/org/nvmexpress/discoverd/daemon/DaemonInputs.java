package org.nvmexpress.discoverd.daemon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.nbft.BootControllers;

/**
 * Everything the desired set is built from, read at one moment: off the loop by the daemon, on the
 * main thread by {@code --dry-run}.
 *
 * @param daemon  {@code nvme-discoverd.conf}
 * @param fabrics the fabrics configuration: the files without errors as read now, and for each
 *                rejected file its last good content ({@link FabricsLastGood})
 * @param boot    the boot controllers of the NBFTs; none when {@code nbft = false}
 * @param read    which other files were read and what was wrong with them, for the status interface
 */
public record DaemonInputs(DaemonConfig daemon, FabricsConfig fabrics, BootControllers boot, Read read) {
    static final BootControllers NO_BOOT = new BootControllers(List.of(), List.of());

    public DaemonInputs {
        Objects.requireNonNull(daemon, "daemon");
        Objects.requireNonNull(fabrics, "fabrics");
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(read, "read");
    }

    /** Inputs that were not read from files (none were found, or reading failed). */
    public DaemonInputs(DaemonConfig daemon, FabricsConfig fabrics, BootControllers boot) {
        this(daemon, fabrics, boot, Read.NONE);
    }

    /**
     * What {@link #fabrics()} does not say about the reading itself.
     *
     * @param daemonFile         {@code nvme-discoverd.conf}, when it exists
     * @param daemonDiagnostics  what was wrong in it (each bad line kept its default)
     * @param nbftTables         the boot tables read
     */
    public record Read(Optional<String> daemonFile, List<Diagnostic> daemonDiagnostics, List<String> nbftTables) {
        static final Read NONE = new Read(Optional.empty(), List.of(), List.of());

        public Read {
            Objects.requireNonNull(daemonFile, "daemonFile");
            daemonDiagnostics = List.copyOf(daemonDiagnostics);
            nbftTables = List.copyOf(nbftTables);
        }
    }
}
