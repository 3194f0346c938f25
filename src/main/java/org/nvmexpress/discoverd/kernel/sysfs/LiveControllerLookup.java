package org.nvmexpress.discoverd.kernel.sysfs;

import java.io.IOException;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The port the connector asks "is this connection already up?" before it creates a controller:
 * the idempotence of {@code --idempotent}, and the rescan after the kernel reports a duplicate.
 *
 * <p>Production: {@link SysfsLiveControllerLookup}, the daemon's connection-identity matcher over
 * sysfs.
 */
public interface LiveControllerLookup {

    /**
     * A live controller that realises {@code tid} when connected with {@code identity}, if any.
     *
     * @throws IOException when the controllers cannot be listed at all
     */
    Optional<DeviceName> find(TransportId tid, ConnectIdentity identity) throws IOException;
}
