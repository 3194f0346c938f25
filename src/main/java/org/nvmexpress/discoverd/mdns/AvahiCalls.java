package org.nvmexpress.discoverd.mdns;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.UInt32;

/**
 * The avahi-daemon and bus-driver calls the browser makes, each as a plain message with an
 * explicit signature and this adapter's own timeout (as the systemd adapter does: dbus-java's
 * proxies know only one process-wide timeout). Every failure becomes a {@link CallFailed} naming
 * the call. Not thread-safe: the browser's worker makes every call.
 */
record AvahiCalls(DBusConnection connection, Duration timeout) {
    static final String BUS_DRIVER = "org.freedesktop.DBus";

    /** A call that failed: no reply, an error reply, or a reply not of the documented shape. */
    static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;

        CallFailed(String member, String reason) {
            super(member + ": " + reason);
        }
    }

    boolean nameHasOwner() throws CallFailed {
        Object[] reply = call(BUS_DRIVER, "/org/freedesktop/DBus", BUS_DRIVER, "NameHasOwner", "s", AvahiWire.NAME);
        if (reply.length != 1 || !(reply[0] instanceof Boolean owned)) {
            throw new CallFailed("NameHasOwner", "unexpected reply " + List.of(reply));
        }
        return owned;
    }

    /** {@code ServiceBrowserNew(i interface, i protocol, s type, s domain, u flags) → o}. */
    String serviceBrowserNew(String type, String domain) throws CallFailed {
        Object[] reply = server("ServiceBrowserNew", "iissu", AvahiWire.UNSPEC, AvahiWire.UNSPEC, type, domain,
                new UInt32(0));
        if (reply.length != 1 || !(reply[0] instanceof DBusPath path)) {
            throw new CallFailed("ServiceBrowserNew", "unexpected reply " + List.of(reply));
        }
        return path.getPath();
    }

    /**
     * {@code ResolveService(i interface, i protocol, s name, s type, s domain, i aprotocol, u flags)}
     * for the item's own interface and family, so an item seen over IPv4 resolves to its IPv4 address.
     */
    Optional<AvahiWire.Resolved> resolveService(AvahiWire.Item item) throws CallFailed {
        return AvahiWire.resolved(server("ResolveService", "iisssiu", item.interfaceIndex(), item.protocol(),
                item.name(), item.type(), item.domain(), item.protocol(), new UInt32(0)));
    }

    /** {@code GetNetworkInterfaceNameByIndex(i) → s}, asked of avahi: it may run in another namespace. */
    Optional<String> interfaceName(int index) throws CallFailed {
        Object[] reply = server("GetNetworkInterfaceNameByIndex", "i", index);
        return reply.length == 1 && reply[0] instanceof String name ? Optional.of(name) : Optional.empty();
    }

    private Object[] server(String member, String signature, Object... args) throws CallFailed {
        return call(AvahiWire.NAME, "/", AvahiWire.SERVER, member, signature, args);
    }

    private Object[] call(String destination, String path, String iface, String member, String signature,
            Object... args) throws CallFailed {
        Message reply;
        try {
            MethodCall call = connection.getMessageFactory().createMethodCall(destination, path, iface, member,
                    (byte) 0, signature, args);
            connection.sendMessage(call);
            reply = call.getReply(timeout.toMillis());
        } catch (DBusException | RuntimeException e) {
            throw new CallFailed(member, String.valueOf(e.getMessage()));
        }
        if (reply == null) {
            throw new CallFailed(member, "no reply within " + timeout.toMillis() + " ms");
        }
        try {
            if (reply instanceof Error error) {
                throw new CallFailed(member, error.getName() + ": " + List.of(error.getParameters()));
            }
            return reply.getParameters();
        } catch (DBusException e) {
            throw new CallFailed(member, "unreadable reply: " + e.getMessage());
        }
    }
}
