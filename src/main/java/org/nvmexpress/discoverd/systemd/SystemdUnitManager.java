package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The {@link UnitManager} on systemd (reference §3): takes requests from any thread, makes the calls
 * on one {@link CallRunner} thread ({@link UnitDispatcher}), and reports back through the poster.
 *
 * <ul>
 * <li><b>Bounded:</b> at most {@code maxPending} units have a start/restart in systemd's hands; the
 * rest wait in order ({@link JobSlots}), holding only their {@link UnitRequest}. A slot is held from
 * the call until the unit's outcome.
 * <li><b>One job per unit:</b> a request for a unit already waiting or in flight joins it. A merged
 * job (systemd returns the pending job's path to a second restart) can therefore not cost a slot,
 * and repeated restarts of a few units never stall the queue.
 * <li><b>Matched:</b> a job's result is found by its object path ({@link JobTracker}), also when
 * {@code JobRemoved} comes before the reply with the path.
 * <li><b>Unknown is not failed:</b> a call whose reply timed out or was lost is settled by asking
 * systemd for the unit's state.
 * <li><b>Reset</b> before every start and restart ({@link UnitCalls}).
 * <li><b>Secrets on disk, not on the bus, and not for long:</b> just before a start or restart the
 * unit's secrets are written to the root-only files its {@code LoadCredential} names
 * ({@link CredentialFiles}, under the system root); a failed write is reported as
 * {@link UnitEvent.CallFailed} and the call not made. They are deleted when the unit is stopped or
 * its connect failed, and by the unit's {@code ExecStartPost} once it succeeded.
 * <li><b>Losing systemd survived</b> ({@link BusRecovery}): the bus breaking, or systemd leaving it.
 * Calls wait; then a resync reports what ended meanwhile. Nothing is stopped because of it.
 * </ul>
 *
 * <p><b>Threading:</b> public methods from any thread, never blocking; calls on the runner's thread;
 * signals on the bus's threads. The shared state is the {@link JobLedger}'s, never locked during a call.
 */
public final class SystemdUnitManager implements UnitManager {
    /** How long {@code nvme connect --help} may take when {@code connector = auto} is resolved. */
    /** How long the connector probe may take; {@link ConnectCommandPreview} waits as long. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final SystemdBus bus;
    private final ConnectCommands commands;
    private final CallRunner runner;
    private final JobLedger ledger;
    private final UnitDispatcher dispatcher;

    private SystemdUnitManager(SystemdBus bus, ConnectCommands commands, StateScripts scripts,
            UnitManagerSettings settings, CallRunner runner, Consumer<UnitEvent> poster) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.ledger = new JobLedger(settings.maxPendingUnits());
        this.dispatcher = new UnitDispatcher(bus, commands,
                new TransientUnitProperties(scripts, settings.disconnectTimeout()),
                new CredentialFiles(settings.root(), scripts), runner, Objects.requireNonNull(poster, "poster"),
                ledger, settings);
    }

    /**
     * The daemon's unit manager on the system bus. Resolves {@code connector = auto} here, once, by
     * running {@code nvme connect --help} (at most {@link #PROBE_TIMEOUT}): call it at start-up, not
     * from the loop. Connects in the background; requests made before that wait for it.
     */
    public static SystemdUnitManager onSystemBus(UnitManagerSettings settings, Consumer<UnitEvent> poster) {
        return create(settings, new ProcessConnectorProbe(PROBE_TIMEOUT),
                new DbusSystemdBus(settings.busAddress(), settings.callTimeout()), CallRunner.singleThread(), poster);
    }

    /**
     * {@link #onSystemBus} with every collaborator given: for tests. The units' scripts and paths are
     * always the real {@link StateScripts#RUNTIME_DIR}; only the files the daemon writes itself go
     * under {@link UnitManagerSettings#root()}.
     */
    static SystemdUnitManager create(UnitManagerSettings settings, ConnectorProbe probe, SystemdBus bus,
            CallRunner runner, Consumer<UnitEvent> poster) {
        Connector connector = ConnectorChoice.resolve(settings.connector(), settings.nvmePath(), probe);
        StateScripts scripts = new StateScripts(StateScripts.RUNTIME_DIR, settings.nvmePath());
        SystemdUnitManager manager = new SystemdUnitManager(bus,
                new ConnectCommands(connector, settings.nvmePath(), settings.launcherPath(), scripts), scripts,
                settings, runner, poster);
        runner.execute(manager.dispatcher.recovery()::connectFirst);
        return manager;
    }

    /** The connector its units run, {@code connector = auto} resolved: for the daemon's status. */
    public Connector connector() {
        return commands.connector();
    }

    @Override
    public Submission start(UnitRequest request) {
        return submit(false, request);
    }

    @Override
    public Submission restart(UnitRequest request) {
        return submit(true, request);
    }

    /** A cheap check, then the request waits: nothing is built before its call is dispatched. */
    private Submission submit(boolean restart, UnitRequest request) {
        Optional<String> refusal = commands.refusal(request);
        if (refusal.isPresent()) {
            return new Submission.Refused(request.unit(), refusal.get());
        }
        JobSlots.Admission admission = ledger.submit(new UnitWork(restart, request));
        dispatcher.pump();
        return admission == JobSlots.Admission.QUEUED ? new Submission.Queued(request.unit())
                : new Submission.Joined(request.unit());
    }

    @Override
    public void stop(UnitName unit) {
        if (ledger.stopNowOrHold(unit)) {
            runner.execute(() -> dispatcher.callStop(unit));
        }
    }

    @Override
    public void listUnits() {
        if (ledger.listNowOrHold()) {
            runner.execute(dispatcher::callList);
        }
    }

    @Override
    public void close() {
        ledger.close();
        runner.close();
        bus.close();
    }

    /** How busy: units with a call made or a job running (at most {@code max-pending-units}), and waiting. */
    record Load(int outstanding, int waiting) {
    }

    Load load() {
        return ledger.load();
    }
}
