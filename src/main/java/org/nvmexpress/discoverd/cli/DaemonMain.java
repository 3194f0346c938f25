package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.daemon.Daemon;
import org.nvmexpress.discoverd.daemon.DaemonInfo;
import org.nvmexpress.discoverd.daemon.DaemonPorts;
import org.nvmexpress.discoverd.daemon.EventLoop;
import org.nvmexpress.discoverd.daemon.HostResolver;
import org.nvmexpress.discoverd.daemon.LoopEvent;
import org.nvmexpress.discoverd.daemon.SystemHostResolver;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.kernel.PosixClock;
import org.nvmexpress.discoverd.kernel.Sleeper;
import org.nvmexpress.discoverd.kernel.admin.DeviceDiscoveryLogs;
import org.nvmexpress.discoverd.kernel.fc.FcUdevKickstart;
import org.nvmexpress.discoverd.kernel.sysfs.HostNqnFile;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsReader;
import org.nvmexpress.discoverd.kernel.uevent.NetlinkException;
import org.nvmexpress.discoverd.kernel.uevent.UeventMonitor;
import org.nvmexpress.discoverd.sim.fabric.FabricDurations;
import org.nvmexpress.discoverd.varlink.VarlinkServer;
import org.nvmexpress.discoverd.varlink.VarlinkSocket;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.systemd.Logging;
import org.nvmexpress.discoverd.systemd.Notifier;
import org.nvmexpress.discoverd.systemd.SdNotifier;
import org.nvmexpress.discoverd.systemd.SystemdUnitManager;
import org.nvmexpress.discoverd.systemd.UnitManagerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverd}: the daemon's entry point, started by {@code nvme-discoverd.service}. It
 * only wires: the adapters on the host (the unit manager on the system bus, the uevent monitor of
 * the configured {@code uevent-source}, sysfs, the registry and the exclusion lists under
 * {@code --root}, sd_notify, the signal handlers, CLOCK_BOOTTIME, the system's resolver) around one
 * {@link EventLoop}, then runs the {@link Daemon} on this thread until SIGTERM or SIGINT.
 * {@code --dry-run} instead prints what the first reconciliation would decide ({@link DryRun}).
 */
@Command(name = "nvme-discoverd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keep this host's desired NVMe over Fabrics controllers connected. Runs until SIGTERM or"
                + " SIGINT; SIGHUP re-reads the configuration. Started by nvme-discoverd.service.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:clean shutdown", "1:the daemon failed", "2:usage error or bad input"})
