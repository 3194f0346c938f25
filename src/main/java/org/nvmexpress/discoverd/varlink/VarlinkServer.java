package org.nvmexpress.discoverd.varlink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.nvmexpress.discoverd.config.LogLevel;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.systemd.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's varlink socket (VARLINK.md): binds it, accepts clients and serves each on its own
 * thread, at most {@link VarlinkSettings#maxClients()} at once. The acceptor takes a client slot
 * before it accepts, so the clients beyond the limit wait in the kernel's listen backlog, not in
 * a queue of ours. Threads: one acceptor, one per client (two while it runs {@code Monitor}), one
 * for reply deadlines; Java 17 has no virtual threads, and the slot count bounds them all.
 *
 * <p>Start with {@link #start}, stop with {@link #close()}: it stops accepting, closes every
 * connection, waits at most {@link VarlinkSettings#closeTimeout()} for the threads and removes
 * the socket file.
 */
public final class VarlinkServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VarlinkServer.class);
    /** Room for the clients beyond the limit; the kernel caps it at net.core.somaxconn. */
    private static final int BACKLOG = 128;

    private final VarlinkSettings settings;
    private final AFUNIXServerSocket server;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final ScheduledExecutorService deadlines;
    private final ConnectionServices services;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread acceptor;

    private VarlinkServer(VarlinkSettings settings, AFUNIXServerSocket server, Dispatcher dispatcher,
            DaemonControl daemon, PeerUid peers) {
        this.settings = settings;
        this.server = server;
        this.slots = new Semaphore(settings.maxClients());
        // Two threads per client at most (a Monitor's reader and writer): never more than the cap.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 2 * settings.maxClients(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), named("varlink-client"));
        this.threads = pool;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("varlink-deadlines"));
        timer.setRemoveOnCancelPolicy(true); // a deadline is cancelled after almost every write
        this.deadlines = timer;
        this.services = new ConnectionServices(dispatcher, daemon, settings, peers, threads, deadlines,
                new ClientProblems(), VarlinkJson.mapper());
        this.acceptor = named("varlink-accept").newThread(this::acceptLoop);
    }

    /**
     * The daemon's server at {@code socket} with VARLINK.md's limits: uids from
     * {@code SO_PEERCRED}, {@code SetLogLevel} acting on {@link Logging#setThreshold}.
     */
    public static VarlinkServer start(Path socket, DaemonControl daemon) throws IOException {
        return start(VarlinkSettings.defaults(socket), daemon, PeerUid.SO_PEERCRED, Logging::setThreshold);
    }

    /**
     * A server with the given limits and seams. Removes a stale socket file, creates the parent
     * directory, binds and makes the socket 0666 (anyone may read; methods check the uid).
     */
    public static VarlinkServer start(VarlinkSettings settings, DaemonControl daemon, PeerUid peers,
            Consumer<LogLevel> threshold) throws IOException {
        Dispatcher dispatcher = Dispatcher.forDaemon(daemon, settings.info(), threshold);
        Path path = settings.socket();
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.deleteIfExists(path);
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        try {
            server.bind(AFUNIXSocketAddress.of(path), BACKLOG);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        VarlinkServer started = new VarlinkServer(settings, server, dispatcher, daemon, Objects.requireNonNull(peers, "peers"));
        started.acceptor.start();
        LOG.info("varlink: listening on {}", path);
        return started;
    }

    public Path path() {
        return settings.socket();
    }

    /** Clients being served now. */
    int openClients() {
        return open.size();
    }

    /** Clients accepted since the start. */
    long acceptedClients() {
        return accepted.get();
    }

    /** Clients disconnected for misbehaving since the start. */
    long clientProblems() {
        return services.problems().count();
    }

    private void acceptLoop() {
        while (closing.getCount() > 0) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return; // close() interrupts a full server's acceptor
            }
            AFUNIXSocket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                slots.release();
                if (closing.getCount() == 0) {
                    return;
                }
                if (!acceptFailed(e)) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            serve(socket);
        }
    }

    /**
     * An accept that failed on an open server (EMFILE, say): logged, then retried after a pause
     * so a lasting failure neither spins nor floods the log. False when closing during the pause.
     */
    private boolean acceptFailed(IOException e) {
        LOG.error("varlink: accepting a client on {} failed; retrying in 1 s", settings.socket(), e);
        try {
            return !closing.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            return false;
        }
    }

    private void serve(AFUNIXSocket socket) {
        Connection[] self = new Connection[1];
        Connection connection = new Connection(socket, services, () -> {
            open.remove(self[0]);
            slots.release();
        });
        self[0] = connection;
        open.add(connection);
        try {
            threads.execute(connection);
        } catch (RuntimeException e) {
            // Rejected: the server is closing.
            open.remove(connection);
            connection.close();
            slots.release();
        }
    }

    @Override
    public void close() throws IOException {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        IOException failure = null;
        try {
            server.close();
        } catch (IOException e) {
            failure = e;
        }
        acceptor.interrupt();
        open.forEach(Connection::close);
        threads.shutdownNow();
        deadlines.shutdownNow();
        try {
            long bound = settings.closeTimeout().toMillis();
            acceptor.join(bound);
            if (!threads.awaitTermination(bound, TimeUnit.MILLISECONDS) || acceptor.isAlive()) {
                LOG.warn("varlink: some client threads did not end within {} ms of closing", bound);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(settings.socket());
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory base = Executors.defaultThreadFactory();
        return runnable -> {
            Thread thread = base.newThread(runnable);
            thread.setName(prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true); // never keeps the JVM alive past the daemon's own shutdown
            return thread;
        };
    }
}
