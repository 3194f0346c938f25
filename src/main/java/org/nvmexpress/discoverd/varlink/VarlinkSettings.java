package org.nvmexpress.discoverd.varlink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The server's limits (VARLINK.md "Robustness"); tests shorten the timeouts.
 *
 * @param socket           the socket's path
 * @param idleTimeout      a client that sends nothing for this long between or inside calls is
 *                         disconnected; also the longest one reply may take to write
 * @param maxClients       clients served at once; more wait in the listen backlog
 * @param monitorQueue     events queued for one {@code Monitor} client before it is disconnected
 * @param closeTimeout     how long {@link VarlinkServer#close()} waits for its threads
 * @param info             what {@code GetInfo} answers besides the version
 */
public record VarlinkSettings(Path socket, Duration idleTimeout, int maxClients, int monitorQueue,
        Duration closeTimeout, ServiceInfo info) {
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final int MAX_CLIENTS = 64;
    /** Generous for a burst (a reload of 10,000 controllers logs about one event each). */
    public static final int MONITOR_QUEUE = 16_384;
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    public VarlinkSettings {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(info, "info");
        positive(idleTimeout, "idleTimeout");
        positive(closeTimeout, "closeTimeout");
        if (maxClients <= 0) {
            throw new IllegalArgumentException("maxClients must be positive: " + maxClients);
        }
        if (monitorQueue <= 0) {
            throw new IllegalArgumentException("monitorQueue must be positive: " + monitorQueue);
        }
    }

    /** VARLINK.md's limits for a socket at {@code socket}. */
    public static VarlinkSettings defaults(Path socket) {
        return new VarlinkSettings(socket, IDLE_TIMEOUT, MAX_CLIENTS, MONITOR_QUEUE, CLOSE_TIMEOUT,
                ServiceInfo.NVME_DISCOVERD);
    }

    public VarlinkSettings withIdleTimeout(Duration timeout) {
        return new VarlinkSettings(socket, timeout, maxClients, monitorQueue, closeTimeout, info);
    }

    public VarlinkSettings withMaxClients(int max) {
        return new VarlinkSettings(socket, idleTimeout, max, monitorQueue, closeTimeout, info);
    }

    public VarlinkSettings withMonitorQueue(int events) {
        return new VarlinkSettings(socket, idleTimeout, maxClients, events, closeTimeout, info);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days: " + d);
        }
    }
}
