package org.nvmexpress.discoverd.kernel.fabrics;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * One connect for {@link BuiltinConnector}: what {@code nvme connect} gets on its command line
 * (reference §3.4), with the secrets already added from the credentials.
 *
 * @param tid        the connection; must have a transport and a subsystem NQN (the kernel requires both)
 * @param identity   the host NQN and ID to connect with
 * @param parameters the tunables, key serials and secrets; no TID or identity options
 * @param owner      the registry owner to record ({@code --owner}); without one a stale entry is deleted
 * @param devidFile  where to record the controller's name ({@code --devid-file})
 * @param idempotent whether an existing matching controller counts as success ({@code --idempotent})
 */
public record ConnectRequest(TransportId tid, ConnectIdentity identity, FabricsOptions parameters,
        Optional<String> owner, Optional<Path> devidFile, boolean idempotent) {

    private static final Set<FabricsOption> CONNECTION_OPTIONS = EnumSet.range(FabricsOption.TRANSPORT,
            FabricsOption.HOST_IFACE);

    public ConnectRequest {
        Objects.requireNonNull(tid, "tid");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(devidFile, "devidFile");
        if (tid.transport() == null || tid.nqn() == null) {
            throw new IllegalArgumentException("a connect needs a transport and an nqn: " + tid.canonical());
        }
        for (FabricsOption option : parameters.values().keySet()) {
            if (CONNECTION_OPTIONS.contains(option)) {
                throw new IllegalArgumentException("parameters must not set " + option.token()
                        + ": it comes from the TID or the identity");
            }
        }
    }

    /** Whether the kernel may create a second controller for the same connection. */
    public boolean duplicateConnect() {
        return parameters.has(FabricsOption.DUPLICATE_CONNECT);
    }

    /**
     * Everything the kernel gets: the TID's fields (host NQN and ID from the identity, which already
     * accounts for the TID's own), then the parameters.
     */
    public FabricsOptions options() throws ConnectArgumentException {
        FabricsOptions.Builder b = parameters.toBuilder()
                .set(FabricsOption.TRANSPORT, tid.transport())
                .setIfPresent(FabricsOption.TRADDR, tid.traddr())
                .setIfPresent(FabricsOption.TRSVCID, tid.trsvcid())
                .set(FabricsOption.NQN, tid.nqn())
                .setIfPresent(FabricsOption.HOSTNQN, identity.hostnqn().orElse(null))
                .setIfPresent(FabricsOption.HOSTID, identity.hostid().orElse(null))
                .setIfPresent(FabricsOption.HOST_TRADDR, tid.hostTraddr())
                .setIfPresent(FabricsOption.HOST_IFACE, tid.hostIface());
        return b.build();
    }
}
