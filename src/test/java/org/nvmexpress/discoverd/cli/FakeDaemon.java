package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import picocli.CommandLine;

/**
 * A daemon for the commands that talk to it: canned replies (JSON text shaped as VARLINK.md's) or
 * errors per method, a scripted {@code Monitor} stream, and a Ctrl-C button; records every call.
 * Also the connector, the interrupts and the picocli factory that hand it to the commands, with a
 * clock fixed at {@link #NOW}.
 */
final class FakeDaemon implements VarlinkCalls, DaemonConnector, Interrupts, CommandLine.IFactory {
    /** 2025-01-15 10:00:00 UTC, the fixtures' "now". */
    static final Instant NOW = Instant.ofEpochSecond(1_736_935_200L);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> replies = new HashMap<>();
    private final List<String> events = new ArrayList<>();
    /** Every call, as {@code Method {parameters}}. */
    final List<String> calls = new ArrayList<>();
    /** Every socket a command connected to. */
    final List<Path> sockets = new ArrayList<>();
    private IOException connectFailure;
    private int ctrlCAfter = -1;
    private int dropAfter = -1;
    private Runnable onInterrupt;
    boolean closed;

    /** {@code method} (without the interface) answers {@code parameters}, JSON text. */
    FakeDaemon reply(String method, String parameters) {
        replies.put(method, parameters);
        return this;
    }

    /** {@code method} answers the error {@code name} with {@code parameters}, JSON text. */
    FakeDaemon error(String method, String name, String parameters) {
        replies.put(method, new VarlinkError(name, parse(parameters)));
        return this;
    }

    /** Monitor streams {@code event} (an Event's JSON text), then ends when no more follow. */
    FakeDaemon event(String event) {
        events.add(event);
        return this;
    }

    /** The user presses Ctrl-C once {@code count} events are out. */
    FakeDaemon ctrlCAfter(int count) {
        ctrlCAfter = count;
        return this;
    }

    /** The connection breaks once {@code count} events are out. */
    FakeDaemon dropAfter(int count) {
        dropAfter = count;
        return this;
    }

    /** Connecting fails with {@code e}. */
    FakeDaemon refuse(IOException e) {
        connectFailure = e;
        return this;
    }

    @Override
    public VarlinkCalls connect(Path socket) throws IOException {
        sockets.add(socket);
        if (connectFailure != null) {
            throw connectFailure;
        }
        return this;
    }

    @Override
    public JsonNode call(String method, JsonNode parameters) throws VarlinkError, IOException {
        calls.add(method.substring(DaemonCall.INTERFACE.length()) + " " + parameters);
        Object reply = replies.get(method.substring(DaemonCall.INTERFACE.length()));
        if (reply == null) {
            throw new VarlinkError("org.varlink.service.MethodNotFound", parse("{\"method\": \"" + method + "\"}"));
        }
        if (reply instanceof VarlinkError e) {
            throw e;
        }
        return parse((String) reply);
    }

    @Override
    public void callMore(String method, JsonNode parameters, Consumer<JsonNode> each) throws VarlinkError, IOException {
        calls.add(method.substring(DaemonCall.INTERFACE.length()) + " " + parameters);
        for (int i = 0; i < events.size(); i++) {
            if (i == ctrlCAfter) {
                onInterrupt.run();
            }
            if (closed) {
                throw new IOException("Socket closed");
            }
            if (i == dropAfter) {
                throw new IOException("Connection reset by peer");
            }
            each.accept(parse("{\"event\": " + events.get(i) + "}"));
        }
        if (ctrlCAfter == events.size()) {
            onInterrupt.run();
            throw new IOException("Socket closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void onInterrupt(Runnable action) {
        onInterrupt = action;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        DaemonPorts ports = new DaemonPorts(this, Clock.fixed(NOW, ZoneId.of("UTC")), this);
        try {
            return type.getDeclaredConstructor(DaemonPorts.class).newInstance(ports);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a fixture is not JSON: " + text, e);
        }
    }
}
