package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.daemon.Daemon;
import org.nvmexpress.discoverd.daemon.DaemonInfo;
import org.nvmexpress.discoverd.daemon.DaemonPorts;
import org.nvmexpress.discoverd.daemon.EventLoop;
import org.nvmexpress.discoverd.daemon.LoopEvent;
import org.nvmexpress.discoverd.kernel.PosixClock;
import org.nvmexpress.discoverd.sim.RealTime;
import org.nvmexpress.discoverd.sim.SimHost;
import org.nvmexpress.discoverd.varlink.VarlinkServer;
import org.nvmexpress.discoverd.varlink.VarlinkSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nvme-discoverd --simulate DIR}: the daemon as production wires it (its loop on this thread,
 * its workers, its varlink server) on a simulated host in real time, under a new temporary root. It
 * says where the root is and how to query it, runs until SIGTERM, SIGINT or {@code --exit-after},
 * then prints the controllers table as {@code nvme-discoverctl controllers} shows it.
 */
final class SimulatedHost {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedHost.class);

    private final Path directory;
    private final Optional<Duration> exitAfter;

    SimulatedHost(Path directory, Optional<Duration> exitAfter) {
        this.directory = directory;
        this.exitAfter = exitAfter;
    }

    int run(PrintWriter out) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("nvme-discoverd-sim-");
        Path socket = VarlinkSocket.under(root);
        EventLoop loop = new EventLoop(PosixClock.boottime(), EventLoop.DEFAULT_CAPACITY);
        new SignalEvents(loop::post).install();
        try (RealTime time = new RealTime()) {
            SimHost host = SimHost.open(directory, root, time);
            DaemonPorts ports = host.ports(loop::post);
            Daemon daemon = Daemon.create(loop, ports,
                    new DaemonInfo(VersionProvider.version(), "builtin", InstantSource.system()));
            try (VarlinkServer varlink = VarlinkServer.start(socket, daemon.control())) {
                out.println("Simulated host of " + directory + " under " + root + " (its /etc, /run, /sys, /dev).");
                out.println("Query it from another terminal: nvme-discoverctl status --socket " + socket);
                out.println(exitAfter.map(d -> "Runs for " + TimeText.span(d) + ", then lists its controllers.")
                        .orElse("Runs until Ctrl-C, then lists its controllers."));
                out.flush();
                exitAfter.ifPresent(d -> time.after(d, () -> loop.post(new LoopEvent.Stop("--exit-after"))));
                DaemonConfig config = Daemon.readDaemonConfig(root, ports.daemonFile(), false, ports.fabricsFile());
                daemon.run(config);
                out.println();
                out.flush();
                return Commands.create(new DiscoverctlMain()).setOut(out)
                        .execute("controllers", "--socket", socket.toString());
            }
        } finally {
            LOG.info("the simulated host's files stay under {}", root);
        }
    }
}
