package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call side of the {@link SystemdUnitManager}: sends the work the {@link JobLedger} lets go, one
 * call at a time on the {@link CallRunner}, turns every reply, failure and job end into the unit's
 * one outcome ({@link UnitEvent}), and cleans up after it.
 *
 * <ul>
 * <li>A unit's properties and secret files are made only when its call is dispatched, never while
 * it waits ({@link UnitWork}).
 * <li>A start or restart whose reply timed out ({@link CallError#NO_REPLY}) has an unknown outcome,
 * not a failed one: systemd is asked ({@code GetUnit}, sent after the call on the same connection,
 * so answered once systemd has handled it) and the unit's job is tracked, or its state reported.
 * <li>A failed outcome deletes the unit's secret files, unless a new request for the unit is
 * already waiting or in flight (it writes them afresh).
 * <li>Per-unit failures are posted, not logged above DEBUG (STYLE §7 rule 12): the daemon decides.
 * </ul>
 *
 * <p><b>Threading:</b> {@link #pump} and {@link #jobRemoved} from any thread; everything else on the
 * runner.
 */
final class UnitDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(UnitDispatcher.class);
    /** {@link UnitEvent.CallFailed#method()} when the unit's secrets could not be written. */
    static final String CREDENTIALS_STEP = "LoadCredential";
    /** {@link UnitEvent.CallFailed#errorName()} then: our own, no D-Bus error was involved. */
    static final String CREDENTIALS_ERROR = "org.nvmexpress.discoverd.Error.CredentialWrite";
    /** The state of a unit systemd does not have loaded. */
    static final SystemdBus.UnitStatus NOT_LOADED = new SystemdBus.UnitStatus(
            UnitEvent.UnitState.NOT_LOADED, UnitEvent.UnitState.NOT_LOADED, Optional.empty());
    /** What {@link UnitManager#listUnits} asks for: every connection unit, whatever its state. */
    static final List<String> OUR_UNITS = List.of("nvme-discoverd-*");

    private final SystemdBus bus;
    private final UnitCalls calls;
    private final ConnectCommands commands;
    private final TransientUnitProperties properties;
    private final CredentialFiles credentialFiles;
    private final CallRunner runner;
    private final Consumer<UnitEvent> poster;
    private final JobLedger ledger;
    private final BusRecovery recovery;

    UnitDispatcher(SystemdBus bus, ConnectCommands commands, TransientUnitProperties properties,
            CredentialFiles credentialFiles, CallRunner runner, Consumer<UnitEvent> poster, JobLedger ledger,
            UnitManagerSettings settings) {
        this.bus = bus;
        this.calls = new UnitCalls(bus);
        this.commands = commands;
        this.properties = properties;
        this.credentialFiles = credentialFiles;
        this.runner = runner;
        this.poster = poster;
        this.ledger = ledger;
        this.recovery = new BusRecovery(this, ledger, bus, runner, settings);
    }

    BusRecovery recovery() {
        return recovery;
    }

    /** Sends waiting work while slots are free and systemd is reachable. */
    void pump() {
        for (UnitWork work : ledger.takeReady()) {
            runner.execute(() -> issue(work));
        }
    }

    /** One start or restart, from building the unit to recording its job. */
    private void issue(UnitWork work) {
        UnitName unit = work.unit();
        ConnectPlan.Ready plan = commands.ready(work.request());
        List<UnitProperty> props = properties.build(work.request(), plan);
        try {
            // Written this late, the files are there even when an earlier ExecStartPost removed them.
            credentialFiles.write(unit, plan.credentials());
        } catch (IOException e) {
            // IOException messages name the path and errno text, never the file's content.
            String message = "not starting the unit: cannot write its credentials: " + e.getMessage();
            LOG.debug("{} - {}", unit, message);
            failed(new UnitEvent.CallFailed(unit, CREDENTIALS_STEP, CallError.OTHER, CREDENTIALS_ERROR, message));
            return;
        }
        String job;
        try {
            job = work.restart() ? calls.restart(unit, props) : calls.start(unit, props);
        } catch (BusCallException e) {
            callFailed(work, e);
            return;
        }
        matched(unit, ledger.replied(unit, job));
    }

    /**
     * A start whose reply the bus lost may have made a job: the resync after the reconnect finds out
     * (a second StartTransientUnit would only meet UnitExists). A timed-out start or restart is
     * settled now. Any other failure is reported for the caller to retry; a restart may simply be
     * repeated.
     */
    private void callFailed(UnitWork work, BusCallException e) {
        boolean jobCall = e.method().equals("StartTransientUnit") || e.method().equals("RestartUnit");
        if (jobCall && e.kind() == CallError.NO_REPLY) {
            settleTimedOut(work.unit(), e);
        } else if (e.kind() == CallError.BUS_LOST && !work.restart()) {
            ledger.replyLost(work.unit());
            troubled(e);
            pump();
        } else {
            troubled(e); // first, so that nothing more is sent to a bus that is gone
            failed(work.unit(), e);
        }
    }

    /** The call made or joined a job, or timed out: systemd's state tells which, and how it ended. */
    private void settleTimedOut(UnitName unit, BusCallException timeout) {
        LOG.debug("{} - {} timed out ({}); asking systemd what became of it", unit, timeout.method(),
                timeout.getMessage());
        SystemdBus.UnitStatus status;
        try {
            status = bus.unitStatus(unit);
        } catch (BusCallException e) {
            if (e.isNoSuchUnit()) {
                status = NOT_LOADED;
            } else if (isTrouble(e)) {
                ledger.replyLost(unit);
                troubled(e);
                return;
            } else {
                failed(new UnitEvent.CallFailed(unit, timeout.method(), timeout.kind(), timeout.errorName(),
                        timeout.getMessage() + "; its outcome is unknown: GetUnit failed: " + e.getMessage()));
                return;
            }
        }
        settle(unit, status);
    }

    /** systemd's state of a unit whose job path or end we could not see: tracks its job, or reports it. */
    void settle(UnitName unit, SystemdBus.UnitStatus status) {
        JobTracker.Match match = ledger.settle(unit, status.job());
        if (match instanceof JobTracker.Match.NoJob) {
            outcome(unit, "active".equals(status.activeState()),
                    new UnitEvent.UnitState(unit, status.activeState(), status.result()));
            pump();
        } else {
            matched(unit, match);
        }
    }

    private void matched(UnitName unit, JobTracker.Match match) {
        if (match instanceof JobTracker.Match.Ended ended) {
            jobEnded(unit, ended.result());
        }
    }

    /** From the bus: a job ended. */
    void jobRemoved(String jobPath, String unit, String result) {
        ledger.jobRemoved(jobPath, unit, result).ifPresent(ours -> jobEnded(ours, result));
    }

    /** One of our jobs ended (its slot is free): report it, send what waited. */
    private void jobEnded(UnitName unit, String result) {
        outcome(unit, "done".equals(result), new UnitEvent.JobDone(unit, result));
        pump();
    }

    /** Gives up on the unit's flight (its call failed) and reports the failure: an outcome. */
    void failed(UnitName unit, BusCallException e) {
        failed(new UnitEvent.CallFailed(unit, e.method(), e.kind(), e.errorName(), e.getMessage()));
    }

    private void failed(UnitEvent.CallFailed event) {
        LOG.debug("{} - {} failed: {}: {}", event.unit(), event.method(), event.errorName(), event.message());
        ledger.callFailed(event.unit());
        outcome(event.unit(), false, event);
        pump();
    }

    /** A stop that finds systemd out of reach waits for it to come back. */
    void callStop(UnitName unit) {
        try {
            calls.stop(unit);
        } catch (BusCallException e) {
            if (isTrouble(e)) {
                ledger.holdStop(unit);
                troubled(e);
                return;
            }
            LOG.debug("{} - {} failed: {}: {}", unit, e.method(), e.errorName(), e.getMessage());
            post(new UnitEvent.CallFailed(unit, e.method(), e.kind(), e.errorName(), e.getMessage()));
        }
        dropCredentials(unit);
    }

    /** A listing that finds systemd out of reach waits for it to come back. */
    void callList() {
        List<ListedUnit> units;
        try {
            units = bus.listUnits(OUR_UNITS);
        } catch (BusCallException e) {
            if (isTrouble(e)) {
                ledger.holdList();
                troubled(e);
            } else {
                post(new UnitEvent.ListFailed(e.kind(), e.errorName(), e.getMessage()));
            }
            return;
        }
        post(new UnitEvent.UnitsListed(units));
    }

    /** After systemd came back: the stops and the listing held meanwhile, then the waiting work. */
    void resume() {
        for (UnitName unit : ledger.takeHeldStops()) {
            callStop(unit);
        }
        if (ledger.takeHeldList()) {
            callList();
        }
        pump();
    }

    /** True when the failure is systemd being out of reach, which the {@link BusRecovery} handles. */
    static boolean isTrouble(BusCallException e) {
        return e.kind() == CallError.BUS_LOST || e.kind() == CallError.SYSTEMD_GONE;
    }

    /** Hands a lost bus or a departed systemd to the recovery; nothing for other failures. */
    void troubled(BusCallException e) {
        if (e.kind() == CallError.BUS_LOST) {
            recovery.busLost(e.getMessage());
        } else if (e.kind() == CallError.SYSTEMD_GONE) {
            recovery.systemdGone(e.getMessage());
        }
    }

    /** Posts an outcome; a failed one first has the unit's secret files deleted (on the runner). */
    private void outcome(UnitName unit, boolean succeeded, UnitEvent event) {
        if (!succeeded) {
            runner.execute(() -> dropCredentials(unit));
        }
        post(event);
    }

    /**
     * Deletes the unit's secret files, unless a request for it is waiting or in flight: its call
     * writes them afresh, and runs on this same thread, so it cannot be between the check and the
     * deletion.
     */
    private void dropCredentials(UnitName unit) {
        if (!ledger.idle(unit)) {
            return;
        }
        try {
            if (credentialFiles.delete(unit)) {
                LOG.debug("{} - deleted its credentials", unit);
            }
        } catch (IOException e) {
            // No event: nothing for the daemon to do. Root-only files on the /run tmpfs; the unit's
            // next successful connect deletes them.
            LOG.warn("{} - cannot delete its credentials: {}", unit, e.getMessage());
        }
    }

    void post(UnitEvent event) {
        if (!ledger.isClosed()) {
            poster.accept(event);
        }
    }
}
