package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits a varlink byte stream into messages: each is one JSON object followed by a NUL byte
 * (varlink.org, "Protocol"). Written by hand because no maintained Java varlink library exists;
 * Jackson only parses the bytes between two NULs.
 *
 * <p>Reads in blocks, so one read may carry several messages or part of one; the bytes after a
 * message's NUL are kept for the next call. A message is capped at {@link #MAX_MESSAGE_BYTES}
 * (NUL excluded): a larger one is a {@link ProtocolException} as soon as the cap is passed, so a
 * peer cannot make the reader buffer more than that. Not thread-safe: one reader per connection.
 */
public final class MessageReader {
    /** VARLINK.md "Robustness": 1 MiB per message. */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final int READ_BLOCK_BYTES = 8192;

    private final InputStream in;
    private final ObjectMapper json;
    private final int maxMessageBytes;
    /** Bytes read but not yet returned: {@code buffer[start, end)}. */
    private byte[] buffer = new byte[READ_BLOCK_BYTES];
    private int start;
    private int end;

    public MessageReader(InputStream in, ObjectMapper json) {
        this(in, json, MAX_MESSAGE_BYTES);
    }

    MessageReader(InputStream in, ObjectMapper json, int maxMessageBytes) {
        this.in = Objects.requireNonNull(in, "in");
        this.json = Objects.requireNonNull(json, "json");
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * The next message, or empty when the peer closed the stream between two messages.
     *
     * @throws ProtocolException when the message is too big, is not a JSON object, or the stream
     *                           ends inside it
     * @throws IOException       when reading fails (including a read timeout)
     */
    public Optional<JsonNode> next() throws IOException {
        // Bytes of the pending message already searched for a NUL, relative to start (fill moves start).
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == 0) {
                    return Optional.of(parse(i));
                }
            }
            scanned = end - start;
            if (end - start > maxMessageBytes) {
                throw new ProtocolException("message longer than " + maxMessageBytes + " bytes");
            }
            if (!fill()) {
                if (end == start) {
                    return Optional.empty();
                }
                throw new ProtocolException("connection closed inside a message (" + (end - start) + " bytes)");
            }
        }
    }

    private JsonNode parse(int nul) throws ProtocolException {
        int length = nul - start;
        if (length > maxMessageBytes) {
            throw new ProtocolException("message longer than " + maxMessageBytes + " bytes");
        }
        int from = start;
        start = nul + 1;
        JsonNode message;
        try {
            message = json.readTree(buffer, from, length);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // Parsing a byte array does no I/O.
            throw new AssertionError(e);
        }
        if (message == null || !message.isObject()) {
            throw new ProtocolException("message is not a JSON object");
        }
        return message;
    }

    /** Reads one block; false at end of stream. Compacts or grows the buffer first. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            // Room for one byte past the cap, enough to tell "too long" from "exactly the cap".
            int grown = Math.min(buffer.length * 2, maxMessageBytes + READ_BLOCK_BYTES);
            buffer = Arrays.copyOf(buffer, Math.max(grown, buffer.length + 1));
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }
}
