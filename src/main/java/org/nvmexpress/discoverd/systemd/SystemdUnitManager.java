package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UnitManager} on systemd (reference §3): builds each connection unit, makes the calls on
 * one {@link CallRunner} thread, and reports back through the poster.
 *
 * <ul>
 * <li><b>Bounded:</b> at most {@code maxPending} start/restart jobs are outstanding; the rest wait in
 * order ({@link JobSlots}). A slot is held from the call until the job's {@code JobRemoved}, or the
 * call's failure, which is reported ({@link UnitEvent.CallFailed}) for the caller to retry.
 * <li><b>Matched:</b> a job's result is found by its object path ({@link JobTracker}), also when
 * {@code JobRemoved} comes before the reply with the path.
 * <li><b>Reset</b> before every start and restart ({@link UnitCalls}).
 * <li><b>Bus loss survived</b> ({@link BusRecovery}): calls wait, the bus is reconnected with
 * backoff and re-subscribed, then the state of every unit with an outstanding job is asked for and
 * reported, since its {@code JobRemoved} may have been lost. Nothing is stopped because the bus went.
 * </ul>
 *
 * <p><b>Threading:</b> public methods from any thread; calls on the runner's thread; signals on the
 * bus's threads. The tracker, the slots and the bus state are guarded by {@code lock}, never held
 * during a call.
 */
