package org.nvmexpress.discoverd.systemd;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The port through which the daemon manages connection units (ARCHITECTURE §5). Every method returns
 * at once, from any thread, and never blocks on systemd; the work happens on the manager's call
 * thread and its outcome arrives later as a {@link UnitEvent} through the poster the implementation
 * was built with (the event contracts are in {@link UnitEvent}).
 *
 * <p>At most one job per unit is in systemd's hands: a start or restart for a unit that already has
 * one waiting or in flight joins it ({@link Submission.Joined}) instead of making a second job, which
 * systemd would merge into the first anyway.
 */
public interface UnitManager extends AutoCloseable {

    /** Whether a start or restart request was taken. */
    sealed interface Submission {
        /** Queued; one outcome for the unit follows ({@link UnitEvent}). */
        record Queued(UnitName unit) implements Submission {
            public Queued {
                Objects.requireNonNull(unit, "unit");
            }
        }

        /**
         * Taken together with a request for the unit that was already waiting or in flight: the one
         * outcome of that request answers this one too. A restart joining a waiting start makes it a
         * restart, and the newer request's parameters replace the waiting one's; a request joining a
         * call or job in flight changes nothing: ask again after the outcome if that is not enough.
         */
        record Joined(UnitName unit) implements Submission {
            public Joined {
                Objects.requireNonNull(unit, "unit");
            }
        }

        /**
         * Not taken, and retrying will not help until the configuration changes. Not logged by the
         * manager: the caller logs it.
         *
         * @param reason what is wrong and how to fix it
         */
        record Refused(UnitName unit, String reason) implements Submission {
            public Refused {
                Objects.requireNonNull(unit, "unit");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** Creates and starts the transient unit for {@code request} ({@code StartTransientUnit}). */
    Submission start(UnitRequest request);

    /**
     * Restarts the unit ({@code RestartUnit}, which disconnects through its {@code ExecStop} and
     * connects again with the parameters it was created with); when systemd no longer has it (a failed
     * unit is unloaded at once), creates it afresh from {@code request}.
     */
    Submission restart(UnitRequest request);

    /**
     * Stops the unit ({@code StopUnit}): its {@code ExecStop} disconnects, and its secret files are
     * deleted. A start or restart of it still waiting for a slot is dropped without an outcome; one in
     * flight is canceled by systemd and reported ({@link UnitEvent.JobDone} {@code canceled}).
     */
    void stop(UnitName unit);

    /**
     * Asks systemd for every loaded {@code nvme-discoverd-*} unit ({@code ListUnitsByPatterns}), for
     * adoption at start-up and the audit; answered by {@link UnitEvent.UnitsListed} or
     * {@link UnitEvent.ListFailed}. While systemd is out of reach the question waits for it.
     */
    void listUnits();

    /** Stops making calls; outstanding jobs are forgotten, nothing in systemd is cancelled. */
    @Override
    void close();
}
