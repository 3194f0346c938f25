package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A varlink error reply: its qualified name ({@code org.varlink.service.MethodNotFound}) and parameters. */
public final class VarlinkError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final transient JsonNode parameters;

    public VarlinkError(String error, JsonNode parameters) {
        super(Objects.requireNonNull(error, "error") + (parameters == null || parameters.isEmpty() ? "" : " " + parameters));
        this.error = error;
        this.parameters = parameters;
    }

    /** The error's qualified name. */
    public String error() {
        return error;
    }

    /** Its parameters (an empty object when it has none). */
    public JsonNode parameters() {
        return parameters;
    }
}
