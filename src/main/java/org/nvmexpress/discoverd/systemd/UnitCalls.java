package org.nvmexpress.discoverd.systemd;

import java.util.List;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call sequences behind one request, each ending in a job (reference §1.11, §3.2):
 *
 * <ul>
 * <li>start: {@code ResetFailedUnit}, then {@code StartTransientUnit};
 * <li>restart: {@code ResetFailedUnit}, then {@code RestartUnit}, and {@code StartTransientUnit} when
 * systemd no longer has the unit (a failed or stopped connection unit is unloaded at once:
 * {@code CollectMode=inactive-or-failed}).
 * </ul>
 *
 * <p>The reset clears a unit left failed and its start rate limit, which quick retries would
 * otherwise hit ("start request repeated too quickly"). {@code NoSuchUnit} from it means there is
 * nothing to reset: the usual case. Blocking; on the unit manager's runner only.
 */
final class UnitCalls {
    private static final Logger LOG = LoggerFactory.getLogger(UnitCalls.class);

    private final SystemdBus bus;

    UnitCalls(SystemdBus bus) {
        this.bus = bus;
    }

    /** @return the job's object path */
    String start(UnitName unit, List<UnitProperty> properties) throws BusCallException {
        resetFailed(unit);
        return bus.startTransientUnit(unit, properties);
    }

    /** @return the job's object path */
    String restart(UnitName unit, List<UnitProperty> properties) throws BusCallException {
        resetFailed(unit);
        try {
            return bus.restartUnit(unit);
        } catch (BusCallException e) {
            if (!e.isNoSuchUnit()) {
                throw e;
            }
            LOG.debug("{} - not loaded, creating it afresh", unit);
            return bus.startTransientUnit(unit, properties);
        }
    }

    /** {@code StopUnit}; a unit that is not loaded is already stopped. */
    void stop(UnitName unit) throws BusCallException {
        try {
            bus.stopUnit(unit);
        } catch (BusCallException e) {
            if (!e.isNoSuchUnit()) {
                throw e;
            }
            LOG.debug("{} - not loaded, nothing to stop", unit);
        }
    }

    private void resetFailed(UnitName unit) throws BusCallException {
        try {
            bus.resetFailedUnit(unit);
        } catch (BusCallException e) {
            if (!e.isNoSuchUnit()) {
                throw e;
            }
        }
    }
}
