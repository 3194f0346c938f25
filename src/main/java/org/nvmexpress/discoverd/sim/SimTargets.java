package org.nvmexpress.discoverd.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.nvmexpress.discoverd.sim.fabric.DiscoveryController;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.sim.fabric.Subsystem;

/**
 * The target side of the fabric: which port answers at an address, what is behind it, and whether
 * it answers now. Tells a listener each time a port goes down or comes back, at the times its
 * {@link org.nvmexpress.discoverd.sim.fabric.Reachability} says. Every lookup is by key: a host of
 * 10,000 controllers connects without scanning the fabric.
 */
final class SimTargets {
    private final Fabric fabric;
    private final SimScheduler time;
    private final Map<String, Port> byAddress = new HashMap<>();
    private final Map<String, DiscoveryController> dcByPort = new HashMap<>();
    private final Set<String> links = new HashSet<>();

    SimTargets(Fabric fabric, SimScheduler time) {
        this.fabric = fabric;
        this.time = time;
        for (Port port : fabric.ports()) {
            byAddress.put(address(port.transport(), port.traddr(), port.trsvcid()), port);
        }
        for (Subsystem subsystem : fabric.subsystems()) {
            for (String port : subsystem.ports()) {
                links.add(subsystem.nqn() + "@" + port);
            }
        }
        for (DiscoveryController dc : fabric.discoveryControllers()) {
            dcByPort.put(dc.nqn() + "@" + dc.port(), dc);
        }
    }

    Fabric fabric() {
        return fabric;
    }

    Optional<Port> port(String transport, String traddr, String trsvcid) {
        return Optional.ofNullable(byAddress.get(address(transport, traddr, trsvcid)));
    }

    /** The discovery controller of {@code nqn} on {@code port}, if that is one. */
    Optional<DiscoveryController> discoveryController(String nqn, Port port) {
        return Optional.ofNullable(dcByPort.get(nqn + "@" + port.name()));
    }

    /** Whether the I/O subsystem {@code nqn} is linked to {@code port}. */
    boolean linked(String nqn, Port port) {
        return links.contains(nqn + "@" + port.name());
    }

    boolean reachable(Port port) {
        return port.reachability().reachableAt(time.elapsed());
    }

    /**
     * From now on, tells {@code listener} (port, reachable) at every change of a port's reachability,
     * including those already due at the start.
     */
    void watch(BiConsumer<Port, Boolean> listener) {
        for (Port port : fabric.ports()) {
            if (!reachable(port)) {
                listener.accept(port, false);
            }
            scheduleNextEdge(port, listener);
        }
    }

    private void scheduleNextEdge(Port port, BiConsumer<Port, Boolean> listener) {
        Duration now = time.elapsed();
        port.reachability().nextChangeAfter(now).ifPresent(edge -> time.after(edge.minus(now), () -> {
            listener.accept(port, reachable(port));
            scheduleNextEdge(port, listener);
        }));
    }

    /** The ports of {@code names}, for a subsystem's paths. */
    List<Port> ports(List<String> names) {
        return names.stream().map(n -> fabric.port(n).orElseThrow()).toList();
    }

    private static String address(String transport, String traddr, String trsvcid) {
        return transport + " " + traddr + " " + trsvcid;
    }
}
