package org.nvmexpress.discoverd.config;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.NumericAddress;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * One configured connection after the cascade (reference §8.6): a {@code controller =} line with
 * its section's NQN, its file's persona and its fully resolved parameters.
 *
 * @param file         the file the line is in
 * @param line         the line of the {@code controller =} entry
 * @param role         DC for a {@code [Discovery Controller]}, IOC for a {@code [Subsystem]}
 * @param transport    as written
 * @param traddr       as written: numeric, or a host name the daemon resolves before connecting
 * @param trsvcid      as written, or {@code null} (the role's default applies)
 * @param nqn          the subsystem NQN (the well-known discovery NQN for a DC without one)
 * @param hostTraddr   as written, or {@code null}
 * @param hostIface    as written, or {@code null}
 * @param hostnqn      the file's persona host NQN, or {@code null} for the system default
 * @param hostid       the file's persona host ID, or {@code null}; passed on connect, never part of
 *                     the TID, so unit names stay the C daemon's (reference §15 item 26)
 * @param hostsymname  the persona's symbolic name, or {@code null}
 * @param params       the connection's parameters, in emission order
 * @param dlpDcParams  for a DC: defaults for the DCs it refers to (its file's scope, never its own
 *                     overrides); {@link Params#EMPTY} for an IOC
 * @param dlpIocParams for a DC: defaults for the IOCs it lists; {@link Params#EMPTY} for an IOC
 */
public record ResolvedConnection(String file, int line, Role role, String transport, String traddr, String trsvcid,
        String nqn, String hostTraddr, String hostIface, String hostnqn, String hostid, String hostsymname,
        Params params, Params dlpDcParams, Params dlpIocParams) {

    /** The NQN a discovery controller has when its section names none. */
    public static final String WELL_KNOWN_DISCOVERY_NQN = "nqn.2014-08.org.nvmexpress.discovery";

    public ResolvedConnection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(traddr, "traddr");
        Objects.requireNonNull(nqn, "nqn");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(dlpDcParams, "dlpDcParams");
        Objects.requireNonNull(dlpIocParams, "dlpIocParams");
    }

    /** {@code FILE:LINE} of the controller line. */
    public String source() {
        return file + ":" + line;
    }

    /** True while {@code traddr} is a host name that must be resolved before a TID exists. */
    public boolean needsResolution() {
        return isIpTransport() && NumericAddress.parse(traddr).isEmpty();
    }

    /**
     * The TID the daemon manages this connection under: the addressing, the role's default service
     * id, the NQN and the persona's host NQN (never its host ID). Empty while {@code traddr} is a host
     * name.
     *
     * @throws InvalidTransportIdException when an address is invalid for the transport (for example
     *                                     a malformed FC address or a host name in host-traddr)
     */
    public Optional<TransportId> tid() {
        return needsResolution() ? Optional.empty() : Optional.of(tidWithTraddr(traddr));
    }

    /** The TID with {@code traddr} replaced by the address a host name resolved to. */
    public TransportId tidWithTraddr(String address) {
        return TransportId.builder().transport(transport).traddr(address).trsvcid(trsvcid).nqn(nqn)
                .hostTraddr(hostTraddr).hostIface(hostIface).hostnqn(hostnqn).build().withDefaultTrsvcid(role);
    }

    /** The DC connection policy ({@code persistent}); AUTO when unset or reset. */
    public Persistence persistence() {
        return params.persistence();
    }

    private boolean isIpTransport() {
        return "tcp".equals(transport) || "rdma".equals(transport);
    }
}
