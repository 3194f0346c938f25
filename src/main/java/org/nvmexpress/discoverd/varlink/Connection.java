package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.newsclub.net.unix.AFUNIXSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client, served on its own thread from accept to close: reads calls, answers them in order
 * (a client may send several before reading), and closes the connection on the first protocol
 * violation, on {@link VarlinkSettings#idleTimeout()} of silence, or when a reply is not read
 * within that time. Whatever a client does costs only its own thread and socket.
 *
 * <p>Each connection logs at most one line about its client, the first reason it was closed for
 * ({@link ClientProblems}); a client that just leaves is not a problem.
 */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final AFUNIXSocket socket;
    private final ConnectionServices services;
    private final Runnable onEnd;
    /** Why the connection is being closed, when that is the client's fault; first reason wins. */
    private final AtomicReference<String> problem = new AtomicReference<>();
    private volatile String subject = "varlink client";
    private MessageWriter writer;

    /** @param onEnd run once, last, on the connection's thread (frees the client's slot) */
    Connection(AFUNIXSocket socket, ConnectionServices services, Runnable onEnd) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.services = Objects.requireNonNull(services, "services");
        this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
    }

    @Override
    public void run() {
        try {
            Caller caller = new Caller(services.peers().of(socket));
            subject = "varlink client " + caller.describe();
            socket.setSoTimeout(idleMillis());
            writer = new MessageWriter(socket.getOutputStream(), services.json());
            serve(caller, new MessageReader(socket.getInputStream(), services.json()));
        } catch (SocketTimeoutException e) {
            problem("sent nothing for " + services.settings().idleTimeout().toSeconds() + " s: disconnected");
        } catch (ProtocolException e) {
            problem(e.getMessage() + ": disconnected");
        } catch (IOException e) {
            // The client closed or reset the connection, or an abort (already reported) closed it.
            LOG.debug("{} - connection ended: {}", subject, e.toString());
        } catch (InterruptedException e) {
            // The server is closing.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The guard of this adapter thread (STYLE §7 rule 10): a bug here ends one client only.
            LOG.error("{} - unexpected failure, disconnected", subject, e);
        } finally {
            close();
            String reason = problem.get();
            if (reason != null) {
                services.problems().report(subject, reason);
            }
            onEnd.run();
        }
    }

    private void serve(Caller caller, MessageReader reader) throws IOException, InterruptedException {
        while (true) {
            Optional<JsonNode> message = reader.next();
            if (message.isEmpty()) {
                return;
            }
            Call call = Call.of(message.get());
            Answer answer;
            try {
                answer = services.dispatcher().dispatch(call, caller);
            } catch (VarlinkError e) {
                if (!call.oneway()) {
                    send(error(e));
                }
                continue;
            }
            if (call.oneway()) {
                continue;
            }
            if (answer instanceof Answer.Reply reply) {
                send(reply(reply.parameters(), false));
            } else {
                socket.setSoTimeout(0); // a Monitor client is silent by design
                new MonitorStream(this, services).run(reader);
                return;
            }
        }
    }

    /**
     * Writes one message, closing the connection if the client does not take it within the idle
     * timeout (a client that never reads would otherwise hold its thread forever).
     */
    void send(ObjectNode message) throws IOException {
        ScheduledFuture<?> deadline = services.deadlines().schedule(
                () -> abort("did not read its replies for " + services.settings().idleTimeout().toSeconds()
                        + " s: disconnected"),
                idleMillis(), TimeUnit.MILLISECONDS);
        try {
            writer.write(message);
        } finally {
            deadline.cancel(false);
        }
    }

    /** Closes the connection from any thread, for {@code reason} (the client's fault). */
    void abort(String reason) {
        problem(reason);
        close();
    }

    /** Records why the client is disconnected; only the first reason is kept. */
    void problem(String reason) {
        problem.compareAndSet(null, reason);
    }

    String subject() {
        return subject;
    }

    /** Idempotent; any thread. */
    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("{} - closing the connection failed: {}", subject, e.toString());
        }
    }

    static ObjectNode reply(ObjectNode parameters, boolean continues) {
        ObjectNode message = ServiceErrors.object();
        message.set("parameters", parameters);
        if (continues) {
            message.put("continues", true);
        }
        return message;
    }

    static ObjectNode error(VarlinkError error) {
        ObjectNode message = ServiceErrors.object();
        message.put("error", error.error());
        JsonNode parameters = error.parameters();
        message.set("parameters", parameters == null ? ServiceErrors.object() : parameters);
        return message;
    }

    private int idleMillis() {
        return (int) services.settings().idleTimeout().toMillis();
    }
}
