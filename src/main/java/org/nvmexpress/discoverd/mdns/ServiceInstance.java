package org.nvmexpress.discoverd.mdns;

import java.util.Map;
import java.util.Objects;

/**
 * One DNS-SD service instance a browser found and resolved: an announcement of a discovery
 * controller (TP8009). Its {@link #key()} names it across announce and withdrawal; the rest is
 * what the resolution said.
 *
 * @param key       which instance, on which interface
 * @param address   the resolved address, numeric (IPv4 dotted quad or IPv6 text)
 * @param port      the service's port
 * @param txt       the TXT record's {@code key=value} pairs, keys lower-cased; a key without
 *                  {@code =} maps to the empty string
 */
public record ServiceInstance(Key key, String address, int port, Map<String, String> txt) {
    /** The DNS-SD service types of NVMe-oF discovery controllers: TCP, and RDMA announced over UDP. */
    public static final String TYPE_TCP = "_nvme-disc._tcp";
    public static final String TYPE_UDP = "_nvme-disc._udp";

    public ServiceInstance {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        txt = Map.copyOf(txt);
    }

    /**
     * What names an instance: the same name announced on two interfaces is two instances.
     *
     * @param name          the instance name, e.g. {@code NVMe-oF CDC on array-a}
     * @param type          {@link #TYPE_TCP} or {@link #TYPE_UDP}
     * @param domain        normally {@code local}
     * @param interfaceName the network interface it was seen on, e.g. {@code eth0}
     * @param ipv6          whether it was seen over IPv6
     */
    public record Key(String name, String type, String domain, String interfaceName, boolean ipv6) {
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(interfaceName, "interfaceName");
        }
    }
}
