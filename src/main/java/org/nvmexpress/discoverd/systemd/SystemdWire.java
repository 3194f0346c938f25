package org.nvmexpress.discoverd.systemd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Our values in dbus-java's wire forms and back: a struct is an {@code Object[]} of its fields, a
 * variant carries its signature explicitly (dbus-java cannot infer it for a generic list).
 */
final class SystemdWire {
    /** The shape {@link UnitName} accepts, checked first so a foreign name is skipped, not thrown on. */
    private static final Pattern UNIT_NAME = Pattern.compile("nvme-discoverd-[0-9a-f]{12}\\.service");

    private SystemdWire() {
    }

    /** The {@code a(sv)} argument of {@code StartTransientUnit}. */
    static List<Object[]> properties(List<UnitProperty> properties) {
        List<Object[]> wire = new ArrayList<>(properties.size());
        for (UnitProperty p : properties) {
            wire.add(new Object[] {p.name(), variant(p.value())});
        }
        return wire;
    }

    static Variant<?> variant(PropertyValue value) {
        Object wire;
        if (value instanceof PropertyValue.Text text) {
            wire = text.value();
        } else if (value instanceof PropertyValue.Flag flag) {
            wire = flag.value();
        } else if (value instanceof PropertyValue.UInt64 number) {
            wire = new UInt64(number.value());
        } else if (value instanceof PropertyValue.TextList list) {
            wire = list.values();
        } else if (value instanceof PropertyValue.Commands commands) {
            wire = commands.commands().stream()
                    .map(c -> new Object[] {c.path(), c.argv(), c.ignoreFailure()}).toList();
        } else if (value instanceof PropertyValue.CredentialPaths credentials) {
            wire = credentials.paths().stream().map(c -> new Object[] {c.id(), c.path()}).toList();
        } else {
            throw new AssertionError("unknown property value type: " + value.getClass());
        }
        return new Variant<>(wire, value.signature());
    }

    /** The arguments of a method reply; an error reply as a {@link BusCallException}. */
    static Object[] replyArguments(String member, Message reply) throws BusCallException {
        try {
            if (reply instanceof Error error) {
                Object[] args = error.getParameters();
                String message = args != null && args.length > 0 ? String.valueOf(args[0]) : "";
                throw new BusCallException(member, error.getName(), message);
            }
            Object[] args = reply.getParameters();
            return args == null ? new Object[0] : args;
        } catch (DBusException e) {
            throw new BusCallException(member, "org.freedesktop.DBus.Error.InvalidSignature",
                    "unreadable reply: " + e.getMessage());
        }
    }

    /** A string property's value. */
    static String text(Object value) throws BusCallException {
        if (value instanceof String s) {
            return s;
        }
        throw DbusSystemdBus.malformed("Get", new Object[] {value});
    }

    /**
     * The reply of {@code ListUnitsByPatterns}, {@code a(ssssssouso)}: name, description, load state,
     * active state, sub state, followed unit, unit path, job id, job type, job path. Names that are
     * not connection unit names are left out (the pattern {@code nvme-discoverd-*} matches others).
     */
    static List<ListedUnit> listedUnits(Object[] reply) throws BusCallException {
        if (reply.length != 1 || !(reply[0] instanceof List<?> entries)) {
            throw DbusSystemdBus.malformed("ListUnitsByPatterns", reply);
        }
        List<ListedUnit> units = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            List<?> f = fields(entry);
            if (f.size() != 10 || !(f.get(0) instanceof String name) || !(f.get(3) instanceof String active)
                    || !(f.get(4) instanceof String sub) || !(f.get(7) instanceof UInt32 jobId)) {
                throw DbusSystemdBus.malformed("ListUnitsByPatterns", new Object[] {entry});
            }
            if (UNIT_NAME.matcher(name).matches()) {
                units.add(new ListedUnit(new UnitName(name), active, sub, jobId.longValue() != 0));
            }
        }
        return units;
    }

    /** A struct as dbus-java hands it over without a type to map it to: an array or a list. */
    private static List<?> fields(Object value) {
        return value instanceof Object[] struct ? Arrays.asList(struct) : value instanceof List<?> list ? list : List.of();
    }

    /** The job of a unit's {@code Job} property, {@code (uo)}: empty when the id is 0 (no job). */
    static Optional<String> job(Object value) throws BusCallException {
        List<?> fields = fields(value);
        if (fields.size() == 2 && fields.get(0) instanceof UInt32 id && fields.get(1) instanceof DBusPath path) {
            return id.longValue() == 0 ? Optional.empty() : Optional.of(path.getPath());
        }
        throw DbusSystemdBus.malformed("Get", new Object[] {value});
    }
}
