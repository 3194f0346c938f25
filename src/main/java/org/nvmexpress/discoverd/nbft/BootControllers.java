package org.nvmexpress.discoverd.nbft;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The controllers the firmware booted through, derived from parsed NBFTs as
 * {@code nvme connect-all --nbft} connects them, not as the C daemon does (reference §7.4, §15
 * item 27), with every descriptor that gives none and why.
 *
 * <p>I/O controllers: one per SSNS and each of its HFIs, the primary first. Skipped: an SSNS whose
 * NQN is the well-known discovery NQN (the firmware's record of a boot attempt that failed) and an
 * SSNS with a security profile (not supported). Discovery controllers: one per discovery
 * descriptor that no available SSNS links to (an SSNS linking to it means the firmware already
 * found its namespaces), without a security profile, whose URI ({@link NvmeUri}: IPv6 literals,
 * port 8009 by default) names a tcp controller by address; no NQN means the well-known one. A
 * discovery descriptor without an HFI never gets here: the parser drops it with a warning. For tcp
 * the HFI's address is the host-traddr, unless it is all zero (the firmware had none); the
 * interface with the HFI's MAC and VLAN is the host-iface.
 *
 * <p>Records that give the same TID with the same connect options (one SSNS per namespace of a
 * subsystem) collapse into the first; a TID seen again with other connect options is skipped as a
 * conflict, since one TID is one unit. So every TID, and every unit name, appears once.
 *
 * <p>Bounded whatever the tables hold: a record with a field no TID or connect option can carry
 * (an NQN over 223 bytes, a trsvcid over 32; a table whose host NQN is over 223 bytes gives
 * nothing) is skipped as {@link SkippedDescriptor.Kind#TOO_LONG}; past 4,096 controllers or 4,096
 * skipped descriptors, one {@link SkippedDescriptor.Kind#LIMIT} entry counts what was left out.
 *
 * @param controllers the controllers, in table order: per table the I/O controllers in SSNS and HFI
 *                    order, then the discovery controllers
 * @param skipped     the descriptors that give none, in the same order
 */
public record BootControllers(List<BootController> controllers, List<SkippedDescriptor> skipped) {
    /** The registry owner of every NBFT controller (reference §7.4: {@code --owner=nbft}). */
    public static final String OWNER = "nbft";

    /** The NQN every discovery controller answers to; in an SSNS it marks an unavailable namespace. */
    public static final String WELL_KNOWN_DISCOVERY_NQN = "nqn.2014-08.org.nvmexpress.discovery";

    public BootControllers {
        controllers = List.copyOf(controllers);
        skipped = List.copyOf(skipped);
        Set<TransportId> seen = new HashSet<>();
        for (BootController c : controllers) {
            if (!seen.add(c.tid())) {
                throw new IllegalArgumentException("TID appears twice (one TID is one unit): " + c.tid().canonical());
            }
        }
    }

    /**
     * The boot controllers of {@code tables}, in their order; duplicates collapse across tables too.
     *
     * @param interfaces where to look up the host interface of each HFI; read once per HFI
     */
    public static BootControllers derive(List<NbftTable> tables, HostInterfaces interfaces) {
        Objects.requireNonNull(interfaces, "interfaces");
        BootControllerDeriver deriver = new BootControllerDeriver(interfaces);
        tables.forEach(deriver::add);
        return deriver.result();
    }

    public boolean isEmpty() {
        return controllers.isEmpty();
    }
}
