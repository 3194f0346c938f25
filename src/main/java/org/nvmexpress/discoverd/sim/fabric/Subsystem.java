package org.nvmexpress.discoverd.sim.fabric;

import java.util.List;
import java.util.Objects;

/**
 * An I/O subsystem and the ports it is linked to: one controller per port, so two ports are two
 * paths (multipath).
 *
 * @param nqn   its NQN
 * @param ports the names of its ports
 */
public record Subsystem(String nqn, List<String> ports) {
    public Subsystem {
        Objects.requireNonNull(nqn, "nqn");
        ports = List.copyOf(ports);
    }
}
