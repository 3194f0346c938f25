package org.nvmexpress.discoverd.systemd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The systemd Manager calls the unit manager makes (reference §3.2), as a port: production speaks
 * D-Bus ({@link DbusSystemdBus}), tests use a scripted fake. Every call blocks until systemd answers,
 * fails, or the call times out; the {@link SystemdUnitManager} makes them from its one executor thread.
 */
interface SystemdBus extends AutoCloseable {

    /** Events from the bus, delivered on the bus's own threads. */
    interface Listener {
        /** systemd's {@code JobRemoved(id, job, unit, result)}, for every job (we are subscribed). */
        void jobRemoved(String jobPath, String unit, String result);

        /** The connection broke (for example dbus-daemon restarted). Not called for {@link #close()}. */
        void busLost(String reason);

        /**
         * {@code org.freedesktop.systemd1} lost its owner ({@code NameOwnerChanged} to nobody):
         * systemd left the bus, e.g. for {@code systemctl daemon-reexec}.
         */
        void systemdLeft();

        /**
         * {@code org.freedesktop.systemd1} has a new owner: systemd is (back) on the bus, a new
         * instance that knows nothing of our subscription.
         */
        void systemdJoined();
    }

    /**
     * (Re)connects: a fresh connection replacing any previous one, the {@code JobRemoved} and
     * {@code NameOwnerChanged} matches, {@code Subscribe()}. Afterwards {@code listener} hears about
     * jobs, loss and systemd's comings and goings, also when {@code Subscribe()} failed (systemd not
     * on the bus).
     */
    void connect(Listener listener) throws BusCallException;

    /**
     * {@code Subscribe()} on the current connection: after systemd came back to the bus. Being
     * subscribed already (systemd keeps its subscribers across {@code daemon-reexec}) is success.
     */
    void subscribe() throws BusCallException;

    /**
     * {@code StartTransientUnit(unit, "replace", properties, [])}; returns the job's object path.
     * Every method names itself in the exception it throws ({@link BusCallException#method()}).
     */
    String startTransientUnit(UnitName unit, List<UnitProperty> properties) throws BusCallException;

    /** {@code RestartUnit(unit, "replace")}; returns the job's object path. */
    String restartUnit(UnitName unit) throws BusCallException;

    /** {@code StopUnit(unit, "replace")}; returns the job's object path. */
    String stopUnit(UnitName unit) throws BusCallException;

    /** {@code ResetFailedUnit(unit)}. */
    void resetFailedUnit(UnitName unit) throws BusCallException;

    /**
     * {@code GetUnit(unit)}, then its {@code ActiveState} and {@code Job} and the service's
     * {@code Result}.
     *
     * @throws BusCallException with {@link BusCallException#NO_SUCH_UNIT} when the unit is not loaded
     */
    UnitStatus unitStatus(UnitName unit) throws BusCallException;

    /**
     * {@code ListUnitsByPatterns([], patterns)}: the loaded units matching the glob {@code patterns}.
     * Names that are not connection unit names ({@link UnitName}) are left out.
     */
    List<ListedUnit> listUnits(List<String> patterns) throws BusCallException;

    /** Closes the connection; no listener call follows. */
    @Override
    void close();

    /**
     * A unit's state as systemd reports it.
     *
     * @param activeState the unit's {@code ActiveState}
     * @param result      the service's {@code Result}
     * @param job         the object path of the unit's job while it has one (its {@code Job} property
     *                    is not {@code (0, "/")}): a start job waiting for {@code network.target} leaves
     *                    a unit {@code inactive} with its outcome still to come
     */
    record UnitStatus(String activeState, String result, Optional<String> job) {
        public UnitStatus {
            Objects.requireNonNull(activeState, "activeState");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(job, "job");
        }
    }
}
