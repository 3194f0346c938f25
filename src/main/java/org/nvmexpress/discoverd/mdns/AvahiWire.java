package org.nvmexpress.discoverd.mdns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What avahi-daemon's D-Bus API sends, read from dbus-java's untyped arguments (avahi's
 * {@code avahi-daemon/org.freedesktop.Avahi.ServiceBrowser.xml} and {@code …Server.xml}). Kept apart
 * from the connection so the reading is unit-tested without a bus.
 */
final class AvahiWire {
    static final String NAME = "org.freedesktop.Avahi";
    static final String SERVER = "org.freedesktop.Avahi.Server";
    static final String SERVICE_BROWSER = "org.freedesktop.Avahi.ServiceBrowser";
    /** {@code AVAHI_IF_UNSPEC}, {@code AVAHI_PROTO_UNSPEC}: every interface, both families. */
    static final int UNSPEC = -1;
    /** {@code AVAHI_PROTO_INET6}; {@code AVAHI_PROTO_INET} is 0. */
    static final int PROTO_INET6 = 1;

    private AvahiWire() {
    }

    /** An {@code ItemNew} or {@code ItemRemove}: {@code (i interface, i protocol, s name, s type, s domain, u flags)}. */
    record Item(int interfaceIndex, int protocol, String name, String type, String domain) {
        boolean ipv6() {
            return protocol == PROTO_INET6;
        }

        ServiceInstance.Key key(String interfaceName) {
            return new ServiceInstance.Key(name, type, domain, interfaceName, ipv6());
        }
    }

    /** What {@code ResolveService} answers that we use: address, port and TXT. */
    record Resolved(String address, int port, List<byte[]> txt) {
    }

    /** The item a signal carries; empty when its arguments are not the documented ones. */
    static Optional<Item> item(Object[] args) {
        if (args.length < 5 || !(args[0] instanceof Integer iface) || !(args[1] instanceof Integer protocol)
                || !(args[2] instanceof String name) || !(args[3] instanceof String type)
                || !(args[4] instanceof String domain)) {
            return Optional.empty();
        }
        return Optional.of(new Item(iface, protocol, name, type, domain));
    }

    /**
     * {@code ResolveService}'s reply: {@code (i interface, i protocol, s name, s type, s domain,
     * s host, i aprotocol, s address, q port, aay txt, u flags)}; empty when it is not that shape.
     */
    static Optional<Resolved> resolved(Object[] reply) {
        if (reply.length < 10 || !(reply[7] instanceof String address) || !(reply[8] instanceof Number port)) {
            return Optional.empty();
        }
        return txtItems(reply[9]).map(txt -> new Resolved(address, port.intValue() & 0xffff, txt));
    }

    /**
     * An {@code aay} as dbus-java hands it over without a typed proxy: a list whose elements are
     * {@code byte[]} or lists of {@code Byte}, depending on how it was demarshalled.
     */
    static Optional<List<byte[]>> txtItems(Object value) {
        if (!(value instanceof List<?> list)) {
            return Optional.empty();
        }
        List<byte[]> items = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof byte[] bytes) {
                items.add(bytes.clone());
            } else if (element instanceof List<?> boxed) {
                byte[] bytes = new byte[boxed.size()];
                for (int i = 0; i < bytes.length; i++) {
                    if (!(boxed.get(i) instanceof Byte b)) {
                        return Optional.empty();
                    }
                    bytes[i] = b;
                }
                items.add(bytes);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(items);
    }

    /** Whether {@code type} is one we browse (a signal of another client's browser never is). */
    static boolean browsed(String type) {
        return ServiceInstance.TYPE_TCP.equals(type) || ServiceInstance.TYPE_UDP.equals(type);
    }
}