public final class SystemdUnitManager implements UnitManager {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdUnitManager.class);
    /** Early {@code JobRemoved} signals kept at most; there are at most {@code maxPending} awaited. */
    private static final int EARLY_SIGNALS = 1024;

    private enum Kind { START, RESTART }

    /** A start or restart, ready to send. */
    private record Work(Kind kind, UnitName unit, List<UnitProperty> properties) {
    }

    private final SystemdBus bus;
    private final UnitCalls calls;
    private final ConnectCommands commands;
    private final TransientUnitProperties properties;
    private final CallRunner runner;
    private final Consumer<UnitEvent> poster;
    private final BusRecovery recovery;

    private final Object lock = new Object();
    private final JobTracker tracker = new JobTracker(EARLY_SIGNALS);
    private final JobSlots<Work> slots;
    /** Stops asked for while the bus was down, to send once it is back. */
    private final List<UnitName> heldStops = new ArrayList<>();
    private boolean busUp;
    private boolean closed;

    private SystemdUnitManager(SystemdBus bus, ConnectCommands commands, TransientUnitProperties properties,
            UnitManagerSettings settings, CallRunner runner, Consumer<UnitEvent> poster) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.calls = new UnitCalls(bus);
        this.commands = Objects.requireNonNull(commands, "commands");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.poster = Objects.requireNonNull(poster, "poster");
        this.slots = new JobSlots<>(settings.maxPendingUnits());
        this.recovery = new BusRecovery(this, bus, runner, settings);
    }

    /** How long {@code nvme connect --help} may take when {@code connector = auto} is resolved. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The daemon's unit manager on the system bus. Resolves {@code connector = auto} here, once, by
     * running {@code nvme connect --help} (at most {@link #PROBE_TIMEOUT}): call it at start-up, not
     * from the loop. Connects in the background; requests made before that wait for it.
     */
    public static SystemdUnitManager onSystemBus(UnitManagerSettings settings, Consumer<UnitEvent> poster) {
        return create(settings, new ProcessConnectorProbe(PROBE_TIMEOUT),
                new DbusSystemdBus(settings.busAddress(), settings.callTimeout()), CallRunner.singleThread(),
                StateScripts.RUNTIME_DIR, poster);
    }

    /** {@link #onSystemBus} with every collaborator given: for tests. */
    static SystemdUnitManager create(UnitManagerSettings settings, ConnectorProbe probe, SystemdBus bus,
            CallRunner runner, String runtimeDir, Consumer<UnitEvent> poster) {
        Connector connector = ConnectorChoice.resolve(settings.connector(), settings.nvmePath(), probe);
        StateScripts scripts = new StateScripts(runtimeDir, settings.nvmePath());
        SystemdUnitManager manager = new SystemdUnitManager(bus,
                new ConnectCommands(connector, settings.nvmePath(), settings.launcherPath(), scripts),
                new TransientUnitProperties(scripts, settings.disconnectTimeout()), settings, runner, poster);
        manager.open();
        return manager;
    }

    /** Connects to the bus in the background; requests made before that wait for it. */
    private void open() {
        runner.execute(recovery::connectFirst);
    }

    @Override
    public Submission start(UnitRequest request) {
        return submit(Kind.START, request);
    }

    @Override
    public Submission restart(UnitRequest request) {
        return submit(Kind.RESTART, request);
    }

    private Submission submit(Kind kind, UnitRequest request) {
        ConnectPlan plan = commands.plan(request);
        if (plan instanceof ConnectPlan.Refused refused) {
            LOG.error("{} - {}", request.tid().compact(), refused.reason());
            return new Submission.Refused(request.unit(), refused.reason());
        }
        List<UnitProperty> props = properties.build(request, (ConnectPlan.Ready) plan);
        synchronized (lock) {
            slots.enqueue(new Work(kind, request.unit(), props));
        }
        pump();
        return new Submission.Queued(request.unit());
    }

    @Override
    public void stop(UnitName unit) {
        synchronized (lock) {
            slots.removeWaiting(work -> work.unit().equals(unit));
            if (!busUp) {
                heldStops.add(unit);
                return;
            }
        }
        runner.execute(() -> callStop(unit));
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        runner.close();
        bus.close();
    }

    /** Issues waiting work while slots are free and the bus is up. */
    private void pump() {
        List<Work> ready = new ArrayList<>();
        synchronized (lock) {
            while (busUp && !closed) {
                Optional<Work> work = slots.acquire();
                if (work.isEmpty()) {
                    break;
                }
                tracker.callStarted(work.get().unit());
                ready.add(work.get());
            }
        }
        for (Work work : ready) {
            runner.execute(() -> issue(work));
        }
    }

    /** On the runner: one start or restart, from reset to recorded job. */
    private void issue(Work work) {
        String job;
        try {
            job = work.kind() == Kind.START ? calls.start(work.unit(), work.properties())
                    : calls.restart(work.unit(), work.properties());
        } catch (BusCallException e) {
            synchronized (lock) {
                tracker.callFailed(work.unit());
                slots.release(1);
            }
            post(new UnitEvent.CallFailed(work.unit(), e.method(), e.errorName(), e.getMessage()));
            if (e.isDisconnected()) {
                recovery.busLost(e.getMessage());
            }
            pump();
            return;
        }
        Optional<String> earlyResult;
        synchronized (lock) {
            earlyResult = tracker.replied(work.unit(), job);
            if (earlyResult.isPresent()) {
                slots.release(1);
            }
        }
        earlyResult.ifPresent(result -> {
            post(new UnitEvent.JobDone(work.unit(), result));
            pump();
        });
    }

    /** On the runner. A stop that finds the bus gone waits for it to come back. */
    private void callStop(UnitName unit) {
        try {
            calls.stop(unit);
        } catch (BusCallException e) {
            if (e.isDisconnected()) {
                synchronized (lock) {
                    heldStops.add(unit);
                }
                recovery.busLost(e.getMessage());
            } else {
                post(new UnitEvent.CallFailed(unit, e.method(), e.errorName(), e.getMessage()));
            }
        }
    }

    /** From the bus: a job ended. */
    void jobRemoved(String jobPath, String unit, String result) {
        Optional<UnitName> ours;
        synchronized (lock) {
            ours = tracker.jobRemoved(jobPath, unit, result);
            if (ours.isPresent()) {
                slots.release(1);
            }
        }
        if (ours.isPresent()) {
            post(new UnitEvent.JobDone(ours.get(), result));
            pump();
        }
    }

    /** For {@link BusRecovery}: the bus went down; true when it was up (report it once). */
    boolean markBusDown() {
        synchronized (lock) {
            boolean wasUp = busUp && !closed;
            busUp = false;
            return wasUp;
        }
    }

    /** For {@link BusRecovery}: the bus is up. */
    void markBusUp() {
        synchronized (lock) {
            busUp = true;
        }
    }

    /** For {@link BusRecovery}: the units whose jobs are outstanding. */
    List<UnitName> unitsWithJobs() {
        synchronized (lock) {
            return List.copyOf(tracker.units());
        }
    }

    /**
     * For {@link BusRecovery}: a unit's outstanding jobs ended while the bus was away; report its
     * state, unless its {@code JobRemoved} came after all.
     */
    void jobsEndedUnseen(UnitName unit, SystemdBus.UnitStatus status) {
        int ended;
        synchronized (lock) {
            ended = tracker.forget(unit);
            slots.release(ended);
        }
        if (ended > 0) {
            post(new UnitEvent.UnitState(unit, status.activeState(), status.result()));
        }
    }

    /** For {@link BusRecovery}, on the runner: the bus is up; send what waited for it. */
    void resume() {
        List<UnitName> stops;
        synchronized (lock) {
            stops = List.copyOf(heldStops);
            heldStops.clear();
        }
        for (UnitName unit : stops) {
            callStop(unit);
        }
        pump();
    }

    void post(UnitEvent event) {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        poster.accept(event);
    }

    /** How busy: calls made or jobs running (at most {@code max-pending-units}), and requests waiting. */
    record Load(int outstanding, int waiting) {
    }

    Load load() {
        synchronized (lock) {
            return new Load(slots.inUse(), slots.waiting());
        }
    }
}
