package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One object of a daemon's reply, read strictly: a field VARLINK.md requires that is missing or of
 * the wrong type is an {@link IOException} naming the type and the field, so the commands say
 * "unexpected reply" instead of printing half a table. Optional fields may be absent or null.
 */
final class ReplyNode {
    private final JsonNode node;
    private final String type;

    private ReplyNode(JsonNode node, String type) {
        this.node = node;
        this.type = type;
    }

    /** {@code node}, an object of VARLINK.md's type {@code type}. */
    static ReplyNode of(JsonNode node, String type) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException("unexpected reply from nvme-discoverd: " + type + " is not an object: " + node);
        }
        return new ReplyNode(node, type);
    }

    /** The object in field {@code name}, of type {@code fieldType}. */
    ReplyNode object(String name, String fieldType) throws IOException {
        JsonNode value = node.get(name);
        if (value == null || !value.isObject()) {
            throw wrong(name, "an object");
        }
        return new ReplyNode(value, fieldType);
    }

    String string(String name) throws IOException {
        return optionalString(name).orElseThrow(() -> wrong(name, "a string"));
    }

    Optional<String> optionalString(String name) throws IOException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrong(name, "a string");
        }
        return Optional.of(value.asText());
    }

    long integer(String name) throws IOException {
        OptionalLong value = optionalInteger(name);
        if (value.isEmpty()) {
            throw wrong(name, "an integer");
        }
        return value.getAsLong();
    }

    OptionalLong optionalInteger(String name) throws IOException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw wrong(name, "an integer");
        }
        return OptionalLong.of(value.asLong());
    }

    List<String> strings(String name) throws IOException {
        return optionalStrings(name).orElseThrow(() -> wrong(name, "a list of strings"));
    }

    /** A list VARLINK.md does not have (yet) but the daemon may send, such as {@code sourceDetails}. */
    Optional<List<String>> optionalStrings(String name) throws IOException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw wrong(name, "a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw wrong(name, "a list of strings");
            }
            strings.add(element.asText());
        }
        return Optional.of(strings);
    }

    /** Every element of the list in field {@code name}, each an object of {@code elementType}. */
    List<ReplyNode> objects(String name, String elementType) throws IOException {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            throw wrong(name, "a list");
        }
        List<ReplyNode> objects = new ArrayList<>();
        for (JsonNode element : value) {
            objects.add(of(element, elementType));
        }
        return objects;
    }

    private IOException wrong(String field, String expected) {
        return new IOException("unexpected reply from nvme-discoverd: " + type + "." + field + " is not " + expected
                + ": " + node.get(field));
    }
}
