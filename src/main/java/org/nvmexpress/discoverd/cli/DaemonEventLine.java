package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/** VARLINK.md {@code Event}, one reply of {@code Monitor}. */
record DaemonEventLine(long timestampUSec, String kind, Optional<String> unit, Optional<String> device,
        String message) {

    DaemonEventLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(message, "message");
    }

    /** The {@code event} of one {@code Monitor} reply's parameters. */
    static DaemonEventLine fromReply(JsonNode parameters) throws IOException {
        ReplyNode e = ReplyNode.of(parameters, "Monitor reply").object("event", "Event");
        return new DaemonEventLine(e.integer("timestampUSec"), e.string("kind"), e.optionalString("unit"),
                e.optionalString("device"), e.string("message"));
    }

    /** The VARLINK.md object, every key present ({@code null} when absent). */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("timestampUSec", timestampUSec);
        node.put("kind", kind);
        node.put("unit", unit.orElse(null));
        node.put("device", device.orElse(null));
        node.put("message", message);
        return node;
    }
}
