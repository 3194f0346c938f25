package org.nvmexpress.discoverd.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsDevice;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOption;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOptions;
import org.nvmexpress.discoverd.kernel.fabrics.KernelOptionTable;
import org.nvmexpress.discoverd.kernel.sysfs.LiveControllerLookup;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The simulated NVMe-oF kernel: {@code /dev/nvme-fabrics} ({@link #connect}), the controllers it
 * made (written to sysfs by {@link SimSysfs}) and the uevents about them. Behaves as the real one
 * where the daemon can tell:
 * <ul>
 * <li>a new controller takes the lowest free instance number;</li>
 * <li>a second connect of the same connection fails with EALREADY unless {@code duplicate_connect};</li>
 * <li>a connect to an address no port listens on is refused, one to a port that does not answer
 * times out, one to a subsystem not linked to the port fails;</li>
 * <li>when a port stops answering, its controllers go {@code connecting}; the kernel reconnects every
 * {@code reconnect_delay} seconds and, after {@code ctrl_loss_tmo}, deletes the controller: its
 * sysfs directory goes and a {@code remove} uevent follows; one that is live again sends
 * {@code NVME_EVENT=rediscover}.</li>
 * </ul>
 * Uevents go to every attached sink (a daemon's monitor); {@link #loseEvents} makes the next ones
 * vanish, as a full netlink buffer does, and then reports the overflow.
 *
 * <p>Guarded by the host's lock: every entry point from a daemon thread takes it.
 */
public final class SimKernel implements FabricsDevice, LiveControllerLookup {
    /** The kernel's defaults (drivers/nvme/host/fabrics.h). */
    static final int DEFAULT_CTRL_LOSS_TMO = 600;
    static final int DEFAULT_RECONNECT_DELAY = 10;

    private final Object lock;
    private final SimScheduler time;
    private final SimTargets targets;
    private final SimSysfs sysfs;
    private final Map<Integer, SimController> byInstance = new TreeMap<>();
    /** By transport, address, service, subsystem and host NQN: the pinned and the unpinned alike. */
    private final Map<String, List<SimController>> byIdentity = new HashMap<>();
    private final BitSet instances = new BitSet();
    private final List<Consumer<KernelEvent>> sinks = new CopyOnWriteArrayList<>();
    private long seqnum = 1000;
    private int toLose;
    private long connects;

    SimKernel(Object lock, SimScheduler time, SimTargets targets, SimSysfs sysfs) {
        this.lock = lock;
        this.time = time;
        this.targets = targets;
        this.sysfs = sysfs;
        sysfs.seqnum(seqnum);
    }

    @Override
    public KernelOptionTable probe() {
        return KernelOptionTable.unknown();
    }

    @Override
    public String connect(FabricsOptions options) throws ErrnoException {
        Map<FabricsOption, String> o = options.values();
        synchronized (lock) {
            String transport = o.get(FabricsOption.TRANSPORT);
            String nqn = o.get(FabricsOption.NQN);
            String trsvcid = o.getOrDefault(FabricsOption.TRSVCID, defaultPort(transport, nqn));
            Port port = targets.port(transport, o.get(FabricsOption.TRADDR), trsvcid)
                    .orElseThrow(() -> new ErrnoException("connect", Errno.ECONNREFUSED));
            if (!targets.reachable(port)) {
                throw new ErrnoException("connect", Errno.ETIMEDOUT);
            }
            boolean discovery = targets.discoveryController(nqn, port).isPresent();
            if (!discovery && !targets.linked(nqn, port)) {
                throw new ErrnoException("connect", Errno.EIO); // the target rejects the Connect command
            }
            String hostnqn = o.getOrDefault(FabricsOption.HOSTNQN, "");
            String key = key(transport, port.traddr(), port.trsvcid(), nqn, hostnqn);
            SimController.Pin pin = new SimController.Pin(Optional.ofNullable(o.get(FabricsOption.HOST_TRADDR)),
                    Optional.ofNullable(o.get(FabricsOption.HOST_IFACE)));
            // The kernel's nvmf_ip_options_match: a pinned and an unpinned connection are two.
            if (sameConnection(key, pin).isPresent() && !options.has(FabricsOption.DUPLICATE_CONNECT)) {
                throw new ErrnoException("connect", Errno.EALREADY);
            }
            SimController c = create(port, nqn, discovery, hostnqn, o.getOrDefault(FabricsOption.HOSTID, ""),
                    pin,
                    intOption(o, FabricsOption.CTRL_LOSS_TMO, DEFAULT_CTRL_LOSS_TMO),
                    intOption(o, FabricsOption.RECONNECT_DELAY, DEFAULT_RECONNECT_DELAY), key);
            connects++;
            return "instance=" + c.instance + ",cntlid=" + (c.instance + 1) + "\n";
        }
    }

    @Override
    public Optional<DeviceName> find(TransportId tid, ConnectIdentity identity) {
        String hostnqn = tid.hostnqn() != null ? tid.hostnqn() : identity.hostnqn().orElse("");
        synchronized (lock) {
            String trsvcid = tid.trsvcid() != null ? tid.trsvcid() : defaultPort(tid.transport(), tid.nqn());
            return byIdentity.getOrDefault(key(tid.transport(), tid.traddr(), trsvcid, tid.nqn(), hostnqn), List.of())
                    .stream().filter(c -> c.pin.satisfies(tid))
                    .findFirst().map(x -> x.device);
        }
    }

    /** {@code nvme disconnect -d}: the controller goes, and its {@code remove} uevent. */
    public boolean disconnect(DeviceName device) {
        synchronized (lock) {
            Optional<SimController> c = controller(device);
            c.ifPresent(this::delete);
            return c.isPresent();
        }
    }

    /**
     * A controller made behind the daemon's back (the initramfs, another orchestrator): no unit.
     * {@code hostTraddr} pins it to a source address, as the initramfs's NBFT connect does with the
     * host interface's address.
     */
    SimController connectDirectly(Port port, String nqn, boolean discovery, String hostnqn, String hostid,
            Optional<String> hostTraddr) {
        return create(port, nqn, discovery, hostnqn, hostid, new SimController.Pin(hostTraddr, Optional.empty()),
                DEFAULT_CTRL_LOSS_TMO,
                DEFAULT_RECONNECT_DELAY, key(port.transport(), port.traddr(), port.trsvcid(), nqn, hostnqn));
    }

    /** Sends the kernel's uevents to {@code sink} until the returned handle is closed. */
    public AutoCloseable attach(Consumer<KernelEvent> sink) {
        sinks.add(sink);
        return () -> sinks.remove(sink);
    }

    /** The next {@code count} uevents are lost (a netlink buffer overflow); then the overflow is reported. */
    public void loseEvents(int count) {
        synchronized (lock) {
            toLose = count;
        }
    }

    /** A discovery log page change notice from {@code c} ({@code NVME_AEN=0x70f002}). */
    void raiseLogChanged(SimController c) {
        if (c.live()) {
            send(new KernelEvent.DiscoveryLogChanged(c.device, KernelEvent.Trigger.LOG_PAGE_CHANGED_NOTICE, ++seqnum));
        }
    }

    Optional<SimController> controller(DeviceName device) {
        if (!device.value().startsWith("nvme")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(byInstance.get(Integer.parseInt(device.value().substring(4))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // not a controller name: nvme0n1 and the like
        }
    }

    /** Every controller, by instance number. */
    public List<SimController> controllers() {
        synchronized (lock) {
            return new ArrayList<>(byInstance.values());
        }
    }

    Collection<SimController> controllersOn(Port port) {
        return byInstance.values().stream().filter(c -> c.port.equals(port)).toList();
    }

    /** How many connects the kernel took (each made a controller). */
    public long connects() {
        synchronized (lock) {
            return connects;
        }
    }

    /** The port {@code port} stopped answering, or answers again. */
    void reachabilityChanged(Port port, boolean reachable) {
        for (SimController c : controllersOn(port)) {
            if (!reachable && c.live()) {
                c.state = "connecting";
                c.outages++;
                sysfs.state(c);
                long outage = c.outages;
                if (c.ctrlLossTmo >= 0) {
                    time.after(Duration.ofSeconds(c.ctrlLossTmo), () -> {
                        if (byInstance.get(c.instance) == c && !c.live() && c.outages == outage) {
                            delete(c);
                        }
                    });
                }
            } else if (reachable && !c.live()) {
                long outage = c.outages;
                time.after(Duration.ofSeconds(c.reconnectDelay), () -> {
                    if (byInstance.get(c.instance) == c && c.outages == outage && targets.reachable(c.port)) {
                        c.state = "live";
                        sysfs.state(c);
                        // nvme_start_ctrl on a reconnect: NVME_EVENT=rediscover, so that a page that
                        // changed while the DC was away is read again (its AEN was never sent).
                        send(new KernelEvent.DiscoveryLogChanged(c.device, KernelEvent.Trigger.REDISCOVER, ++seqnum));
                    }
                });
            }
        }
    }

    private SimController create(Port port, String nqn, boolean discovery, String hostnqn, String hostid,
            SimController.Pin pin, int ctrlLossTmo, int reconnectDelay, String key) {
        int instance = instances.nextClearBit(0);
        instances.set(instance);
        SimController c = new SimController(instance, port, nqn, discovery, hostnqn, hostid, pin, ctrlLossTmo,
                reconnectDelay, key);
        byInstance.put(instance, c);
        byIdentity.computeIfAbsent(key, k -> new ArrayList<>(1)).add(c);
        sysfs.create(c);
        send(new KernelEvent.ControllerAdded(c.device, ++seqnum));
        return c;
    }

    private void delete(SimController c) {
        byInstance.remove(c.instance);
        instances.clear(c.instance);
        List<SimController> same = byIdentity.get(c.identityKey);
        same.remove(c);
        if (same.isEmpty()) {
            byIdentity.remove(c.identityKey);
        }
        sysfs.delete(c);
        send(new KernelEvent.ControllerRemoved(c.device, ++seqnum));
    }

    private void send(KernelEvent event) {
        sysfs.seqnum(seqnum);
        if (toLose > 0) {
            if (--toLose == 0) {
                sinks.forEach(s -> s.accept(new KernelEvent.EventsLost(1)));
            }
            return;
        }
        sinks.forEach(s -> s.accept(event));
    }

    private String defaultPort(String transport, String nqn) {
        boolean discovery = nqn == null || targets.fabric().discoveryControllers().stream().anyMatch(d -> d.nqn().equals(nqn));
        return "tcp".equals(transport) && discovery ? "8009" : "4420";
    }

    private static int intOption(Map<FabricsOption, String> options, FabricsOption option, int fallback) {
        String value = options.get(option);
        return value == null ? fallback : Integer.parseInt(value.strip());
    }

    private Optional<SimController> sameConnection(String key, SimController.Pin pin) {
        return byIdentity.getOrDefault(key, List.of()).stream().filter(c -> c.pin.equals(pin)).findFirst();
    }

    private static String key(String transport, String traddr, String trsvcid, String nqn, String hostnqn) {
        return transport + " " + traddr + " " + trsvcid + " " + nqn + " " + hostnqn;
    }
}
