package org.nvmexpress.discoverd.sim.fabric;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated fabric as its file describes it (docs/simulate.md): the target ports, the I/O
 * subsystems behind them, the discovery controllers and their log pages, the changes to those pages
 * over time, the controllers someone else connected before the daemon started, and the firmware's
 * boot path. Names given here ({@link Port#name()}, {@link DiscoveryController#name()}) are only
 * the file's references; the host sees addresses and NQNs.
 *
 * @param ports                the target ports, each with its reachability over time
 * @param subsystems           the I/O subsystems, each exposed on one or more ports (multipath)
 * @param discoveryControllers the discovery controllers, each on one port
 * @param changes              log page changes, in the order of their times
 * @param preconnected         controllers already connected at the start, by another orchestrator
 * @param boot                 the firmware's boot path (an NBFT), if the host booted from the fabric
 * @param announcements        DNS-SD announcements of discovery controllers, in the order of their starts
 * @param browserRestarts      the browsing service's restarts, in time order
 */
public record Fabric(List<Port> ports, List<Subsystem> subsystems, List<DiscoveryController> discoveryControllers,
        List<LogChange> changes, List<Preconnected> preconnected, Optional<BootPath> boot,
        List<Announcement> announcements, List<BrowserRestart> browserRestarts) {

    public Fabric {
        ports = List.copyOf(ports);
        subsystems = List.copyOf(subsystems);
        discoveryControllers = List.copyOf(discoveryControllers);
        changes = List.copyOf(changes);
        preconnected = List.copyOf(preconnected);
        Objects.requireNonNull(boot, "boot");
        announcements = List.copyOf(announcements);
        browserRestarts = List.copyOf(browserRestarts);
    }

    /** A fabric without mDNS: what every scenario before announcements builds. */
    public Fabric(List<Port> ports, List<Subsystem> subsystems, List<DiscoveryController> discoveryControllers,
            List<LogChange> changes, List<Preconnected> preconnected, Optional<BootPath> boot) {
        this(ports, subsystems, discoveryControllers, changes, preconnected, boot, List.of(), List.of());
    }

    public Optional<Port> port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<DiscoveryController> discoveryController(String name) {
        return discoveryControllers.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
