package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One varlink call as received: {@code {"method": "iface.Method", "parameters": {...}, "more":
 * bool, "oneway": bool}} (varlink.org). Absent {@code parameters} means none, absent flags false.
 *
 * @param method     the qualified method name
 * @param parameters its parameters (never {@code null}; the caller must not mutate it)
 * @param more       the client accepts several replies
 * @param oneway     the client wants no reply at all
 */
public record Call(String method, ObjectNode parameters, boolean more, boolean oneway) {
    public Call {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** The interface part of {@link #method()}: everything before the last dot. */
    public String interfaceName() {
        int dot = method.lastIndexOf('.');
        return dot < 0 ? "" : method.substring(0, dot);
    }

    /** The method's own name: everything after the last dot. */
    public String memberName() {
        return method.substring(method.lastIndexOf('.') + 1);
    }

    /**
     * Reads a call out of a message. A message that is no call breaks the protocol (there is no
     * method to address an error reply to), so it is a {@link ProtocolException}.
     */
    public static Call of(JsonNode message) throws ProtocolException {
        JsonNode method = message.get("method");
        if (method == null || !method.isTextual() || method.asText().isEmpty()) {
            throw new ProtocolException("call without a method name");
        }
        JsonNode parameters = message.get("parameters");
        ObjectNode params;
        if (parameters == null || parameters.isNull()) {
            params = JsonNodeFactory.instance.objectNode();
        } else if (parameters.isObject()) {
            params = (ObjectNode) parameters;
        } else {
            throw new ProtocolException("parameters of " + method.asText() + " are not an object");
        }
        return new Call(method.asText(), params, flag(message, "more"), flag(message, "oneway"));
    }

    private static boolean flag(JsonNode message, String name) throws ProtocolException {
        JsonNode value = message.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new ProtocolException("\"" + name + "\" is not a boolean");
        }
        return value.booleanValue();
    }
}
