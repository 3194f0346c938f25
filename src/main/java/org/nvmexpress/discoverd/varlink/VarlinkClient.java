package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * {@link VarlinkCalls} over a unix socket (junixsocket), with the same framing as the server.
 * Replies bigger than {@link MessageReader#MAX_MESSAGE_BYTES} are accepted up to
 * {@link #MAX_REPLY_BYTES}: {@code ListControllers} of 10,000 controllers is several MiB.
 */
public final class VarlinkClient implements VarlinkCalls {
    /** sd-varlink's own limit for a message it receives. */
    public static final int MAX_REPLY_BYTES = 16 << 20;

    private final AFUNIXSocket socket;
    private final MessageReader reader;
    private final MessageWriter writer;

    private VarlinkClient(AFUNIXSocket socket, ObjectMapper json) throws IOException {
        this.socket = socket;
        this.reader = new MessageReader(socket.getInputStream(), json, MAX_REPLY_BYTES);
        this.writer = new MessageWriter(socket.getOutputStream(), json);
    }

    /** Connects to the service at {@code socket} (e.g. {@link VarlinkSocket#under}). */
    public static VarlinkClient connect(Path socket) throws IOException {
        AFUNIXSocket s = AFUNIXSocket.newInstance();
        try {
            s.connect(AFUNIXSocketAddress.of(socket));
            return new VarlinkClient(s, VarlinkJson.mapper());
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public JsonNode call(String method, JsonNode parameters) throws VarlinkError, IOException {
        send(method, parameters, false);
        return parametersOf(receive(method));
    }

    @Override
    public void callMore(String method, JsonNode parameters, Consumer<JsonNode> each) throws VarlinkError, IOException {
        Objects.requireNonNull(each, "each");
        send(method, parameters, true);
        while (true) {
            Optional<JsonNode> reply = reader.next();
            if (reply.isEmpty()) {
                return; // the service closed the stream: its last reply
            }
            JsonNode message = checked(reply.get());
            each.accept(parametersOf(message));
            if (!message.path("continues").asBoolean(false)) {
                return;
            }
        }
    }

    private void send(String method, JsonNode parameters, boolean more) throws IOException {
        ObjectNode call = JsonNodeFactory.instance.objectNode();
        call.put("method", Objects.requireNonNull(method, "method"));
        call.set("parameters", parameters == null ? JsonNodeFactory.instance.objectNode() : parameters);
        if (more) {
            call.put("more", true);
        }
        writer.write(call);
    }

    private JsonNode receive(String method) throws IOException, VarlinkError {
        return checked(reader.next().orElseThrow(
                () -> new ProtocolException("the service closed the connection without answering " + method)));
    }

    private static JsonNode checked(JsonNode message) throws VarlinkError, ProtocolException {
        JsonNode error = message.get("error");
        if (error != null) {
            if (!error.isTextual()) {
                throw new ProtocolException("reply's \"error\" is not a string");
            }
            throw new VarlinkError(error.textValue(), parametersOf(message));
        }
        return message;
    }

    private static JsonNode parametersOf(JsonNode message) {
        JsonNode parameters = message.get("parameters");
        return parameters == null || parameters.isNull() ? JsonNodeFactory.instance.objectNode() : parameters;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
