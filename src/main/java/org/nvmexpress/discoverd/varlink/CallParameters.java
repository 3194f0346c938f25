package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A call's parameters, read against what the method declares: a parameter the method does not
 * have, or one of the wrong type, is {@code InvalidParameter} with its name, as systemd's
 * services answer. A JSON {@code null} is the same as an absent optional parameter.
 */
final class CallParameters {
    private final ObjectNode parameters;

    private CallParameters(ObjectNode parameters) {
        this.parameters = parameters;
    }

    /** The parameters, after checking that each is one of {@code declared}. */
    static CallParameters of(ObjectNode parameters, Set<String> declared) throws VarlinkError {
        for (Iterator<String> names = parameters.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!declared.contains(name)) {
                throw ServiceErrors.invalidParameter(name);
            }
        }
        return new CallParameters(parameters);
    }

    Optional<String> optionalString(String name) throws VarlinkError {
        JsonNode value = parameters.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ServiceErrors.invalidParameter(name);
        }
        return Optional.of(value.textValue());
    }

    String requiredString(String name) throws VarlinkError {
        return optionalString(name).orElseThrow(() -> ServiceErrors.invalidParameter(name));
    }

    OptionalInt optionalInt(String name) throws VarlinkError {
        JsonNode value = parameters.get(name);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ServiceErrors.invalidParameter(name);
        }
        return OptionalInt.of(value.intValue());
    }
}
