package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A client's connection to a varlink service: one call at a time, each answered by a reply or,
 * with {@code more}, by replies until the last ({@code continues: false}). Not thread-safe.
 */
public interface VarlinkCalls extends AutoCloseable {

    /**
     * Calls {@code method} ({@code interface.Method}) and returns the reply's {@code parameters}.
     *
     * @throws VarlinkError when the service answers with an error
     * @throws IOException  when the connection fails or the reply is not varlink
     */
    JsonNode call(String method, JsonNode parameters) throws VarlinkError, IOException;

    /**
     * Calls {@code method} with {@code more} and hands each reply's {@code parameters} to
     * {@code each}, until the service sends its last reply or closes the connection.
     */
    void callMore(String method, JsonNode parameters, Consumer<JsonNode> each) throws VarlinkError, IOException;

    @Override
    void close() throws IOException;
}
