package org.nvmexpress.discoverd.sim.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the JSON tree of a fabric file, every value at a JSON path, every mistake a
 * problem at that path instead of an exception, so that one reading reports all of them. Counts
 * each node it looks at ({@link #visits()}): what the linear-work property bounds. One thread.
 */
final class FabricJson {
    /** Characters of a value quoted in a message: enough to recognise it, never the whole of a huge one. */
    static final int QUOTED_CHARS = 40;
    /** NVMe base specification: an NQN is at most 223 bytes. */
    static final int MAX_NQN_BYTES = 223;
    /** A name the file gives a port or a discovery controller: a reference, not data. */
    static final int MAX_NAME_CHARS = 64;

    private final Problems problems;
    private long visits;

    FabricJson(Problems problems) {
        this.problems = problems;
    }

    long visits() {
        return visits;
    }

    void problem(String path, String message) {
        problems.add(path, message);
    }

    /** {@code node} as an object whose keys are all in {@code keys}; empty (and a problem) when it is no object. */
    Optional<ObjectNode> object(JsonNode node, String path, List<String> keys) {
        visits++;
        if (!(node instanceof ObjectNode object)) {
            problem(path, "expected an object, found " + kind(node));
            return Optional.empty();
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            visits++;
            if (!keys.contains(name)) {
                problem(at(path, name), "unknown key; expected " + String.join(", ", keys));
            }
        }
        return Optional.of(object);
    }

    /** The elements of the array at {@code key}; empty when it is absent (a problem if {@code required}) or no array. */
    List<JsonNode> array(ObjectNode object, String path, String key, boolean required) {
        JsonNode node = field(object, path, key, required);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ArrayNode array)) {
            problem(at(path, key), "expected an array, found " + kind(node));
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>(array.size());
        array.elements().forEachRemaining(elements::add);
        visits += elements.size();
        return elements;
    }

    /** The string at {@code key}; empty when absent (a problem if {@code required}), not a string, or empty. */
    Optional<String> string(ObjectNode object, String path, String key, boolean required) {
        JsonNode node = field(object, path, key, required);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problem(at(path, key), "expected a string, found " + kind(node));
            return Optional.empty();
        }
        if (node.textValue().isEmpty()) {
            problem(at(path, key), "is empty");
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    /** A port's or discovery controller's name: a string of at most {@link #MAX_NAME_CHARS} characters. */
    Optional<String> name(ObjectNode object, String path, String key) {
        Optional<String> name = string(object, path, key, true);
        if (name.isPresent() && name.get().length() > MAX_NAME_CHARS) {
            problem(at(path, key), quote(name.get()) + " is longer than the " + MAX_NAME_CHARS
                    + " characters a name may have");
            return Optional.empty();
        }
        return name;
    }

    /** An NQN: at most {@link #MAX_NQN_BYTES} bytes of UTF-8, no control characters. */
    Optional<String> nqn(ObjectNode object, String path, String key, boolean required) {
        Optional<String> nqn = string(object, path, key, required);
        if (nqn.isEmpty()) {
            return nqn;
        }
        String text = nqn.get();
        if (text.length() > MAX_NQN_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_NQN_BYTES) {
            problem(at(path, key), quote(text) + " is longer than the " + MAX_NQN_BYTES + " bytes an NQN may have");
            return Optional.empty();
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            problem(at(path, key), quote(text) + " contains a control character");
            return Optional.empty();
        }
        return nqn;
    }

    /** A time ({@link FabricDurations}) at {@code key}; empty when absent (a problem if {@code required}) or invalid. */
    Optional<Duration> duration(ObjectNode object, String path, String key, boolean required) {
        Optional<String> text = string(object, path, key, required);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FabricDurations.parse(text.get()));
        } catch (IllegalArgumentException e) {
            problem(at(path, key), quote(text.get()) + " is not a time such as 30s, 1m30s or 1500ms: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@code node} as an object of any keys with string values, in file order; empty (and a problem
     * per wrong value) when it is no object or a value is no string.
     */
    Optional<Map<String, String>> strings(JsonNode node, String path) {
        visits++;
        if (!(node instanceof ObjectNode object)) {
            problem(path, "expected an object, found " + kind(node));
            return Optional.empty();
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            visits++;
            if (!field.getValue().isTextual()) {
                problem(at(path, field.getKey()), "expected a string, found " + kind(field.getValue()));
                ok = false;
            } else {
                pairs.put(field.getKey(), field.getValue().textValue());
            }
        }
        return ok ? Optional.of(pairs) : Optional.empty();
    }

    /** The boolean at {@code key}, {@code false} when absent. */
    boolean flag(ObjectNode object, String path, String key) {
        JsonNode node = field(object, path, key, false);
        if (node != null && !node.isBoolean()) {
            problem(at(path, key), "expected true or false, found " + kind(node));
        }
        return node != null && node.booleanValue();
    }

    private JsonNode field(ObjectNode object, String path, String key, boolean required) {
        JsonNode node = object.get(key);
        visits++;
        if (node == null && required) {
            problem(at(path, key), "missing");
        }
        return node;
    }

    /** {@code ports[2]} and {@code trsvcid} make {@code ports[2].trsvcid}; a key no path can show is quoted. */
    static String at(String path, String key) {
        boolean plain = !key.isEmpty() && key.length() <= QUOTED_CHARS
                && key.chars().allMatch(c -> c == '-' || c == '_' || Character.isLetterOrDigit(c) && c < 0x80);
        String segment = plain ? key : "[" + quote(key) + "]";
        return path.isEmpty() ? segment : plain ? path + "." + segment : path + segment;
    }

    static String at(String path, int index) {
        return path + "[" + index + "]";
    }

    /** {@code "text"} with JSON escapes, cut after {@link #QUOTED_CHARS} characters ({@code "aaa…"}). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        int end = Math.min(text.length(), QUOTED_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(text.length() > end ? "…\"" : "\"").toString();
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
