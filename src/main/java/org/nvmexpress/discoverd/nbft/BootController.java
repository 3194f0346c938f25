package org.nvmexpress.discoverd.nbft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * One controller the firmware booted through, to be connected as {@code nvme connect-all --nbft}
 * would (reference §7.4): its TID and the connect options that are not part of it.
 *
 * <p>The TID carries transport, traddr, trsvcid, nqn and host-traddr only, the fields the C daemon
 * puts into an NBFT TID, so the unit name is the C daemon's wherever it would have connected the
 * same controller. Host NQN, host ID and host interface are connect options: they say how to
 * connect, not which controller (reference §12.4 would otherwise derive a host ID into the TID and
 * change the unit name).
 *
 * @param role      discovery controller (from a discovery descriptor) or I/O controller (from an SSNS)
 * @param tid       the controller; without host-iface, hostnqn and hostid
 * @param hostnqn   the table's host NQN, to connect with
 * @param hostid    the table's host ID as UUID text, when it has one
 * @param hostIface the network interface of the HFI, when one on this host has its MAC and VLAN
 * @param table     the table file as the user named it
 * @param source    the table's file name, the descriptor and its HFI: {@code NBFT SSNS 1 via HFI 1}
 */
public record BootController(Role role, TransportId tid, String hostnqn, Optional<String> hostid,
        Optional<String> hostIface, String table, String source) {
    public BootController {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tid, "tid");
        Objects.requireNonNull(hostnqn, "hostnqn");
        Objects.requireNonNull(hostid, "hostid");
        Objects.requireNonNull(hostIface, "hostIface");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(source, "source");
        if (tid.hostIface() != null || tid.hostnqn() != null || tid.hostid() != null) {
            throw new IllegalArgumentException("host-iface, hostnqn and hostid are connect options, not TID fields: "
                    + tid.canonical());
        }
    }

    /** The systemd unit that manages this controller: the hash of the TID alone. */
    public UnitName unitName() {
        return tid.unitName();
    }

    /** Who connects it, for the registry: always {@value BootControllers#OWNER}. */
    public String owner() {
        return BootControllers.OWNER;
    }

    /** The connect options beyond the TID, in {@code nvme connect}'s spelling: hostnqn, hostid, host-iface. */
    public List<String> connectOptions() {
        List<String> options = new ArrayList<>();
        options.add("--hostnqn=" + hostnqn);
        hostid.ifPresent(id -> options.add("--hostid=" + id));
        hostIface.ifPresent(iface -> options.add("--host-iface=" + iface));
        return List.copyOf(options);
    }

    /** Whether {@code other} would connect with the same host identity and interface. */
    boolean sameConnectOptions(BootController other) {
        return hostnqn.equals(other.hostnqn) && hostid.equals(other.hostid) && hostIface.equals(other.hostIface);
    }
}
