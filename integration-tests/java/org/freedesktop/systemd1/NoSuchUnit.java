package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.freedesktop.systemd1.NoSuchUnit} from the fake systemd (see {@link UnitExists}). */
public final class NoSuchUnit extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public NoSuchUnit(String message) {
        super(message);
    }
}
