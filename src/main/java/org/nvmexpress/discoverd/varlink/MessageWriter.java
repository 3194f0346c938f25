package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes varlink messages: the JSON object's bytes and a NUL, in one write so a message is never
 * interleaved with another's bytes. Not thread-safe: the connection decides who writes when.
 */
public final class MessageWriter {
    private final OutputStream out;
    private final ObjectMapper json;

    public MessageWriter(OutputStream out, ObjectMapper json) {
        this.out = Objects.requireNonNull(out, "out");
        this.json = Objects.requireNonNull(json, "json");
    }

    public void write(JsonNode message) throws IOException {
        byte[] body = json.writeValueAsBytes(message);
        byte[] framed = new byte[body.length + 1];
        System.arraycopy(body, 0, framed, 0, body.length);
        out.write(framed);
        out.flush();
    }
}
