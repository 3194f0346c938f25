package org.nvmexpress.discoverd.kernel;

import java.util.Objects;
import java.util.Optional;

/**
 * The host identity a connect uses: the host NQN and host ID passed to the kernel, explicit or the
 * host's defaults ({@code fabrics.HostIdentityFiles}). Absent parts are left to the kernel, which then uses
 * its own generated default host.
 */
public record ConnectIdentity(Optional<String> hostnqn, Optional<String> hostid) {
    public ConnectIdentity {
        Objects.requireNonNull(hostnqn, "hostnqn");
        Objects.requireNonNull(hostid, "hostid");
    }

    /** No host identity: the kernel's default host. */
    public static ConnectIdentity none() {
        return new ConnectIdentity(Optional.empty(), Optional.empty());
    }
}