public final class DaemonMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonMain.class);

    /** The daemon configuration's path on a host; {@code --root} prefixes it. */
    static final String DAEMON_CONFIG_PATH = "/etc/nvme/nvme-discoverd.conf";
    /** The built-in connector's launcher as installed (README "Install and run as a service"). */
    static final String DISCOVERCTL_PATH = "/usr/bin/nvme-discoverctl";

    @Mixin
    private FabricsOptions fabrics;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Read this daemon configuration instead of /etc/nvme/nvme-discoverd.conf under the root."
                    + " A missing file means every default, as for the default path.")
    private Path config;

    @Option(names = "--dry-run",
            description = "Print, one JSON object per line, every decision the first reconciliation would make"
                    + " (start, adopt or skip each controller, with the connector's command line), then exit"
                    + " without changing anything.")
    private boolean dryRun;

    @Option(names = "--simulate", paramLabel = "DIR",
            description = "Run on a simulated host instead of this one: the fabric of DIR/fabric.json and the"
                    + " configuration of DIR/etc/nvme (docs/simulate.md), under a new temporary root, in the"
                    + " foreground; then print the controllers table.")
    private Path simulate;

    @Option(names = "--exit-after", paramLabel = "SPAN", converter = SpanConverter.class,
            description = "With --simulate: stop after SPAN (a systemd time span: 30s, 2min, 1h).")
    private Duration exitAfter;

    @Spec
    private CommandSpec spec;

    /** Resolves configured host names; DNS in production, a table in tests. */
    private final HostResolver resolver;

    public DaemonMain() {
        this(new SystemHostResolver());
    }

    DaemonMain(HostResolver resolver) {
        this.resolver = resolver;
    }

    public static void main(String[] args) {
        int status = Commands.create(new DaemonMain()).execute(args);
        Logging.stop();
        System.exit(status);
    }

    @Override
    public Integer call() {
        Path root = fabrics.root.directory().toAbsolutePath();
        Path daemonFile = config != null ? config : fabrics.root.resolve(DAEMON_CONFIG_PATH);
        if (exitAfter != null && simulate == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--exit-after needs --simulate");
        }
        if (simulate != null) {
            return simulate();
        }
        if (dryRun) {
            return new DryRun(root, daemonFile, config != null, fabrics.fabricsFile(), resolver)
                    .run(spec.commandLine().getOut());
        }
        long pid = ProcessHandle.current().pid();
        LOG.info("nvme-discoverd {} starting (pid {})", VersionProvider.version(), pid);
        EventLoop loop = new EventLoop(PosixClock.boottime(), EventLoop.DEFAULT_CAPACITY);
        // Handlers first: a signal during start-up waits in the loop's inbox until the loop runs.
        new SignalEvents(loop::post).install();
        DaemonConfig daemonConfig = Daemon.readDaemonConfig(root, daemonFile, config != null, fabrics.fabricsFile());
        Map<String, String> env = System.getenv();
        List<DaemonPorts.Closing> adapters = new ArrayList<>();
        UnitManagerSettings unitSettings = UnitManagerSettings.of(daemonConfig, DISCOVERCTL_PATH, env).withRoot(root);
        SystemdUnitManager units = SystemdUnitManager.onSystemBus(unitSettings,
                event -> loop.post(new LoopEvent.FromUnits(event)));
        adapters.add(new DaemonPorts.Closing("unit manager", units));
        openUevents(daemonConfig, loop).ifPresent(m -> adapters.add(new DaemonPorts.Closing("uevent monitor", m)));
        // CLOCK_MONOTONIC for sd_notify: MONOTONIC_USEC= is systemd's clock; the timers count CLOCK_BOOTTIME.
        try (Notifier notifier = SdNotifier.fromEnvironment(env, pid, PosixClock.monotonic())) {
            DaemonPorts ports = new DaemonPorts(root, daemonFile, config != null, fabrics.fabricsFile(), units, notifier,
                    new SysfsReader(root), new Registry(root), new ExclusionLists(root), resolver,
                    hostnqn(root), DeviceDiscoveryLogs.of(root), new FcUdevKickstart(root),
                    new SystemServiceBrowsers(unitSettings.busAddress()), Sleeper.THREAD,
                    RandomGenerator.of("L64X128MixRandom"), adapters);
            DaemonInfo info = new DaemonInfo(VersionProvider.version(), units.connector().configName(),
                    InstantSource.system());
            Daemon daemon = Daemon.create(loop, ports, info);
            Optional<VarlinkServer> varlink = openVarlink(root, daemon);
            try {
                return daemon.run(daemonConfig);
            } finally {
                varlink.ifPresent(DaemonMain::closeVarlink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while waiting for events; exiting");
            return Commands.EXIT_FAILURE;
        }
    }

    private int simulate() {
        try {
            return new SimulatedHost(simulate, Optional.ofNullable(exitAfter)).run(spec.commandLine().getOut());
        } catch (IOException e) {
            spec.commandLine().getErr().println("nvme-discoverd: " + e.getMessage());
            return Commands.EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Commands.EXIT_FAILURE;
        }
    }

    /** A systemd time span for picocli. */
    static final class SpanConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return FabricDurations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a time span: "
                        + e.getMessage());
            }
        }
    }

    /**
     * The status socket. Without it the daemon still connects; only its questions go unanswered, so
     * a failure is said once, as an error, rather than refusing to run.
     */
    private static Optional<VarlinkServer> openVarlink(Path root, Daemon daemon) {
        Path socket = VarlinkSocket.under(root);
        try {
            return Optional.of(VarlinkServer.start(socket, daemon.control()));
        } catch (IOException e) {
            LOG.error("cannot serve varlink on {}: {}; nvme-discoverctl status and friends will not reach the daemon",
                    socket, e.getMessage());
            return Optional.empty();
        }
    }

    private static void closeVarlink(VarlinkServer varlink) {
        try {
            varlink.close();
        } catch (IOException e) {
            LOG.warn("closing the varlink socket: {}", e.getMessage());
        }
    }

    /**
     * The uevent monitor of {@code uevent-source}. Without one the daemon still connects, but learns
     * of removals only at the next reload: said once, as an error, rather than refusing to run.
     */
    private static Optional<UeventMonitor> openUevents(DaemonConfig config, EventLoop loop) {
        try {
            return Optional.of(UeventMonitor.open(UeventMonitor.Options.of(config.ueventSource()),
                    event -> loop.post(new LoopEvent.FromKernel(event))));
        } catch (NetlinkException e) {
            LOG.error("cannot watch uevents on the {} group: {}; controllers that drop are not reconnected until"
                    + " a reload", config.ueventSource().configName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code /etc/nvme/hostnqn} under the root; unreadable counts as none, with a warning. */
    private static Optional<String> hostnqn(Path root) {
        try {
            return HostNqnFile.read(root);
        } catch (IOException e) {
            LOG.warn("{}; comparing connections as if the host had no default host NQN", e.getMessage());
            return Optional.empty();
        }
    }
}
