package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * Thrown by the fake systemd of the integration tests: dbus-java names a D-Bus error after the class
 * of the exception an exported method throws, so this class is {@code org.freedesktop.systemd1.UnitExists}.
 */
public final class UnitExists extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public UnitExists(String message) {
        super(message);
    }
}
