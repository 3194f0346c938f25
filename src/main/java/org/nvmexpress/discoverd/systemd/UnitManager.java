package org.nvmexpress.discoverd.systemd;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The port through which the daemon manages connection units (ARCHITECTURE §5). Every method returns
 * at once, from any thread; the work happens elsewhere and its outcome arrives later as a
 * {@link UnitEvent} through the poster the implementation was built with.
 */
public interface UnitManager extends AutoCloseable {

    /** Whether a start or restart request was taken. */
    sealed interface Submission {
        /** Queued; a {@link UnitEvent.JobDone} or {@link UnitEvent.CallFailed} follows. */
        record Queued(UnitName unit) implements Submission {
            public Queued {
                Objects.requireNonNull(unit, "unit");
            }
        }

        /**
         * Not taken, and retrying will not help until the configuration changes. Already logged.
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

    /** Stops the unit ({@code StopUnit}): its {@code ExecStop} disconnects. Queued work for it is dropped. */
    void stop(UnitName unit);

    /** Stops making calls; outstanding jobs are forgotten, nothing in systemd is cancelled. */
    @Override
    void close();
}
