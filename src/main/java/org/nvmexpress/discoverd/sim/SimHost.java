package org.nvmexpress.discoverd.sim;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.nvmexpress.discoverd.config.Zeroconf;
import org.nvmexpress.discoverd.daemon.DaemonPorts;
import org.nvmexpress.discoverd.daemon.HostResolver;
import org.nvmexpress.discoverd.daemon.LoopEvent;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.kernel.fc.FcKickstart;
import org.nvmexpress.discoverd.mdns.ServiceBrowsers;
import org.nvmexpress.discoverd.kernel.sysfs.HostNqnFile;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsReader;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryException;
import org.nvmexpress.discoverd.sim.fabric.BootPath;
import org.nvmexpress.discoverd.sim.fabric.BootTable;
import org.nvmexpress.discoverd.sim.fabric.DiscoveryController;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.FabricFile;
import org.nvmexpress.discoverd.sim.fabric.LogChange;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.sim.fabric.Preconnected;
import org.nvmexpress.discoverd.systemd.Notifier;

/**
 * A simulated host built from a simulation directory (docs/simulate.md): its root (a copy of the
 * directory's {@code etc/}, the runtime directories, the NBFT of the boot path), the fabric of
 * {@code fabric.json} with its schedule, the kernel and systemd. {@link #ports} gives a daemon the
 * same ports production builds, pointed at this host: the daemon under test is the real one.
 *
 * <p>One lock guards the whole host; every scheduled step takes it, and so does every call from a
 * daemon's threads.
 */
public final class SimHost {
    /** The fabric's description in a simulation directory. */
    public static final String FABRIC_FILE = "fabric.json";
    /** Where the boot path's table goes, under the root: where the kernel shows ACPI tables. */
    static final String NBFT_FILE = "sys/firmware/acpi/tables/NBFT1";

    private final Object lock = new Object();
    private final Path root;
    private final SimScheduler time;
    private final Fabric fabric;
    private final SimTargets targets;
    private final SimKernel kernel;
    private final SimLogPages logPages;
    private final SimSystemd systemd;
    private final SimMdns mdns;

    private SimHost(Path root, SimScheduler unlocked, Fabric fabric) {
        this.root = root;
        this.time = new SimScheduler() {
            @Override
            public long nowNanos() {
                return unlocked.nowNanos();
            }

            @Override
            public void after(Duration delay, Runnable task) {
                unlocked.after(delay, () -> {
                    synchronized (lock) {
                        task.run();
                    }
                });
            }
        };
        this.fabric = fabric;
        this.targets = new SimTargets(fabric, time);
        this.kernel = new SimKernel(lock, time, targets, new SimSysfs(root));
        this.logPages = new SimLogPages(lock, targets, kernel);
        this.systemd = new SimSystemd(lock, time, targets, kernel, root);
        this.mdns = new SimMdns(lock, time, fabric);
    }

    /**
     * Builds the host of simulation directory {@code dir} under {@code root} (empty or new) and
     * starts its schedule on {@code time}.
     *
     * @throws IOException when the directory or its fabric file cannot be read (the message names the
     *                     file and each problem), or the root cannot be written
     */
    public static SimHost open(Path dir, Path root, SimScheduler time) throws IOException {
        return create(FabricFile.read(dir.resolve(FABRIC_FILE)), dir.resolve("etc"), root, time);
    }

    /**
     * Builds the host of {@code fabric} under {@code root} (empty or new), its configuration a copy
     * of {@code etc} (when it exists), and starts its schedule on {@code time}.
     */
    public static SimHost create(Fabric fabric, Path etc, Path root, SimScheduler time) throws IOException {
        copyTree(etc, root.resolve("etc"));
        for (String d : List.of("run/nvme/discoverd/units", "run/nvme/discoverd/controllers", "run/nvme/registry",
                "sys/class/nvme", "dev")) {
            Files.createDirectories(root.resolve(d));
        }
        SimHost host = new SimHost(root, Objects.requireNonNull(time, "time"), fabric);
        synchronized (host.lock) {
            host.boot();
        }
        return host;
    }

