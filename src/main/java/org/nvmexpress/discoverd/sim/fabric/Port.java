package org.nvmexpress.discoverd.sim.fabric;

import java.util.Objects;

/**
 * A target port: the address at which the host reaches the controllers of the subsystems linked to
 * it.
 *
 * @param name         the file's name for it, unique
 * @param transport    {@code tcp} or {@code rdma}
 * @param traddr       the address, e.g. {@code 192.168.100.10}
 * @param trsvcid      the service, e.g. {@code 4420}
 * @param reachability when the host can reach it, and how fast it answers
 */
public record Port(String name, String transport, String traddr, String trsvcid, Reachability reachability) {
    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(traddr, "traddr");
        Objects.requireNonNull(trsvcid, "trsvcid");
        Objects.requireNonNull(reachability, "reachability");
    }
}
