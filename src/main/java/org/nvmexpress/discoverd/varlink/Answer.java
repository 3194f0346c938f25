package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** What a method decided to answer, for the connection to send (errors are {@link VarlinkError}s). */
sealed interface Answer {

    /** One reply, the last. */
    record Reply(ObjectNode parameters) implements Answer {
        public Reply {
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    /** Stream the daemon's events, one reply each, until the client leaves ({@code Monitor}). */
    record Events() implements Answer {
    }
}
