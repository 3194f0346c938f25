package org.nvmexpress.discoverd.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.daemon.Daemon;
import org.nvmexpress.discoverd.daemon.DaemonInfo;
import org.nvmexpress.discoverd.daemon.DaemonPorts;
import org.nvmexpress.discoverd.daemon.EventLoop;
import org.nvmexpress.discoverd.daemon.LoopEvent;
import org.nvmexpress.discoverd.daemon.SystemHostResolver;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.kernel.admin.DeviceDiscoveryLogs;
import org.nvmexpress.discoverd.kernel.fc.FcUdevKickstart;
import org.nvmexpress.discoverd.mdns.ServiceBrowsers;
import org.nvmexpress.discoverd.kernel.sysfs.HostNqnFile;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerReading;
import org.nvmexpress.discoverd.kernel.sysfs.Sysfs;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsException;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsReader;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.kernel.uevent.UeventMonitor;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.systemd.Notifier;
import org.nvmexpress.discoverd.systemd.UnitManagerSettings;
import org.nvmexpress.discoverd.varlink.VarlinkClient;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import org.nvmexpress.discoverd.varlink.VarlinkServer;
import org.nvmexpress.discoverd.varlink.VarlinkSocket;

/**
 * The whole daemon in the guest's JVM, wired as {@code DaemonMain} wires production, with one
 * exception: the guest has no systemd, so its units run as child processes
 * ({@link ChildProcessUnitManager}). The real {@link EventLoop} on CLOCK_BOOTTIME, the kernel-group
 * {@link UeventMonitor}, {@link SysfsReader}, {@link Registry}, {@link ExclusionLists},
 * {@link DeviceDiscoveryLogs} and the FC kickstart all under {@code root}, and the varlink server
 * on {@code <root>/run/nvme/discoverd/varlink}, which {@link #call} asks as a client would.
 * No sd_notify (nobody listens) and no signal handlers: {@link #close} posts the loop's Stop.
 */
final class GuestDaemon implements AutoCloseable {
    static final String INTERFACE = "org.nvmexpress.discoverd.";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final EventLoop loop;
    private final ChildProcessUnitManager units;
    private final VarlinkServer varlink;
    private final Path socket;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile int status = -1;

    private GuestDaemon(EventLoop loop, ChildProcessUnitManager units, VarlinkServer varlink, Path socket,
            Daemon daemon, DaemonConfig config) {
        this.loop = loop;
        this.units = units;
        this.varlink = varlink;
        this.socket = socket;
        this.thread = new Thread(() -> {
            try {
                status = daemon.run(config);
            } catch (InterruptedException e) {
                failure = e;
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }, "guest-daemon-loop");
    }

    /**
     * Starts the daemon on {@code root} with its two configuration files; its units' connector is
     * {@code launcher}, run with {@code childEnvironment} added, their output under {@code workDir}.
     */
    static GuestDaemon start(Path root, Path daemonFile, Path fabricsFile, String launcher, Path workDir,
            Map<String, String> childEnvironment) throws IOException {
        EventLoop loop = new EventLoop(PosixClock.boottime(), EventLoop.DEFAULT_CAPACITY);
        DaemonConfig config = Daemon.readDaemonConfig(root, daemonFile, true, fabricsFile);
        UnitManagerSettings settings = UnitManagerSettings.of(config, launcher, Map.of()).withRoot(root);
        ChildProcessUnitManager units = new ChildProcessUnitManager(settings, workDir, childEnvironment,
                event -> loop.post(new LoopEvent.FromUnits(event)));
        List<DaemonPorts.Closing> adapters = new ArrayList<>();
        adapters.add(new DaemonPorts.Closing("unit manager", units));
        UeventMonitor monitor = UeventMonitor.open(UeventMonitor.Options.of(config.ueventSource()),
                event -> loop.post(new LoopEvent.FromKernel(event)));
        adapters.add(new DaemonPorts.Closing("uevent monitor", monitor));
        DaemonPorts ports = new DaemonPorts(root, daemonFile, true, fabricsFile, units, Notifier.none(),
                sysfs(root), new Registry(root), new ExclusionLists(root), new SystemHostResolver(),
                HostNqnFile.read(root), DeviceDiscoveryLogs.of(root), new FcUdevKickstart(root), ServiceBrowsers.NONE, Sleeper.THREAD,
                RandomGenerator.of("L64X128MixRandom"), adapters);
        Daemon daemon = Daemon.create(loop, ports, new DaemonInfo("guest", settings.connector().configName(),
                InstantSource.system()));
        Path socket = VarlinkSocket.under(root);
        VarlinkServer varlink = VarlinkServer.start(socket, daemon.control());
        GuestDaemon guest = new GuestDaemon(loop, units, varlink, socket, daemon, config);
        guest.thread.start();
        return guest;
    }

    /**
     * The daemon's sysfs reader; with {@code -Ddiscoverd.guest.debug-level=debug} every controller
     * reading is also printed on the console (what the daemon saw when it matched a new device).
     */
    private static Sysfs sysfs(Path root) {
        SysfsReader reader = new SysfsReader(root);
        if (!"debug".equals(System.getProperty("discoverd.guest.debug-level"))) {
            return reader;
        }
        return new Sysfs() {
            @Override
            public List<DeviceName> controllers() throws SysfsException {
                return reader.controllers();
            }

            @Override
            public ControllerReading controller(DeviceName device) {
                ControllerReading reading = reader.controller(device);
                System.err.println("guest-daemon sysfs: " + device + " " + reading);
                return reading;
            }

            @Override
            public long ueventSeqnum() throws SysfsException {
                return reader.ueventSeqnum();
            }
        };
    }

    ChildProcessUnitManager units() {
        return units;
    }

    /** One varlink call on a connection of its own, as {@code nvme-discoverctl} makes them. */
    JsonNode call(String method, JsonNode parameters) throws VarlinkError, IOException {
        try (VarlinkClient client = VarlinkClient.connect(socket)) {
            return client.call(INTERFACE + method, parameters);
        }
    }

    /** {@code ListControllers} without filters. */
    List<JsonNode> controllers() throws VarlinkError, IOException {
        List<JsonNode> list = new ArrayList<>();
        call("ListControllers", JsonNodeFactory.instance.objectNode()).path("controllers").forEach(list::add);
        return list;
    }

    /** {@code GetController(unit)}. */
    JsonNode controller(String unit) throws VarlinkError, IOException {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("unit", unit);
        return call("GetController", parameters).path("controller");
    }

    /** Whether the loop thread is still running (it ends only on Stop, or by failing). */
    boolean running() {
        return thread.isAlive();
    }

    /**
     * Stops the daemon as SIGTERM does (connections stay up), waits for its loop and then for its
     * units' children, and closes the varlink socket.
     *
     * @return the exit status, or a description of why there is none
     */
    String stop() throws InterruptedException, IOException {
        loop.post(new LoopEvent.Stop("SIGTERM"));
        thread.join(STOP_TIMEOUT.toMillis());
        varlink.close();
        boolean idle = units.awaitIdle(STOP_TIMEOUT);
        if (thread.isAlive()) {
            return "(still running)";
        }
        if (failure != null) {
            return "threw " + failure;
        }
        return idle ? String.valueOf(status) : status + " (children still running)";
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
