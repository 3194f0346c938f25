package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.daemon.DaemonEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code Monitor} call: every daemon event from now on, one reply each with
 * {@code continues: true}, until the client leaves. The daemon's thread only appends to this
 * client's queue (never blocks); the connection's thread writes; a second thread reads, to notice
 * the client leaving while no event comes. More than {@link VarlinkSettings#monitorQueue()}
 * events not yet written close the connection: a client that does not read falls behind alone.
 */
final class MonitorStream {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorStream.class);
    /** The queue's end marker, put by the reader when the client leaves or the socket closes. */
    private static final Optional<DaemonEvent> END = Optional.empty();

    private final Connection connection;
    private final ConnectionServices services;
    /** Unbounded as a structure, bounded by {@link #pending}, so {@link #END} always fits. */
    private final BlockingQueue<Optional<DaemonEvent>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    MonitorStream(Connection connection, ConnectionServices services) {
        this.connection = connection;
        this.services = services;
    }

    void run(MessageReader reader) throws IOException, InterruptedException {
        try (DaemonControl.Subscription subscription = services.daemon().subscribe(this::offer)) {
            try {
                services.threads().execute(() -> watch(reader));
            } catch (RejectedExecutionException e) {
                // Only a closing server rejects work; the connection ends with it.
                return;
            }
            while (true) {
                Optional<DaemonEvent> next = queue.take();
                if (next.isEmpty()) {
                    return;
                }
                pending.decrementAndGet();
                ObjectNode parameters = ServiceErrors.object();
                parameters.set("event", SnapshotJson.event(next.get()));
                connection.send(Connection.reply(parameters, true));
            }
        }
    }

    /** On the daemon's thread: must not block. */
    private void offer(DaemonEvent event) {
        if (pending.incrementAndGet() > services.settings().monitorQueue()) {
            connection.abort("Monitor: more than " + services.settings().monitorQueue()
                    + " events not read: disconnected");
            return;
        }
        queue.add(Optional.of(event));
    }

    /** On the second thread: any message, end of stream or failure ends the stream. */
    private void watch(MessageReader reader) {
        try {
            Optional<JsonNode> message = reader.next();
            if (message.isPresent()) {
                connection.abort("sent a call while its Monitor stream was open (the stream never ends): disconnected");
            }
        } catch (ProtocolException e) {
            connection.abort(e.getMessage() + ": disconnected");
        } catch (IOException e) {
            // Closed by the client, by an abort (reported there), or by the server's close.
            LOG.debug("{} - Monitor stream ended: {}", connection.subject(), e.toString());
        } finally {
            queue.add(END);
        }
    }
}