    /** What the firmware, the initramfs and other orchestrators did before the daemon starts. */
    private void boot() throws IOException {
        String hostnqn = HostNqnFile.read(root).orElse("");
        Path hostidFile = root.resolve("etc/nvme/hostid");
        String hostid = Files.exists(hostidFile) ? Files.readString(hostidFile).strip() : "";
        Registry registry = new Registry(root);
        if (fabric.boot().isPresent()) {
            BootPath boot = fabric.boot().get();
            SimSysfs.write(root.resolve(NBFT_FILE), null);
            Files.write(root.resolve(NBFT_FILE), BootTable.encode(fabric, boot, hostnqn, hostid));
            // nvme-cli's NBFT connect pins the path to the HFI's address (host_traddr), and the
            // boot TID carries it: without it the daemon cannot recognise the boot connection.
            kernel.connectDirectly(port(boot.port()), boot.subsystem(), false, hostnqn, hostid,
                    Optional.of(boot.hostIp()));
        }
        for (Preconnected p : fabric.preconnected()) {
            Optional<DiscoveryController> dc = fabric.discoveryController(p.subsystem());
            SimController c = kernel.connectDirectly(port(p.port()), dc.map(DiscoveryController::nqn)
                    .orElse(p.subsystem()), dc.isPresent(), hostnqn, hostid, Optional.empty());
            if (p.owner().isPresent()) {
                try {
                    registry.create(c.device, p.owner().get());
                } catch (RegistryException e) {
                    throw new IOException("cannot write the registry entry of " + c.device.value() + ": "
                            + e.getMessage(), e);
                }
            }
        }
        for (LogChange change : fabric.changes()) {
            time.after(change.at(), () -> logPages.apply(change));
        }
        targets.watch(kernel::reachabilityChanged);
        mdns.schedule();
    }

    /**
     * The ports of a daemon on this host, its adapters posting to {@code loop}: the simulated systemd
     * and kernel behind the real sysfs reader, registry, exclusion lists and configuration files.
     */
    public DaemonPorts ports(Consumer<LoopEvent> loop) throws IOException {
        SimUnitClient units = systemd.client(event -> loop.accept(new LoopEvent.FromUnits(event)));
        AutoCloseable uevents = kernel.attach(event -> loop.accept(new LoopEvent.FromKernel(event)));
        HostResolver resolver = name -> {
            throw new UnknownHostException(name + ": the simulated fabric has addresses only");
        };
        // A killed daemon closes only its adapters, so the browsers it opened are one of them: a dead
        // process's D-Bus connection goes with it.
        List<SimServiceBrowser> opened = new CopyOnWriteArrayList<>();
        ServiceBrowsers browsers = mode -> {
            if (mode == Zeroconf.NO) {
                return Optional.empty();
            }
            SimServiceBrowser browser = new SimServiceBrowser(mdns);
            opened.add(browser);
            return Optional.of(browser);
        };
        AutoCloseable closeBrowsers = () -> opened.forEach(SimServiceBrowser::close);
        return new DaemonPorts(root, root.resolve("etc/nvme/nvme-discoverd.conf"), false,
                root.resolve("etc/nvme/nvme-fabrics.conf"), units, Notifier.none(), new SysfsReader(root),
                new Registry(root), new ExclusionLists(root), resolver, HostNqnFile.read(root), logPages,
                () -> FcKickstart.Outcome.NO_FC, browsers, duration -> { }, new SplittableRandom(1),
                List.of(new DaemonPorts.Closing("uevent monitor", uevents), new DaemonPorts.Closing("unit manager", units),
                        new DaemonPorts.Closing("service browsers", closeBrowsers)));
    }

    public Path root() {
        return root;
    }

    public Fabric fabric() {
        return fabric;
    }

    public SimKernel kernel() {
        return kernel;
    }

    public SimSystemd systemd() {
        return systemd;
    }

    /** A DNS-SD browser of this host's announcements, not started: what the daemon's {@code zeroconf} opens. */
    public SimServiceBrowser browser() {
        return new SimServiceBrowser(mdns);
    }

    /**
     * How many discovery log page reads the daemon made: scenarios bound the work a referral loop
     * or a storm of notices costs.
     */
    public long logPageReads() {
        return logPages.reads();
    }

    private Port port(String name) {
        return fabric.port(name).orElseThrow();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
