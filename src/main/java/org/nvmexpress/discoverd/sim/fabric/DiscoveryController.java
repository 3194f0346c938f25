package org.nvmexpress.discoverd.sim.fabric;

import java.util.List;
import java.util.Objects;

/**
 * A discovery controller: a discovery subsystem on one port, and its log page at the start.
 *
 * @param name the file's name for it, unique; referrals and changes use it
 * @param nqn  its NQN: the well-known {@code nqn.2014-08.org.nvmexpress.discovery} or a unique one
 * @param port the name of its port
 * @param log  the log page's entries, in page order
 */
public record DiscoveryController(String name, String nqn, String port, List<LogEntry> log) {
    public DiscoveryController {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nqn, "nqn");
        Objects.requireNonNull(port, "port");
        log = List.copyOf(log);
    }
}
