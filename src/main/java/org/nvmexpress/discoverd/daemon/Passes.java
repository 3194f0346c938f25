package org.nvmexpress.discoverd.daemon;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.systemd.Logging;
import org.nvmexpress.discoverd.systemd.Notifier;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The daemon's passes over everything it wants, at start-up and on each reload (reference §1.2,
 * §1.5): read the configurations and the boot tables (off the loop), resolve the host names, build
 * the {@link DesiredSet}, survey the host and plan ({@link Reconciler}, off the loop too), then
 * carry the decisions out. {@code READY=1} follows once the first pass has <em>requested</em> its
 * units, not when systemd has finished them (ARCHITECTURE §11); a reload sends {@code RELOADING=1}
 * first and {@code READY=1} at its end. A reload never disconnects anything: a controller no longer
 * desired is no longer tracked, and its unit and connection stay. A SIGHUP while a pass runs is
 * held and served when it ends; a failed survey is tried again with backoff.
 *
 * <p>Between passes, a host name that resolves at last rebuilds the desired set, and its new
 * candidates go through the gate one by one ({@link Attempts}).
 *
 * <p>Loop-confined.
 */
final class Passes implements HostNames.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Passes.class);

    /**
     * Told, on the loop, when pass {@code number} (1: the start-up pass, then each reload) has been
     * carried out with {@code inputs}; {@code readProblem} says why none could be read (the last
     * ones were kept). The status interface's reload waits for it.
     */
    interface Ended {
        void passEnded(long number, DaemonInputs inputs, Optional<String> readProblem);
    }

    private final EventLoop loop;
    private final Wiring ports;
    private final RetryPolicy retry;
    private final ControllerTracker tracker;
    private final Connections connections;
    private final Attempts attempts;
    private final DeviceEvents devices;
    private final LiveView live;
    private final StatusReporter status;
    private final Discovery discovery;
    private final FcDiscovery fc;
    private final HostNames names;
    private final ControllerLog log = new ControllerLog(LOG);
    private DaemonInputs inputs;
    private DesiredSet desired = DesiredSet.EMPTY;
    private boolean ready;
    private boolean running;
    private boolean reloadHeld;
    private long pass;
    private int surveyFailures;
    /** Passes begun and carried out, counted from the start-up pass: which pass serves a reload request. */
    private long begun;
    private long ended;
    private Optional<String> readProblem = Optional.empty();
    private Ended endedListener = (number, read, problem) -> { };

    Passes(EventLoop loop, Wiring ports, ControllerTracker tracker, Connections connections, Attempts attempts,
            DeviceEvents devices, LiveView live, StatusReporter status, RetryPolicy retry, Discovery discovery,
            FcDiscovery fc) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.live = Objects.requireNonNull(live, "live");
        this.status = Objects.requireNonNull(status, "status");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.fc = Objects.requireNonNull(fc, "fc");
        this.names = new HostNames(loop, ports.workers(), ports.resolver(), retry, this);
    }

    /** Who hears of each pass's end; set once, when the daemon is built. */
    void onEnd(Ended value) {
        endedListener = Objects.requireNonNull(value, "value");
    }

    /** The start-up pass, with the daemon configuration the adapters were built with. */
    void start(DaemonConfig daemon) {
        assert loop.inLoop();
        running = true;
        begun++;
        ports.workers().submit("read the configuration", () -> ports.reader().readFirst(daemon),
                outcome -> new WorkDone.InputsRead(false, outcome));
    }

    /**
     * SIGHUP. Returns the number of the pass that serves it ({@link Ended}): this one, or, while a
     * pass runs, the one held to follow it.
     */
    long reload() {
        assert loop.inLoop();
        if (running) {
            reloadHeld = true;
            LOG.info("reload requested while a pass runs; it follows that pass");
            return begun + 1;
        }
        LOG.info("reloading the configuration (SIGHUP)");
        running = true;
        begun++;
        ports.notifier().reloading("Reloading configuration...");
        DaemonInputs lastGood = inputs;
        ports.workers().submit("re-read the configuration", () -> ports.reader()
                .read(ports.reader().readDaemonConfig(), lastGood.fabrics()), outcome -> new WorkDone.InputsRead(true, outcome));
        return begun;
    }

    void inputsRead(WorkDone.InputsRead result) {
        assert loop.inLoop();
        readProblem = Optional.empty();
        if (result.outcome() instanceof Outcome.Failure<DaemonInputs> failure) {
            readProblem = Optional.of("cannot read the configuration: " + failure.reason());
            LOG.error("cannot read the configuration: {}; {}", failure.reason(),
                    inputs == null ? "starting with none" : "keeping the last one");
            if (inputs == null) {
                inputs = new DaemonInputs(DaemonConfig.DEFAULTS, org.nvmexpress.discoverd.config.FabricsConfig.EMPTY,
                        DaemonInputs.NO_BOOT);
            }
        } else {
            inputs = ((Outcome.Success<DaemonInputs>) result.outcome()).value();
            Logging.setThreshold(inputs.daemon().debugLevel());
        }
        names.resolveAll(hostNames(inputs));
    }

    private static Set<String> hostNames(DaemonInputs inputs) {
        return inputs.fabrics().connections().stream().filter(ResolvedConnection::needsResolution)
                .map(ResolvedConnection::traddr).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public void firstAnswers() {
        desired = build();
        plan();
    }

    private DesiredSet build() {
        return DesiredSetBuilder.build(inputs.fabrics(), inputs.boot(), names.addresses(), names.errors());
    }

    /** Surveys and plans off the loop; the units tracked and busy now get no decision. */
    private void plan() {
        long thisPass = ++pass;
        DesiredSet planned = desired;
        Set<UnitName> busy = tracker.all().stream().filter(c -> !c.state().replannedOnReload())
                .map(TrackedController::unit).collect(Collectors.toSet());
        devices.surveyStarted();
        HostSurvey survey = ports.survey();
        ExclusionSource exclusions = ports.exclusions();
        ExclusionSource.Exclusions previous = attempts.exclusions();
        ports.workers().submit("survey and plan", () -> {
            ExclusionSource.Exclusions lists = exclusions.refresh(previous);
            HostSnapshot host = lists.snapshot().map(survey::read).orElseGet(survey::read);
            return new WorkDone.Plan(host, Reconciler.plan(planned, host, busy), lists);
        }, outcome -> new WorkDone.Planned(thisPass, outcome));
    }

    void planned(WorkDone.Planned result) {
        assert loop.inLoop();
        if (result.pass() != pass) {
            return;
        }
        if (result.outcome() instanceof Outcome.Failure<WorkDone.Plan> failure) {
            surveyFailures++;
            LOG.error("cannot survey the host: {}; trying again", failure.reason());
            loop.schedule(retry.delayAfter(surveyFailures), new Due.Survey());
            return;
        }
        surveyFailures = 0;
        WorkDone.Plan plan = ((Outcome.Success<WorkDone.Plan>) result.outcome()).value();
        live.replaceAll(plan.host().live(), devices.touched());
        attempts.passRead(plan.exclusions());
        discovery.rebase(desired, inputs);
        if (ready) {
            discovery.reviveGivenUp();
        }
        dropUndesired();
        for (Decision decision : plan.decisions()) {
            Connections.candidateOf(decision).flatMap(c -> tracker.get(c.unit()))
                    .filter(c -> !c.state().replannedOnReload())
                    .ifPresentOrElse(c -> LOG.debug("{} - busy since the plan; its decision is dropped", c),
                            () -> carryOutGuarded(decision));
        }
        finish();
    }

    /**
     * One decision that throws (a bug, never bad input: that is a Skip) is logged and left, so the
     * rest of the pass is carried out and READY=1 is still sent. Like the loop's own guard, the only
     * place besides it that catches everything.
     */
    private void carryOutGuarded(Decision decision) {
        try {
            connections.carryOut(decision);
        } catch (RuntimeException e) {
            LOG.error("{} - cannot carry out the decision {}; the pass goes on with the next",
                    Connections.candidateOf(decision).map(c -> c.tid().compact()).orElse("(no controller)"),
                    decision.getClass().getSimpleName(), e);
        }
    }

    /** The survey's retry is due. */
    void surveyDue() {
        assert loop.inLoop();
        plan();
    }

    /**
     * Controllers neither the new desired set nor discovery wants any more: not tracked any more;
     * their units stay.
     */
    private void dropUndesired() {
        for (TrackedController c : tracker.all()) {
            discovery.effective(c.unit()).ifPresentOrElse(c::replaceCandidate, () -> {
                log.log(Level.INFO, c, "no longer desired; its unit and connection stay as they are");
                tracker.forget(c);
            });
        }
    }

    private void finish() {
        running = false;
        if (!ready) {
            armAudit();
            fc.start(inputs.daemon());
        } else {
            fc.reconfigure(inputs.daemon());
        }
        int unresolved = desired.unresolved().size();
        status.update(Daemon.statusOf(tracker, unresolved));
        status.ready();
        LOG.info("{}: {}", ready ? "reloaded" : "ready", status.latest().text());
        ready = true;
        endedListener.passEnded(++ended, inputs, readProblem);
        if (reloadHeld) {
            reloadHeld = false;
            reload();
        }
    }

    /**
     * The periodic audit's timer ({@code audit-interval-minutes}, 10 by default; 0: off), re-armed
     * with the interval of the configuration in force. Besides the watchdog's, the one timer an idle
     * daemon has.
     */
    private void armAudit() {
        inputs.daemon().auditInterval().ifPresent(interval -> loop.schedule(interval, new Due.Audit()));
    }

    /** The audit is due ({@link Audit} carries it out): the next one is armed. */
    void auditDue() {
        assert loop.inLoop();
        armAudit();
    }

    /** A host name resolved at last: its controllers join the desired set and go through the gate. */
    @Override
    public void resolved(String hostName) {
        if (running) {
            return; // the pass under way builds with it
        }
        desired = build();
        discovery.rebase(desired, inputs);
        for (Candidate candidate : desired.inOrder()) {
            if (!tracker.contains(candidate.unit())) {
                attempts.attempt(connections.trackOrUpdate(candidate));
            }
        }
    }

    /** Configured connections waiting for their host name, for the status line. */
    int unresolved() {
        assert loop.inLoop();
        return desired.unresolved().size();
    }

    void nameResolved(WorkDone.NameResolved result) {
        names.resolved(result);
    }

    void nameDue(String hostName) {
        names.due(hostName);
    }
}
