package org.nvmexpress.discoverd.sim.fabric;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A discovery controller announcing itself with DNS-SD (TP8009) on a host interface, from
 * {@code from} until {@code until} (for ever when empty) since the start. At {@code from} a browser
 * reports the instance, at {@code until} its goodbye. Several announcements of one controller are a
 * re-announcement; of one instance on one interface, their windows never overlap.
 *
 * @param discoveryController the name of the announced controller; its port gives address, port and type
 * @param interfaceName       the host interface it is seen on, e.g. {@code eth0}
 * @param instance            the DNS-SD instance name, e.g. {@code NVMe CDC}
 * @param from                when it is first seen
 * @param until               when its goodbye comes; empty: never
 * @param txt                 the TXT record as announced (the file's explicit one, or the default
 *                            {@code p=} of the port's transport and {@code nqn=} of the controller)
 */
public record Announcement(String discoveryController, String interfaceName, String instance, Duration from,
        Optional<Duration> until, Map<String, String> txt) {
    public Announcement {
        Objects.requireNonNull(discoveryController, "discoveryController");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isPresent() && until.get().compareTo(from) <= 0) {
            throw new IllegalArgumentException("an announcement must end after it starts");
        }
        txt = Map.copyOf(txt);
    }

    /** Whether it is announced at {@code t} since the start. */
    public boolean liveAt(Duration t) {
        return t.compareTo(from) >= 0 && until.map(u -> t.compareTo(u) < 0).orElse(true);
    }

    /** The TXT record a controller on a port of {@code transport} announces when the file gives none. */
    public static Map<String, String> defaultTxt(String transport, String nqn) {
        return Map.of("p", transport.equals("rdma") ? "roce" : "tcp", "nqn", nqn);
    }
}
