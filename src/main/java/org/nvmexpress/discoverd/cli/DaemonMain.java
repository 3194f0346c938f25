package org.nvmexpress.discoverd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.daemon.HostResolver;
import org.nvmexpress.discoverd.daemon.SystemHostResolver;
import org.nvmexpress.discoverd.kernel.Clock;
import org.nvmexpress.discoverd.kernel.PosixClock;
import org.nvmexpress.discoverd.systemd.Logging;
import org.nvmexpress.discoverd.systemd.Notifier;
import org.nvmexpress.discoverd.systemd.SdNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverd}: the daemon's entry point, started by {@code nvme-discoverd.service}.
 *
 * <p>What this build does, and no more: reads {@code nvme-discoverd.conf} and the fabrics
 * configuration and logs what they configure, then runs as a well-behaved systemd service
 * ({@link ServiceLoop}: {@code READY=1} with a status line, reload on SIGHUP keeping the last good
 * configuration, {@code STOPPING=1} and exit 0 on SIGTERM/SIGINT, watchdog pings). It connects
 * nothing yet: the event loop and the connection machinery come with later issues, and the status
 * line counts every configured connection as waiting.
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
        Path daemonFile = config != null ? config : fabrics.root.resolve(DAEMON_CONFIG_PATH);
        ServiceConfigLoader loader = new ServiceConfigLoader(daemonFile, config != null, fabrics.fabricsFile());
        if (dryRun) {
            return new DryRun(fabrics.root.directory(), loader, resolver).run(spec.commandLine().getOut());
        }
        // CLOCK_MONOTONIC for both: MONOTONIC_USEC= must be systemd's clock, and systemd's watchdog
        // timer does not run while the host is suspended either, so the ping schedule follows it.
        Clock clock = PosixClock.monotonic();
        LOG.info("nvme-discoverd {} starting (pid {})", VersionProvider.version(), ProcessHandle.current().pid());
        // Handlers first: a SIGHUP during the first load is queued and handled once ready.
        ServiceEvents events = new SignalEvents().install();
        ServiceConfig initial = loader.load();
        try (Notifier notifier = SdNotifier.fromEnvironment(System.getenv(), ProcessHandle.current().pid(), clock)) {
            return new ServiceLoop(events, notifier, clock, loader, initial).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while waiting for events; exiting");
            return Commands.EXIT_FAILURE;
        }
    }
}
