package org.nvmexpress.discoverd.daemon;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerSettler;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon: builds its collaborators around one {@link EventLoop} and routes each event to the
 * one that handles it (the collaborator overview is in {@code package-info}). Runs on the thread
 * that calls {@link #run}: the start-up pass, then every event until SIGTERM/SIGINT, then
 * {@code STOPPING=1} and the adapters closed within {@link Shutdown#BUDGET}. Connections and units
 * outlive it.
 *
 * <p>Loop-confined apart from {@link #run}; events come in through the loop only.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Wiring wiring;
    private final EventLoop loop;
    private final List<Shutdown.Adapter> adapters;
    private final Shutdown shutdown;
    private final ControllerTracker tracker;
    private final Connections connections;
    private final UnitOutcomes unitOutcomes;
    private final Attempts attempts;
    private final DeviceEvents devices;
    private final Discovery discovery;
    private final FcDiscovery fc;
    private final MdnsDiscovery mdns;
    private final Passes passes;
    private final Audit audit;
    private final StatusReporter status;
    private final SnapshotPublisher snapshots;
    private final ControlCommands commands;
    private final LoopControl control;

    Daemon(Wiring wiring, DaemonInfo info, List<Shutdown.Adapter> adapters, Shutdown shutdown) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.loop = wiring.loop();
        this.adapters = List.copyOf(adapters);
        this.shutdown = Objects.requireNonNull(shutdown, "shutdown");
        RetryPolicy retry = new RetryPolicy(wiring.random());
        LiveView live = new LiveView(loop, wiring.identity());
        this.tracker = new ControllerTracker(loop);
        this.status = new StatusReporter(loop, wiring.notifier());
        this.connections = new Connections(loop, tracker, wiring.units(), retry, wiring.workers(), wiring.owners());
        this.unitOutcomes = new UnitOutcomes(loop, tracker, connections);
        this.attempts = new Attempts(loop, tracker, connections, live, wiring.workers(), wiring.owners(),
                wiring.exclusions());
        this.devices = new DeviceEvents(loop, tracker, live, connections, attempts, wiring.workers(), wiring.settler(),
                wiring.root(), wiring.identity(), wiring.survey());
        this.discovery = new Discovery(loop, tracker, connections, attempts, wiring.units(), wiring.workers(),
                wiring.logs(), retry);
        WallTime wall = new WallTime(loop, info.wall());
        ControlEvents events = new ControlEvents(loop, wall);
        tracker.listen(discovery);
        tracker.listen(events);
        discovery.announceTo(events);
        connections.giveUpWith(discovery);
        this.fc = new FcDiscovery(loop, wiring.workers(), wiring.kickstart(), discovery);
        this.mdns = new MdnsDiscovery(loop, wiring.workers(), wiring.browsers(), tracker, discovery);
        this.passes = new Passes(loop, wiring, tracker, connections, attempts, devices, live, status, retry, discovery, fc);
        this.audit = new Audit(loop, wiring, tracker, devices, attempts);
        StatusFacts facts = new StatusFacts(info, wall.nowMicros(), mdns::browsing);
        this.snapshots = new SnapshotPublisher(loop, () -> Snapshots.build(tracker.all(), facts.facts(), wall.converter()),
                Snapshots.build(List.of(), facts.facts(), wall.converter()));
        this.commands = new ControlCommands(loop, tracker, attempts, passes, snapshots, events, facts, wall);
        passes.onEnd((number, inputs, problem) -> {
            mdns.reconfigure(inputs.daemon()); // after the pass: the configured DCs' connections go first
            commands.passEnded(number, inputs, problem);
        });
        this.control = new LoopControl(loop, snapshots, events);
    }

    /**
     * The daemon of {@code ports} on {@code loop}, its blocking work on a small pool of workers;
     * {@code info} is what its status interface reports of it.
     */
    public static Daemon create(EventLoop loop, DaemonPorts ports, DaemonInfo info) {
        Workers workers = new WorkerPool(loop, WorkerPool.DEFAULT_THREADS, WorkerPool.DEFAULT_QUEUE);
        return new Daemon(wiring(loop, workers, ports), info, adapters(ports, workers),
                new Shutdown(Shutdown.Waiter.BOUNDED));
    }

    /** The loop's view of {@code ports}, its blocking work on {@code workers}. */
    static Wiring wiring(EventLoop loop, Workers workers, DaemonPorts ports) {
        ConnectionIdentityMatcher matcher = new ConnectionIdentityMatcher(ports.systemHostnqn());
        return new Wiring(loop, workers, ports.units(), ports.notifier(),
                new InputReader(ports.root(), ports.daemonFile(), ports.daemonFileExplicit(), ports.fabricsFile()),
                new HostSurvey(ports.root(), ports.sysfs(), ports.registry(), ports.exclusions(), ports.systemHostnqn()),
                OwnerStore.of(ports.registry()), ExclusionSource.of(ports.exclusions()),
                new ControllerSettler(ports.sysfs(), ports.sleeper()), ports.root(),
                new Identity(matcher), ports.resolver(), ports.discoveryLogs(), ports.fcKickstart(), ports.browsers(),
                ports.random());
    }

    /** What the shutdown closes: the ports' adapters in start order, then the workers. */
    static List<Shutdown.Adapter> adapters(DaemonPorts ports, Workers workers) {
        List<Shutdown.Adapter> adapters = new java.util.ArrayList<>();
        ports.adapters().forEach(a -> adapters.add(new Shutdown.Adapter(a.name(), a.adapter())));
        adapters.add(new Shutdown.Adapter("workers", workers));
        return adapters;
    }

    /**
     * {@code nvme-discoverd.conf} as the adapters are built with it, read by the main thread before
     * the loop runs (as the C daemon reads it before it opens anything, reference §1.2); its
     * {@code debug-level} applies from here on. Never fails: a bad line keeps its default.
     */
    public static DaemonConfig readDaemonConfig(Path root, Path daemonFile, boolean explicit, Path fabricsFile) {
        return new InputReader(root, daemonFile, explicit, fabricsFile).readDaemonConfig();
    }

    /**
     * Everything the first pass builds the desired set from, read and logged exactly as the daemon
     * does at start-up (a fabrics file with an error left out, the NBFTs when {@code nbft = true}):
     * for {@code --dry-run}, so it can never read the configuration differently. Blocking.
     */
    public static DaemonInputs readInputs(Path root, Path daemonFile, boolean explicit, Path fabricsFile) {
        InputReader reader = new InputReader(root, daemonFile, explicit, fabricsFile);
        return reader.readFirst(reader.readDaemonConfig());
    }

    /**
     * Runs the daemon on the calling thread until SIGTERM or SIGINT, then closes the adapters.
     *
     * @param daemon the daemon configuration the adapters were built with
     * @return the exit status: 0
     */
    public int run(DaemonConfig daemon) throws InterruptedException {
        loop.bindToCurrentThread();
        begin(daemon);
        loop.run(this::handle);
        closeAdapters();
        return 0;
    }

    /**
     * The status interface's view of the daemon: thread-safe, for the varlink server. Get it before
     * {@link #run}, which does not return while the daemon runs.
     */
    public DaemonControl control() {
        return control;
    }

    /** The start-up pass and the watchdog; loop only. */
    void begin(DaemonConfig daemon) {
        assert loop.inLoop();
        wiring.notifier().watchdogInterval().ifPresent(interval -> {
            LOG.info("systemd watchdog on: WATCHDOG=1 every {} ms", interval.toMillis());
            loop.schedule(interval, new Due.Watchdog());
        });
        passes.start(daemon);
        snapshots.changed();
    }

    /** Closes the adapters within the budget; the names of those that did not close in time. */
    List<String> closeAdapters() {
        return shutdown.closeAll(adapters, Shutdown.BUDGET);
    }

    /**
     * Routes one event; then the status line follows the counts, and the status interface's
     * snapshot the state (the timers that change nothing leave it alone, so they do not keep it busy).
     */
    void handle(LoopEvent event) {
        assert loop.inLoop();
        if (event instanceof LoopEvent.FromUnits units) {
            if (!audit.listed(units.event())) { // the audit's listing of our units is its own
                unitOutcomes.on(units.event());
            }
        } else if (event instanceof LoopEvent.FromBrowser browser) {
            mdns.on(browser.event());
        } else if (event instanceof LoopEvent.FromKernel kernel) {
            audit.noteKernel(kernel.event());
            kernel(kernel.event());
        } else if (event instanceof AuditDone done) {
            audit.on(done);
        } else if (event instanceof WorkDone done) {
            workDone(done);
        } else if (event instanceof Due due) {
            due(due);
        } else if (event instanceof LoopEvent.Reload) {
            passes.reload();
        } else if (event instanceof ControlRequest request) {
            commands.on(request);
        } else if (event instanceof LoopEvent.Stop stop) {
            stop(stop.signal());
            return;
        }
        status.update(statusOf(tracker, passes.unresolved()));
        if (!(event instanceof Due.Publish || event instanceof Due.Watchdog || event instanceof Due.Status)) {
            snapshots.changed();
        }
    }

    private void kernel(KernelEvent event) {
        if (event instanceof KernelEvent.DiscoveryLogChanged changed) {
            discovery.on(changed);
        } else if (event instanceof KernelEvent.FcDiscovery announced) {
            fc.announced(announced);
        } else {
            devices.on(event);
        }
    }

    private void workDone(WorkDone done) {
        if (done instanceof WorkDone.GateChecked checked) {
            attempts.checked(checked);
        } else if (done instanceof WorkDone.Settled settled) {
            devices.settled(settled);
        } else if (done instanceof WorkDone.Rescanned rescanned) {
            devices.rescanned(rescanned);
        } else if (done instanceof WorkDone.OwnerRecorded recorded) {
            connections.ownerRecorded(recorded);
        } else if (done instanceof WorkDone.NameResolved resolved) {
            passes.nameResolved(resolved);
        } else if (done instanceof WorkDone.InputsRead read) {
            passes.inputsRead(read);
        } else if (done instanceof WorkDone.Planned planned) {
            passes.planned(planned);
        } else if (done instanceof WorkDone.LogFetched fetched) {
            discovery.fetches.fetched(fetched);
        } else if (done instanceof WorkDone.Kickstarted kickstarted) {
            fc.kickstarted(kickstarted);
        } else if (done instanceof WorkDone.BrowserOpened opened) {
            mdns.opened(opened);
        } else if (done instanceof WorkDone.BrowserClosed closed) {
            mdns.closed(closed);
        }
    }

    private void due(Due due) {
        if (due instanceof Due.Attempt attempt) {
            attempts.due(attempt.unit());
        } else if (due instanceof Due.Resolve resolve) {
            passes.nameDue(resolve.hostName());
        } else if (due instanceof Due.Status) {
            status.onDue();
        } else if (due instanceof Due.Watchdog) {
            wiring.notifier().watchdog();
            wiring.notifier().watchdogInterval().ifPresent(interval -> loop.schedule(interval, new Due.Watchdog()));
        } else if (due instanceof Due.Survey) {
            passes.surveyDue();
        } else if (due instanceof Due.Audit) {
            audit.due();
            passes.auditDue();
        } else if (due instanceof Due.Fetch fetch) {
            discovery.fetches.due(fetch.unit());
        } else if (due instanceof Due.MdnsGiveUp giveUp) {
            mdns.retention.due(giveUp.unit());
        } else if (due instanceof Due.Kickstart) {
            fc.due();
        } else if (due instanceof Due.Publish) {
            snapshots.onDue();
        }
    }

    private void stop(String signal) {
        LOG.info("stopping on {}", signal); // connections and their units stay up: nothing is stopped
        wiring.notifier().stopping("Stopping on " + signal);
        mdns.stop();
        loop.close();
    }

    /** The status line: the tracker's counts and the connections waiting for a host name. */
    static StatusLine statusOf(ControllerTracker tracker, int unresolved) {
        Map<ControllerState, Integer> counts = new EnumMap<>(tracker.counts());
        counts.put(ControllerState.UNRESOLVED, unresolved);
        return new StatusLine(counts);
    }

    /** The snapshot publisher, for tests that count its work. */
    SnapshotPublisher snapshots() {
        return snapshots;
    }

    /** How many controllers are tracked in each state (states with none left out). */
    Map<ControllerState, Integer> counts() {
        assert loop.inLoop();
        return tracker.counts();
    }

    /** The {@code STATUS=} text for the counts now (what systemd has may lag by up to a second). */
    String statusText() {
        assert loop.inLoop();
        return statusOf(tracker, passes.unresolved()).text();
    }
}
