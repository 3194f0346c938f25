package org.nvmexpress.discoverd.tid;

/**
 * A TID that cannot exist: a bad token in its text form, an address its transport does not accept,
 * or an inconsistent host identity. The message names the offending token, field or value.
 */
public final class InvalidTransportIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidTransportIdException(String message) {
        super(message);
    }
}
