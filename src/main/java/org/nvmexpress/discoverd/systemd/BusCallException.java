package org.nvmexpress.discoverd.systemd;

import java.util.Objects;

/**
 * A systemd call that did not succeed, carrying the D-Bus error name, which is what callers decide on
 * (e.g. {@link #NO_SUCH_UNIT} means "not loaded", not "broken").
 */
final class BusCallException extends Exception {
    private static final long serialVersionUID = 1L;

    static final String NO_SUCH_UNIT = "org.freedesktop.systemd1.NoSuchUnit";
    static final String UNIT_EXISTS = "org.freedesktop.systemd1.UnitExists";
    /** No reply within the call timeout (the name dbus-daemon uses for the same). */
    static final String NO_REPLY = "org.freedesktop.DBus.Error.NoReply";
    /** The connection is closed or was never made. */
    static final String DISCONNECTED = "org.freedesktop.DBus.Error.Disconnected";

    private final String method;
    private final String errorName;

    /**
     * @param method    the D-Bus method that failed, e.g. {@code RestartUnit}
     * @param errorName the D-Bus error name
     * @param message   the error's message
     */
    BusCallException(String method, String errorName, String message) {
        super(message);
        this.method = Objects.requireNonNull(method, "method");
        this.errorName = Objects.requireNonNull(errorName, "errorName");
    }

    String method() {
        return method;
    }

    String errorName() {
        return errorName;
    }

    boolean isNoSuchUnit() {
        return NO_SUCH_UNIT.equals(errorName);
    }

    boolean isDisconnected() {
        return DISCONNECTED.equals(errorName);
    }
}
