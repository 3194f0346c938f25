package org.nvmexpress.discoverd.sim.fabric;

import java.util.Objects;
import java.util.Optional;

/**
 * A controller already connected when the simulation starts, by someone else (nvme-stas, an
 * administrator's {@code nvme connect}).
 *
 * @param subsystem the NQN of an I/O subsystem, or a discovery controller's name
 * @param port      the name of the port
 * @param owner     the registry owner it was connected with; empty when it has no registry entry
 */
public record Preconnected(String subsystem, String port, Optional<String> owner) {
    public Preconnected {
        Objects.requireNonNull(subsystem, "subsystem");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(owner, "owner");
    }
}
