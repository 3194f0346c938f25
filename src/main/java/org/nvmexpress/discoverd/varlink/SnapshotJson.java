package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.nvmexpress.discoverd.daemon.DaemonEvent;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The daemon's snapshot and events as VARLINK.md's types ({@code Status}, {@code Controller},
 * {@code Tid}, {@code Event}). Field by field, by hand: only what the interface declares is
 * copied, so nothing the daemon adds to its records later (a key, say) reaches a reply unless
 * someone writes it here. Absent optional fields are omitted, as varlink's {@code ?type} allows.
 */
final class SnapshotJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SnapshotJson() {
    }

    static ObjectNode status(DaemonSnapshot.Status status) {
        ObjectNode node = NODES.objectNode();
        node.put("version", status.version());
        node.put("startedUSec", status.startedUSec());
        node.put("connector", status.connector());
        node.put("controllers", status.controllers());
        node.put("connected", status.states().getOrDefault("connected", 0));
        node.put("backoff", status.states().getOrDefault("backoff", 0));
        node.set("configFiles", strings(status.configFiles()));
        node.set("configErrors", strings(status.configErrors()));
        node.set("nbftTables", strings(status.nbftTables()));
        optional(node, "lastReloadUSec", status.lastReloadUSec());
        node.put("browser", status.browser());
        node.put("browsedServices", status.browsedServices());
        return node;
    }

    static ObjectNode controller(DaemonSnapshot.Controller controller) {
        ObjectNode node = NODES.objectNode();
        node.put("unit", controller.unit());
        node.set("tid", tid(controller.tid()));
        node.put("canonical", controller.tid().canonical());
        node.put("role", role(controller.role()));
        node.set("sources", strings(controller.sources()));
        node.put("owner", controller.owner());
        optional(node, "device", controller.device());
        node.put("state", controller.state());
        node.put("attempts", controller.attempts());
        optional(node, "nextRetryUSec", controller.nextRetryUSec());
        optional(node, "lastError", controller.lastError());
        node.put("sinceUSec", controller.sinceUSec());
        return node;
    }

    /** VARLINK.md {@code Tid}: nvme connect's option names, camel-cased; absent fields omitted. */
    static ObjectNode tid(TransportId tid) {
        ObjectNode node = NODES.objectNode();
        // transport is not optional in the interface; a TID without one is shown as "".
        node.put("transport", tid.transport() == null ? "" : tid.transport());
        optional(node, "traddr", Optional.ofNullable(tid.traddr()));
        optional(node, "trsvcid", Optional.ofNullable(tid.trsvcid()));
        optional(node, "nqn", Optional.ofNullable(tid.nqn()));
        optional(node, "hostTraddr", Optional.ofNullable(tid.hostTraddr()));
        optional(node, "hostIface", Optional.ofNullable(tid.hostIface()));
        optional(node, "hostnqn", Optional.ofNullable(tid.hostnqn()));
        optional(node, "hostid", Optional.ofNullable(tid.hostid()));
        return node;
    }

    static ObjectNode event(DaemonEvent event) {
        ObjectNode node = NODES.objectNode();
        node.put("timestampUSec", event.timestampUSec());
        node.put("kind", event.kind());
        optional(node, "unit", event.unit());
        optional(node, "device", event.device());
        node.put("message", event.message());
        return node;
    }

    /** {@code dc} or {@code ioc}, Controller.role's enum values. */
    static String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }

    private static void optional(ObjectNode node, String name, Optional<String> value) {
        value.ifPresent(v -> node.put(name, v));
    }

    private static void optional(ObjectNode node, String name, OptionalLong value) {
        if (value.isPresent()) {
            node.put(name, value.getAsLong());
        }
    }
}
