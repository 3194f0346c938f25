package org.nvmexpress.discoverd.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalLong;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.daemon.Daemon;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.daemon.DaemonInfo;
import org.nvmexpress.discoverd.daemon.LoopEvent;
import org.nvmexpress.discoverd.daemon.SteppedDaemon;
import org.nvmexpress.discoverd.sim.fabric.Fabric;

/**
 * A simulated host and the real daemon on it, in virtual time, on the caller's thread: what the
 * end-to-end scenarios drive. {@link #advance} lets time pass, running everything the daemon and the
 * host have to do at each moment in between; nothing happens between calls. The daemon can be
 * killed and started again on the same host, as systemd would restart it.
 */
public final class Simulation {
    /** CLOCK_REALTIME at virtual time zero: the wall clock the status interface shows follows the virtual one. */
    public static final Instant WALL_ZERO = Instant.parse("2026-03-01T12:00:00Z");
    /** Where idle loops stop: far more steps than any scenario takes between two moments. */
    private static final int MAX_STEPS_PER_MOMENT = 10_000_000;

    private final VirtualTime time;
    private final SimHost host;
    private SteppedDaemon daemon;

    private Simulation(VirtualTime time, SimHost host) {
        this.time = time;
        this.host = host;
    }

    /** The host of simulation directory {@code dir} under {@code root}, without a daemon yet. */
    public static Simulation open(Path dir, Path root) throws IOException {
        VirtualTime time = new VirtualTime();
        return new Simulation(time, SimHost.open(dir, root, time));
    }

    /** The host of {@code fabric} with the configuration in {@code etc}, under {@code root}. */
    public static Simulation of(Fabric fabric, Path etc, Path root) throws IOException {
        VirtualTime time = new VirtualTime();
        return new Simulation(time, SimHost.create(fabric, etc, root, time));
    }

    public SimHost host() {
        return host;
    }

    /** Starts a daemon (a new process, as far as the host can tell) and runs it until it is idle. */
    public Simulation startDaemon() throws IOException {
        if (daemon != null && !daemon.stopped()) {
            throw new IllegalStateException("a daemon already runs on this host");
        }
        Path root = host.root();
        daemon = SteppedDaemon.create(time, host::ports, new DaemonInfo("simulated", "builtin", wall()));
        DaemonConfig config = Daemon.readDaemonConfig(root, root.resolve("etc/nvme/nvme-discoverd.conf"), false,
                root.resolve("etc/nvme/nvme-fabrics.conf"));
        daemon.begin(config);
        runUntilIdle();
        return this;
    }

    /** SIGKILL: the daemon is gone at once; units, controllers and files stay as they are. */
    public void killDaemon() {
        daemon().kill();
    }

    /** SIGTERM: the daemon stops cleanly. */
    public void stopDaemon() {
        daemon().stop();
    }

    /** SIGHUP. */
    public void reload() {
        daemon().post(new LoopEvent.Reload());
        runUntilIdle();
    }

    /** The status interface of the running daemon, as its varlink server gets it. */
    public DaemonControl control() {
        return daemon().control();
    }

    public Duration elapsed() {
        return time.elapsed();
    }

    /** Lets {@code duration} of virtual time pass, doing at each moment what is due then. */
    public void advance(Duration duration) {
        long target = time.nowNanos() + duration.toNanos();
        runUntilIdle();
        while (true) {
            OptionalLong next = nextDeadline();
            if (next.isEmpty() || next.getAsLong() > target) {
                break;
            }
            time.advanceTo(next.getAsLong());
            runUntilIdle();
        }
        time.advanceTo(target);
        runUntilIdle();
    }

    /** Runs what is due now, on both sides, until neither has anything left. */
    public void runUntilIdle() {
        for (int steps = 0; steps < MAX_STEPS_PER_MOMENT; steps++) {
            int ran = time.runDue() + (daemon == null || daemon.stopped() ? 0 : daemon.runPending());
            if (ran == 0) {
                return;
            }
        }
        throw new IllegalStateException("the simulation does not settle at " + time.elapsed());
    }

    private OptionalLong nextDeadline() {
        OptionalLong host = time.nextDeadlineNanos();
        OptionalLong loop = daemon == null || daemon.stopped() ? OptionalLong.empty() : daemon.nextDeadlineNanos();
        if (host.isEmpty()) {
            return loop;
        }
        return loop.isEmpty() ? host : OptionalLong.of(Math.min(host.getAsLong(), loop.getAsLong()));
    }

    private SteppedDaemon daemon() {
        if (daemon == null) {
            throw new IllegalStateException("no daemon was started");
        }
        return daemon;
    }

    private InstantSource wall() {
        return () -> WALL_ZERO.plusNanos(time.nowNanos());
    }
}
