package org.nvmexpress.discoverd.systemd;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * A start or restart waiting for a slot in the {@link JobLedger}: only the request, a few hundred
 * bytes. The unit's properties (~3 KB) and secret files are made when its call is dispatched, so
 * 10,000 waiting requests hold neither the properties nor copies of the secrets.
 *
 * @param restart true for {@code RestartUnit} (falling back to a fresh unit), false for a start
 * @param request what the unit is built from
 */
record UnitWork(boolean restart, UnitRequest request) {
    UnitWork {
        Objects.requireNonNull(request, "request");
    }

    UnitName unit() {
        return request.unit();
    }

    /**
     * This waiting work with a newer request for the same unit joined into it: a restart if either
     * is one (a restart also creates a unit systemd does not have), built from the newer request.
     */
    UnitWork join(UnitWork newer) {
        if (!newer.unit().equals(unit())) {
            throw new AssertionError("joining work of " + newer.unit() + " into work of " + unit());
        }
        return new UnitWork(restart || newer.restart, newer.request);
    }
}
