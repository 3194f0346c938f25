package org.nvmexpress.discoverd.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.sim.fabric.Announcement;
import org.nvmexpress.discoverd.sim.fabric.BootPath;
import org.nvmexpress.discoverd.sim.fabric.BrowserRestart;
import org.nvmexpress.discoverd.sim.fabric.DiscoveryController;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.LogChange;
import org.nvmexpress.discoverd.sim.fabric.LogEntry;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.sim.fabric.Preconnected;
import org.nvmexpress.discoverd.sim.fabric.Reachability;
import org.nvmexpress.discoverd.sim.fabric.Subsystem;

/**
 * A fabric for a scenario, written in the order one would draw it: ports, what is behind them, the
 * DCs and their pages. The records stay the model; this only spares each scenario the empty lists
 * and {@code Optional}s.
 */
final class FabricBuilder {
    private final List<Port> ports = new ArrayList<>();
    private final List<Subsystem> subsystems = new ArrayList<>();
    private final List<DiscoveryController> dcs = new ArrayList<>();
    private final List<LogChange> changes = new ArrayList<>();
    private final List<Preconnected> preconnected = new ArrayList<>();
    private Optional<BootPath> boot = Optional.empty();
    private final List<Announcement> announcements = new ArrayList<>();
    private final List<BrowserRestart> restarts = new ArrayList<>();

    FabricBuilder port(String name, String traddr, String trsvcid) {
        return port(name, traddr, trsvcid, Reachability.ALWAYS);
    }

    FabricBuilder port(String name, String traddr, String trsvcid, Reachability reachability) {
        ports.add(new Port(name, "tcp", traddr, trsvcid, reachability));
        return this;
    }

    FabricBuilder subsystem(String nqn, String... portNames) {
        subsystems.add(new Subsystem(nqn, List.of(portNames)));
        return this;
    }

    FabricBuilder dc(String name, String nqn, String port, LogEntry... log) {
        dcs.add(new DiscoveryController(name, nqn, port, List.of(log)));
        return this;
    }

    FabricBuilder change(Duration at, String dc, LogEntry... log) {
        changes.add(new LogChange(at, dc, List.of(log)));
        return this;
    }

    FabricBuilder preconnected(String subsystem, String port, String owner) {
        preconnected.add(new Preconnected(subsystem, port, Optional.ofNullable(owner)));
        return this;
    }

    FabricBuilder boot(String subsystem, String port, String hostIp) {
        boot = Optional.of(new BootPath(subsystem, port, hostIp));
        return this;
    }

    /**
     * The DC {@code dc} (added before) announced on {@code iface} from {@code from} until
     * {@code until} (null: for ever), with the default TXT record of a tcp DC: {@code p=tcp} and its NQN.
     */
    FabricBuilder announce(String dc, String iface, String instance, Duration from, Duration until) {
        String nqn = dcs.stream().filter(d -> d.name().equals(dc)).findFirst().orElseThrow().nqn();
        return announce(dc, iface, instance, from, until, Announcement.defaultTxt("tcp", nqn));
    }

    FabricBuilder announce(String dc, String iface, String instance, Duration from, Duration until,
            Map<String, String> txt) {
        announcements.add(new Announcement(dc, iface, instance, from, Optional.ofNullable(until), txt));
        return this;
    }

    /** avahi-daemon away from {@code at} to {@code back}. */
    FabricBuilder browserRestart(Duration at, Duration back) {
        restarts.add(new BrowserRestart(at, back));
        return this;
    }

    Fabric build() {
        List<Announcement> byStart = new ArrayList<>(announcements);
        byStart.sort(Comparator.comparing(Announcement::from));
        return new Fabric(ports, subsystems, dcs, changes, preconnected, boot, byStart, restarts);
    }

    static LogEntry ioc(String subsystem, String port) {
        return new LogEntry.Ioc(subsystem, port);
    }

    static LogEntry referral(String dc) {
        return new LogEntry.Referral(dc);
    }

    /** The DC's own entry with EPCSD set: the daemon holds its connection, so change notices arrive. */
    static LogEntry self() {
        return new LogEntry.Self(true);
    }

    static Reachability downBetween(Duration from, Duration until) {
        return new Reachability(List.of(new Reachability.Window(from, until)), Optional.empty(), Duration.ZERO);
    }

    static Reachability flapping(Duration from, Duration up, Duration down) {
        return new Reachability(List.of(), Optional.of(new Reachability.Flapping(from, up, down)), Duration.ZERO);
    }

    static Reachability slow(Duration connectDelay) {
        return new Reachability(List.of(), Optional.empty(), connectDelay);
    }
}
