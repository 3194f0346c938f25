package org.nvmexpress.discoverd.systemd;

import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * What the {@link UnitManager} reports back, asynchronously, from its own threads: immutable values
 * for the daemon's loop (ARCHITECTURE §4).
 *
 * <p><b>Outcomes.</b> Every start or restart the manager took ({@link UnitManager.Submission.Queued}
 * or {@link UnitManager.Submission.Joined}) is answered by exactly one <em>outcome</em> for its unit:
 * {@link JobDone}, {@link CallFailed} or {@link UnitState}. Requests for one unit that were joined
 * share that one outcome: the manager keeps at most one job per unit in systemd's hands. The one
 * exception is a request still waiting for a slot when {@link UnitManager#stop} drops it: it gets no
 * outcome. {@link UnitManager#listUnits} is answered by {@link UnitsListed} or {@link ListFailed}.
 *
 * <p><b>Logging (STYLE §7 rule 12).</b> The unit manager does not log per-unit failures above DEBUG:
 * an outcome, a refusal and a failed listing are the receiver's to decide on and log, once. The
 * manager logs what it acts on itself: losing systemd ({@link BusLost}), getting it back
 * ({@link BusRestored}), and a secret file it could not delete.
 *
 * <p><b>Order.</b> Events of one unit arrive in the order they happened; events of different units,
 * and bus events relative to unit events, may interleave in any order.
 */
public sealed interface UnitEvent {

    /**
     * An outcome: the start or restart job made for the unit has finished (systemd's
     * {@code JobRemoved}). The unit's slot is free; a new request for it makes a new job.
     *
     * @param result systemd's job result: {@code done} on success; {@code failed}, {@code canceled}
     *               (a stop replaced it), {@code timeout}, {@code dependency}, {@code skipped}, …
     *               otherwise. On anything but {@code done} the unit's secret files are deleted.
     */
    record JobDone(UnitName unit, String result) implements UnitEvent {
        public JobDone {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(result, "result");
        }

        public boolean succeeded() {
            return "done".equals(result);
        }
    }

    /**
     * An outcome: a call to systemd failed, so no job was made (or, for {@code StopUnit}, the stop
     * was not taken): retry with backoff. The unit's secret files are deleted.
     *
     * <p>Not reported as a failure, since the job may exist: a start or restart whose reply timed out
     * ({@link CallError#NO_REPLY}), and a start whose reply was lost with the bus. The manager asks
     * systemd and reports {@link JobDone} or {@link UnitState}; only when systemd cannot tell either
     * does this event come, with {@link CallError#NO_REPLY}. A stop of a unit systemd does not have
     * ({@link CallError#NO_SUCH_UNIT}) is not reported: it is stopped.
     *
     * @param method    the step that failed: a D-Bus method ({@code StartTransientUnit},
     *                  {@code RestartUnit}, {@code ResetFailedUnit}, {@code StopUnit}, {@code GetUnit}
     *                  when a timed-out call could not be settled), or {@code LoadCredential} when the
     *                  unit's secrets could not be written (the call was then not made)
     * @param error     the kind of failure, what to decide on: e.g. {@link CallError#UNIT_EXISTS} for a
     *                  start of a unit that is still loaded, {@link CallError#ACCESS_DENIED} for a
     *                  policy problem, {@link CallError#BUS_LOST} when a restart found the bus gone
     * @param errorName the D-Bus error name, for the log, e.g. {@code org.freedesktop.systemd1.UnitExists}
     * @param message   the error's message, for the log; never holds a secret
     */
    record CallFailed(UnitName unit, String method, CallError error, String errorName, String message)
            implements UnitEvent {
        public CallFailed {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(errorName, "errorName");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * An outcome read from systemd's state, for a job whose end could not be observed: its
     * {@code JobRemoved} was lost with the bus or with systemd leaving it, or the call that made it
     * timed out ({@link CallError#NO_REPLY}) so its job path never came. The manager asked systemd
     * ({@code GetUnit}, then {@code ActiveState}, {@code Job}, {@code Result}) and the unit had no job
     * left; a unit that still has one is not reported here: its {@link JobDone} comes when it ends.
     * When not {@link #succeeded()}, the unit's secret files are deleted.
     *
     * @param activeState systemd's {@code ActiveState}: {@code active} when connected, otherwise
     *                    {@code failed}, {@code inactive}, …; {@link #NOT_LOADED} when systemd no longer
     *                    has the unit (a failed connection unit is unloaded at once), or never made it
     * @param result      the service's {@code Result} ({@code success}, {@code exit-code}, …), or
     *                    {@link #NOT_LOADED}
     */
    record UnitState(UnitName unit, String activeState, String result) implements UnitEvent {
        /** Stands for both fields when systemd has no such unit loaded. */
        public static final String NOT_LOADED = "not-loaded";

        public UnitState {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(activeState, "activeState");
            Objects.requireNonNull(result, "result");
        }

        /** True when the unit ran its connector successfully and is up: as good as {@code done}. */
        public boolean succeeded() {
            return "active".equals(activeState);
        }
    }

    /**
     * systemd is out of reach: the connection to the system bus broke, or systemd left the bus
     * ({@code systemctl daemon-reexec}). Calls wait until it is back; nothing was stopped or
     * disconnected because of it. Logged by the manager. Followed by {@link BusRestored} once back.
     *
     * @param reason what happened, for the log
     */
    record BusLost(String reason) implements UnitEvent {
        public BusLost {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * systemd is back and we are subscribed again. Next, every unit with a job in flight is asked
     * for, and those whose job ended meanwhile are reported ({@link UnitState}, or {@link JobDone}
     * when its {@code JobRemoved} was kept); then held stops, a held listing and the waiting calls go
     * out. Logged by the manager. Not posted when a new systemd joined the bus without our seeing
     * the old one leave: the units are asked for all the same.
     */
    record BusRestored() implements UnitEvent {
    }

    /**
     * The answer to {@link UnitManager#listUnits}: every unit named {@code nvme-discoverd-*.service}
     * systemd has loaded, in systemd's order. Requests made while systemd was out of reach share one
     * answer, sent once it is back.
     */
    record UnitsListed(List<ListedUnit> units) implements UnitEvent {
        public UnitsListed {
            units = List.copyOf(units);
        }
    }

    /**
     * {@link UnitManager#listUnits} failed for another reason than losing systemd (that one waits).
     *
     * @param error     the kind of failure
     * @param errorName the D-Bus error name, for the log
     * @param message   the error's message, for the log
     */
    record ListFailed(CallError error, String errorName, String message) implements UnitEvent {
        public ListFailed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(errorName, "errorName");
            Objects.requireNonNull(message, "message");
        }
    }
}
