package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A stand-in for systemd-resolved's {@code io.systemd.Resolve} socket that replays replies in the
 * JSON shape systemd 258 sends (see {@link ResolvedBrowserTest} for the recorded messages and
 * where each comes from). Each {@code BrowseServices} stream is fed from a queue per service type
 * ({@link #push}); {@link #END} in the queue closes that stream. {@code ResolveService} is answered
 * from {@link #resolveReplies} by instance name. Records every call it receives.
 */
final class FakeResolved implements AutoCloseable {
    /** Pushed to a browse queue: the service closes that stream, as a stopping resolved does. */
    static final String END = "END";

    private final ObjectMapper json = VarlinkJson.mapper();
    private final AFUNIXServerSocket server;
    private final Map<String, BlockingQueue<String>> browseQueues = new ConcurrentHashMap<>();
    final Map<String, String> resolveReplies = new ConcurrentHashMap<>();
    final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    /** Returned by GetInterfaceDescription of io.systemd.Resolve. */
    volatile String description = "interface io.systemd.Resolve\n";
    /** When set, BrowseServices is answered with this error, as resolved before 258 answers. */
    volatile String browseError;

    FakeResolved(Path socket) throws IOException {
        server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socket));
        Thread acceptor = new Thread(this::accept, "fake-resolved");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Queues a reply (its whole JSON text) or {@link #END} for the browse stream of {@code type}. */
    void push(String type, String message) {
        queue(type).add(message);
    }

    private BlockingQueue<String> queue(String type) {
        return browseQueues.computeIfAbsent(type, t -> new LinkedBlockingQueue<>());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                AFUNIXSocket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fake-resolved-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed by the test
            }
        }
    }

    private void serve(AFUNIXSocket s) {
        try (s) {
            MessageReader in = new MessageReader(s.getInputStream(), json);
            MessageWriter out = new MessageWriter(s.getOutputStream(), json);
            for (Optional<JsonNode> call = in.next(); call.isPresent(); call = in.next()) {
                calls.add(call.get());
                String method = call.get().path("method").asText();
                JsonNode p = call.get().path("parameters");
                if (method.equals(ResolvedWire.BROWSE)) {
                    if (browseError != null) {
                        out.write(json.readTree("{\"error\":\"" + browseError + "\",\"parameters\":{}}"));
                        continue;
                    }
                    BlockingQueue<String> q = queue(p.path("type").asText());
                    for (String m = q.take(); !m.equals(END); m = q.take()) {
                        out.write(json.readTree(m));
                    }
                    return;
                }
                if (method.equals("org.varlink.service.GetInterfaceDescription")) {
                    out.write(json.createObjectNode().set("parameters",
                            json.createObjectNode().put("description", description)));
                    continue;
                }
                String reply = resolveReplies.get(p.path("name").asText());
                out.write(json.readTree(reply != null ? reply
                        : "{\"error\":\"io.systemd.Resolve.NoSuchResourceRecord\",\"parameters\":{}}"));
            }
        } catch (IOException e) {
            // the browser closed the connection: what it does on close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        browseQueues.values().forEach(q -> q.add(END));
    }
}
