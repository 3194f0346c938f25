package org.nvmexpress.discoverd.systemd;

import java.util.Objects;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * What the daemon asks for when it wants a controller connected: everything a connection unit is
 * built from.
 *
 * @param tid     the controller; its canonical form names the unit (reference §3.1)
 * @param role    DC or IOC: only the unit's {@code Description} differs (§3.4)
 * @param nbft    true when the TID comes from the firmware boot table at the time of the request:
 *                the connector records {@code owner=nbft} instead of {@code owner=discoverd} (§10)
 * @param options the connector's options from the fabrics configuration (TID fields, tunables,
 *                secrets kept apart)
 */
public record UnitRequest(TransportId tid, Role role, boolean nbft, ConnectOptions options) {
    /** The registry owner the connector writes for units of the daemon. */
    public static final String OWNER_DISCOVERD = "discoverd";
    /** The registry owner for NBFT (boot) connections. */
    public static final String OWNER_NBFT = "nbft";

    public UnitRequest {
        Objects.requireNonNull(tid, "tid");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(options, "options");
    }

    public UnitName unit() {
        return tid.unitName();
    }

    /** The registry owner the connector records: {@code nbft} or {@code discoverd}. */
    public String owner() {
        return nbft ? OWNER_NBFT : OWNER_DISCOVERD;
    }

    /**
     * The unit's description (§3.3): {@code NVMe Discovery Controller} or {@code NVMe I/O Controller},
     * then {@code <nqn> @ <traddr>:<trsvcid>}, with {@code (null)} and {@code none} for missing parts as
     * the C daemon prints them, so {@code systemctl list-units} reads the same under both daemons.
     */
    public String description() {
        String kind = role == Role.DC ? "NVMe Discovery Controller" : "NVMe I/O Controller";
        return kind + " " + orNull(tid.nqn()) + " @ " + orNull(tid.traddr()) + ":"
                + (tid.trsvcid() == null ? "none" : tid.trsvcid());
    }

    private static String orNull(String value) {
        return value == null ? "(null)" : value;
    }
}
