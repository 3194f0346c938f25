package org.nvmexpress.discoverd.systemd;

import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * A start or restart, built and ready to send: what waits for a slot in the {@link JobLedger}.
 *
 * @param restart    true for {@code RestartUnit} (falling back to a fresh unit), false for a start
 * @param unit       the unit
 * @param properties  the unit's properties, for {@code StartTransientUnit}
 * @param credentials the secrets its {@code LoadCredential} names, written to their files just before
 *                    the call
 */
record UnitWork(boolean restart, UnitName unit, List<UnitProperty> properties, List<Credential> credentials) {
    UnitWork {
        Objects.requireNonNull(unit, "unit");
        properties = List.copyOf(properties);
        credentials = List.copyOf(credentials);
    }
}
