package org.nvmexpress.discoverd.systemd;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * One connection unit systemd has loaded, as {@code ListUnitsByPatterns} reports it: what the daemon
 * adopts at start-up and checks in its audit.
 *
 * @param unit        the unit
 * @param activeState systemd's {@code ActiveState}: {@code active} while connected, {@code activating},
 *                    {@code deactivating}, {@code failed}, {@code inactive}
 * @param subState    the service's {@code SubState}, e.g. {@code exited} for a connected oneshot unit,
 *                    {@code start} while its connector runs
 * @param jobPending  true while systemd has a job queued or running for the unit
 */
public record ListedUnit(UnitName unit, String activeState, String subState, boolean jobPending) {
    public ListedUnit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(activeState, "activeState");
        Objects.requireNonNull(subState, "subState");
    }
}
