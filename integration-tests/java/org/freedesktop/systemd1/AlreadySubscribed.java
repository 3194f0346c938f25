package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.freedesktop.systemd1.AlreadySubscribed} from the fake systemd (see {@link UnitExists}). */
public final class AlreadySubscribed extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public AlreadySubscribed(String message) {
        super(message);
    }
}
