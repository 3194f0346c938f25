package org.nvmexpress.discoverd.systemd;

import java.util.Map;

/**
 * What kind of failure a systemd call met, decided once from the D-Bus error name ({@link #of}), so
 * that neither the unit manager nor the daemon compares error names as strings. The raw name and
 * message travel beside it for the log.
 */
public enum CallError {
    /** {@code org.freedesktop.systemd1.NoSuchUnit}: systemd has no such unit loaded. */
    NO_SUCH_UNIT,
    /** {@code org.freedesktop.systemd1.UnitExists}: a start found the unit still loaded. */
    UNIT_EXISTS,
    /** No reply within the call timeout, or systemd left the bus without replying. */
    NO_REPLY,
    /** The bus or polkit refused the call: a policy problem, retrying soon will not help. */
    ACCESS_DENIED,
    /** Our connection to the bus is closed or was never made. */
    BUS_LOST,
    /** Nobody owns {@code org.freedesktop.systemd1} on the bus: systemd is re-executing. */
    SYSTEMD_GONE,
    /** systemd or the bus rejected the arguments or the reply was malformed: a bug on one side. */
    INVALID_ARGS,
    /** Anything else, including failures of the daemon's own steps (writing credentials). */
    OTHER;

    private static final Map<String, CallError> BY_NAME = Map.ofEntries(
            Map.entry("org.freedesktop.systemd1.NoSuchUnit", NO_SUCH_UNIT),
            Map.entry("org.freedesktop.systemd1.UnitExists", UNIT_EXISTS),
            Map.entry("org.freedesktop.DBus.Error.NoReply", NO_REPLY),
            Map.entry("org.freedesktop.DBus.Error.Timeout", NO_REPLY),
            Map.entry("org.freedesktop.DBus.Error.TimedOut", NO_REPLY),
            Map.entry("org.freedesktop.DBus.Error.AccessDenied", ACCESS_DENIED),
            Map.entry("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired", ACCESS_DENIED),
            Map.entry("org.freedesktop.DBus.Error.Disconnected", BUS_LOST),
            Map.entry("org.freedesktop.DBus.Error.ServiceUnknown", SYSTEMD_GONE),
            Map.entry("org.freedesktop.DBus.Error.NameHasNoOwner", SYSTEMD_GONE),
            Map.entry("org.freedesktop.DBus.Error.InvalidArgs", INVALID_ARGS),
            Map.entry("org.freedesktop.DBus.Error.InvalidSignature", INVALID_ARGS),
            Map.entry("org.freedesktop.DBus.Error.UnknownMethod", INVALID_ARGS),
            Map.entry("org.freedesktop.DBus.Error.UnknownProperty", INVALID_ARGS),
            Map.entry("org.freedesktop.DBus.Error.PropertyReadOnly", INVALID_ARGS));

    /** The kind of the D-Bus error {@code errorName}; {@link #OTHER} for a name not listed. */
    public static CallError of(String errorName) {
        return BY_NAME.getOrDefault(errorName, OTHER);
    }
}
