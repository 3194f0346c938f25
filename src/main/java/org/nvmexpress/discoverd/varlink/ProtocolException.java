package org.nvmexpress.discoverd.varlink;

import java.io.IOException;

/**
 * The peer broke the varlink protocol (an oversized or unterminated message, invalid JSON, a call
 * without a method): the connection cannot be trusted to stay in step, so it is closed. Carries a
 * message fit for the one log line a misbehaving client gets.
 */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
