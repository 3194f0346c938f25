package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
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
 * <li><b>Secrets on disk, not on the bus:</b> just before a start or restart the unit's secrets are
 * written to the root-only files its {@code LoadCredential} names ({@link CredentialFiles}); when
 * that fails the call is not made (systemd would start the connector without them) and the failure
 * is reported as {@link UnitEvent.CallFailed} for the caller to retry.
 * <li><b>Bus loss survived</b> ({@link BusRecovery}): calls wait, the bus is reconnected with
 * backoff and re-subscribed, then the state of every unit with an outstanding job is asked for and
 * reported, since its {@code JobRemoved} may have been lost. Nothing is stopped because the bus went.
 * </ul>
 *
 * <p><b>Threading:</b> public methods from any thread; calls on the runner's thread; signals on the
 * bus's threads. The shared state is the {@link JobLedger}'s, never locked during a call.
 */
public final class SystemdUnitManager implements UnitManager {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdUnitManager.class);
    /** How long {@code nvme connect --help} may take when {@code connector = auto} is resolved. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** {@link UnitEvent.CallFailed#method()} when the unit's secrets could not be written. */
    static final String CREDENTIALS_STEP = "LoadCredential";
    /** {@link UnitEvent.CallFailed#errorName()} then: our own, no D-Bus error was involved. */
    static final String CREDENTIALS_ERROR = "org.nvmexpress.discoverd.Error.CredentialWrite";

    private final SystemdBus bus;
    private final UnitCalls calls;
    private final ConnectCommands commands;
    private final TransientUnitProperties properties;
    private final CredentialFiles credentialFiles;
    private final CallRunner runner;
    private final Consumer<UnitEvent> poster;
    private final JobLedger ledger;
    private final BusRecovery recovery;

    private SystemdUnitManager(SystemdBus bus, ConnectCommands commands, StateScripts scripts,
            UnitManagerSettings settings, CallRunner runner, Consumer<UnitEvent> poster) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.calls = new UnitCalls(bus);
        this.commands = Objects.requireNonNull(commands, "commands");
        this.properties = new TransientUnitProperties(scripts, settings.disconnectTimeout());
        this.credentialFiles = new CredentialFiles(scripts);
        this.runner = Objects.requireNonNull(runner, "runner");
        this.poster = Objects.requireNonNull(poster, "poster");
        this.ledger = new JobLedger(settings.maxPendingUnits());
        this.recovery = new BusRecovery(this, ledger, bus, runner, settings);
    }

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
                new ConnectCommands(connector, settings.nvmePath(), settings.launcherPath(), scripts), scripts,
                settings, runner, poster);
        runner.execute(manager.recovery::connectFirst);
        return manager;
    }

    @Override
    public Submission start(UnitRequest request) {
        return submit(false, request);
    }

    @Override
    public Submission restart(UnitRequest request) {
        return submit(true, request);
    }

    private Submission submit(boolean restart, UnitRequest request) {
        ConnectPlan plan = commands.plan(request);
        if (plan instanceof ConnectPlan.Refused refused) {
            LOG.error("{} - {}", request.tid().compact(), refused.reason());
            return new Submission.Refused(request.unit(), refused.reason());
        }
        ConnectPlan.Ready ready = (ConnectPlan.Ready) plan;
        ledger.enqueue(new UnitWork(restart, request.unit(), properties.build(request, ready), ready.credentials()));
        pump();
        return new Submission.Queued(request.unit());
    }

    @Override
    public void stop(UnitName unit) {
        if (ledger.stopNowOrHold(unit)) {
            runner.execute(() -> callStop(unit));
        }
    }

    @Override
    public void close() {
        ledger.close();
        runner.close();
        bus.close();
    }

    /** Sends waiting work while slots are free and the bus is up. */
    void pump() {
        for (UnitWork work : ledger.takeReady()) {
            runner.execute(() -> issue(work));
        }
    }

    /** On the runner: one start or restart, from reset to recorded job. */
    private void issue(UnitWork work) {
        if (!writeCredentials(work)) {
            return;
        }
        String job;
        try {
            job = work.restart() ? calls.restart(work.unit(), work.properties())
                    : calls.start(work.unit(), work.properties());
        } catch (BusCallException e) {
            callFailed(work, e);
            return;
        }
        ledger.replied(work.unit(), job).ifPresent(result -> jobEnded(work.unit(), result));
    }

    /**
     * On the runner, right before the call: written this late, the files are there even when the
     * previous instance's {@code ExecStartPost} removed them while the work waited for a slot.
     *
     * @return false when a file could not be written: the failure is reported, the slot freed
     */
    private boolean writeCredentials(UnitWork work) {
        try {
            credentialFiles.write(work.unit(), work.credentials());
            return true;
        } catch (IOException e) {
            // IOException messages name the path and errno text, never the file's content.
            String message = "not starting the unit: cannot write its credentials: " + e.getMessage();
            LOG.error("{} - {}", work.unit(), message);
            ledger.callFailed(work.unit());
            post(new UnitEvent.CallFailed(work.unit(), CREDENTIALS_STEP, CREDENTIALS_ERROR, message));
            pump();
            return false;
        }
    }

    /**
     * A start whose reply the bus lost may have made a job: it is not reported, the resync after the
     * reconnect finds out (a second StartTransientUnit would only meet UnitExists). Any other failure
     * is reported for the caller to retry; a restart may simply be repeated.
     */
    private void callFailed(UnitWork work, BusCallException e) {
        boolean unknownOutcome = e.isDisconnected() && !work.restart();
        if (unknownOutcome) {
            ledger.replyLost(work.unit());
        } else {
            ledger.callFailed(work.unit());
            post(new UnitEvent.CallFailed(work.unit(), e.method(), e.errorName(), e.getMessage()));
        }
        if (e.isDisconnected()) {
            recovery.busLost(e.getMessage());
        }
        pump();
    }

    /** On the runner. A stop that finds the bus gone waits for it to come back. */
    void callStop(UnitName unit) {
        try {
            calls.stop(unit);
        } catch (BusCallException e) {
            if (e.isDisconnected()) {
                ledger.holdStop(unit);
                recovery.busLost(e.getMessage());
            } else {
                post(new UnitEvent.CallFailed(unit, e.method(), e.errorName(), e.getMessage()));
            }
        }
    }

    /** From the bus: a job ended. */
    void jobRemoved(String jobPath, String unit, String result) {
        ledger.jobRemoved(jobPath, unit, result).ifPresent(ours -> jobEnded(ours, result));
    }

    /** One of our jobs ended (its slot is free): report it, send what waited. */
    void jobEnded(UnitName unit, String result) {
        post(new UnitEvent.JobDone(unit, result));
        pump();
    }

    void post(UnitEvent event) {
        if (!ledger.isClosed()) {
            poster.accept(event);
        }
    }

    /** How busy: calls made or jobs running (at most {@code max-pending-units}), and requests waiting. */
    record Load(int outstanding, int waiting) {
    }

    Load load() {
        return ledger.load();
    }
}
