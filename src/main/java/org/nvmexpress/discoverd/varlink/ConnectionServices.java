package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.nvmexpress.discoverd.daemon.DaemonControl;

/**
 * What the server lends each of its connections; all of it thread-safe and owned (closed) by
 * the server.
 *
 * @param dispatcher the methods
 * @param daemon     for {@code Monitor}'s subscription
 * @param settings   the limits
 * @param peers      who the peer is
 * @param threads    runs a {@code Monitor} client's reader next to its writer
 * @param deadlines  closes a connection whose reply is not read in time
 * @param problems   the bounded log of misbehaving clients
 * @param json       the mapper
 */
record ConnectionServices(Dispatcher dispatcher, DaemonControl daemon, VarlinkSettings settings, PeerUid peers,
        ExecutorService threads, ScheduledExecutorService deadlines, ClientProblems problems, ObjectMapper json) {
    ConnectionServices {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(daemon, "daemon");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(json, "json");
    }
}
