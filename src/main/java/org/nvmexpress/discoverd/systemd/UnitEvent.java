package org.nvmexpress.discoverd.systemd;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * What the {@link UnitManager} reports back, asynchronously, from its own threads: immutable values
 * for the daemon's loop (ARCHITECTURE §4). None of them has been logged as a failure by the unit
 * manager: the receiver decides and logs (STYLE §7 rule 12). Bus loss and recovery are the exception:
 * the unit manager logs those itself, since it is the one acting on them.
 */
public sealed interface UnitEvent {

    /**
     * A start or restart job the daemon asked for has finished (systemd's {@code JobRemoved}).
     *
     * @param result systemd's job result: {@code done} on success; {@code failed}, {@code canceled},
     *               {@code timeout}, {@code dependency}, {@code skipped}, … otherwise
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
     * A call to systemd failed, so no job was made: retry it with backoff. A {@code StopUnit} failure
     * is reported too, with nothing left outstanding.
     *
     * @param method    the D-Bus method, e.g. {@code StartTransientUnit}
     * @param errorName the D-Bus error name, e.g. {@code org.freedesktop.systemd1.UnitExists}, or
     *                  {@code org.freedesktop.DBus.Error.NoReply} when the call timed out
     * @param message   the error's message
     */
    record CallFailed(UnitName unit, String method, String errorName, String message) implements UnitEvent {
        public CallFailed {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(errorName, "errorName");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The connection to the system bus is gone. Calls wait until it is back; nothing was stopped or
     * disconnected because of it. Results of jobs that end meanwhile come as {@link UnitState}.
     */
    record BusLost(String reason) implements UnitEvent {
        public BusLost {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The bus is back and subscribed; {@link UnitState} events for the outstanding jobs follow. */
    record BusRestored() implements UnitEvent {
    }

    /**
     * After the bus came back: the state of a unit whose job was outstanding when it went away and
     * has ended since (its {@code JobRemoved} was lost with the bus). A unit that is still starting is
     * not reported here; its {@link JobDone} comes later.
     *
     * @param activeState systemd's {@code ActiveState}: {@code active} when connected, otherwise
     *                    {@code failed}, {@code inactive}, …; {@link #NOT_LOADED} when systemd no longer
     *                    has the unit (a failed connection unit is unloaded at once)
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
}
