package org.nvmexpress.discoverd.dlp;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * What the controllers a discovery controller lists inherit from it (reference §5.5 step 3): the
 * host-side binding ({@code host-traddr}, {@code host-iface}, "the IOC is reached through the same
 * interface") and the host NQN. Each field is {@code null} when the DC's TID has none.
 */
public record DcContext(String hostTraddr, String hostIface, String hostnqn) {

    /** The inheritance of the DC whose TID is {@code dc}. */
    public static DcContext of(TransportId dc) {
        Objects.requireNonNull(dc, "dc");
        return new DcContext(dc.hostTraddr(), dc.hostIface(), dc.hostnqn());
    }
}
