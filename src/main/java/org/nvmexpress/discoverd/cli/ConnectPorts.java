package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsDevice;
import org.nvmexpress.discoverd.kernel.fabrics.KernelFabricsDevice;
import org.nvmexpress.discoverd.kernel.sysfs.LiveControllerLookup;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsLiveControllerLookup;

/**
 * What {@code nvme-discoverctl connect} needs from the system, so that tests give it a fake kernel:
 * the {@code /dev/nvme-fabrics} device, the "already connected?" lookup, and systemd's credentials
 * directory. The first two depend on {@code --root}, known only once the arguments are parsed.
 */
interface ConnectPorts {

    FabricsDevice fabrics(Path root);

    /** Reads the host's default host NQN, hence the I/O failure. */
    LiveControllerLookup lookup(Path root) throws IOException;

    /** {@code $CREDENTIALS_DIRECTORY}, set by systemd for a unit with credentials. */
    Optional<Path> credentialsDirectory();

    /**
     * The real system: {@code <root>/dev/nvme-fabrics}, the sysfs lookup (until the integrator wires
     * the connection-identity matcher in), and the environment's credentials directory.
     */
    static ConnectPorts system() {
        return new ConnectPorts() {
            @Override
            public FabricsDevice fabrics(Path root) {
                return new KernelFabricsDevice(root);
            }

            @Override
            public LiveControllerLookup lookup(Path root) throws IOException {
                return SysfsLiveControllerLookup.under(root);
            }

            @Override
            public Optional<Path> credentialsDirectory() {
                return Optional.ofNullable(System.getenv("CREDENTIALS_DIRECTORY")).filter(s -> !s.isEmpty()).map(Path::of);
            }
        };
    }
}
