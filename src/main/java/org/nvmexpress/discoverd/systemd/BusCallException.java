package org.nvmexpress.discoverd.systemd;

import java.util.Objects;

/**
 * A systemd call that did not succeed: the D-Bus error name, and its {@link CallError kind}, which is
 * what callers decide on (e.g. {@link CallError#NO_SUCH_UNIT} means "not loaded", not "broken").
 */
final class BusCallException extends Exception {
    private static final long serialVersionUID = 1L;

    static final String NO_SUCH_UNIT = "org.freedesktop.systemd1.NoSuchUnit";
    static final String UNIT_EXISTS = "org.freedesktop.systemd1.UnitExists";
    /** No reply within the call timeout (the name dbus-daemon uses for the same). */
    static final String NO_REPLY = "org.freedesktop.DBus.Error.NoReply";
    /** The connection is closed or was never made. */
    static final String DISCONNECTED = "org.freedesktop.DBus.Error.Disconnected";
    /** Nobody owns the destination's name (systemd left the bus). */
    static final String SERVICE_UNKNOWN = "org.freedesktop.DBus.Error.ServiceUnknown";

    private final String method;
    private final String errorName;
    private final CallError kind;

    /**
     * @param method    the D-Bus method that failed, e.g. {@code RestartUnit}
     * @param errorName the D-Bus error name
     * @param message   the error's message
     */
    BusCallException(String method, String errorName, String message) {
        super(message);
        this.method = Objects.requireNonNull(method, "method");
        this.errorName = Objects.requireNonNull(errorName, "errorName");
        this.kind = CallError.of(errorName);
    }

    String method() {
        return method;
    }

    String errorName() {
        return errorName;
    }

    CallError kind() {
        return kind;
    }

    boolean isNoSuchUnit() {
        return kind == CallError.NO_SUCH_UNIT;
    }

    boolean isDisconnected() {
        return kind == CallError.BUS_LOST;
    }
}
