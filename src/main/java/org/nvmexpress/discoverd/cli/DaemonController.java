package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * VARLINK.md {@code Controller}, as {@code ListControllers} and {@code GetController} return it.
 * Role and state stay strings: a newer daemon's new state is shown, not rejected.
 *
 * @param sourceDetails each source as the daemon's log names it ({@code FILE:LINE}, …); not in
 *                      VARLINK.md yet, so empty when the daemon does not send it
 */
record DaemonController(String unit, Tid tid, String canonical, String role, List<String> sources,
        Optional<List<String>> sourceDetails, String owner, Optional<String> device, String state, long attempts,
        OptionalLong nextRetryUSec, Optional<String> lastError, long sinceUSec) {

    DaemonController {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(tid, "tid");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(role, "role");
        sources = List.copyOf(sources);
        sourceDetails = sourceDetails.map(List::copyOf);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextRetryUSec, "nextRetryUSec");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** VARLINK.md {@code Tid}: field names follow {@code nvme connect}'s options. */
    record Tid(String transport, Optional<String> traddr, Optional<String> trsvcid, Optional<String> nqn,
            Optional<String> hostTraddr, Optional<String> hostIface, Optional<String> hostnqn, Optional<String> hostid) {
        Tid {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(traddr, "traddr");
            Objects.requireNonNull(trsvcid, "trsvcid");
            Objects.requireNonNull(nqn, "nqn");
            Objects.requireNonNull(hostTraddr, "hostTraddr");
            Objects.requireNonNull(hostIface, "hostIface");
            Objects.requireNonNull(hostnqn, "hostnqn");
            Objects.requireNonNull(hostid, "hostid");
        }

        static Tid from(ReplyNode t) throws IOException {
            return new Tid(t.string("transport"), t.optionalString("traddr"), t.optionalString("trsvcid"),
                    t.optionalString("nqn"), t.optionalString("hostTraddr"), t.optionalString("hostIface"),
                    t.optionalString("hostnqn"), t.optionalString("hostid"));
        }

        /**
         * Where the target is, for people: {@code tcp 192.0.2.10:4420}, the address in brackets
         * when it is IPv6, {@code fc nn-0x…:pn-0x…} (no service id), {@code loop}.
         */
        String target() {
            if (traddr.isEmpty()) {
                return transport;
            }
            String address = traddr.get().contains(":") && trsvcid.isPresent() ? "[" + traddr.get() + "]" : traddr.get();
            return transport + " " + address + trsvcid.map(port -> ":" + port).orElse("");
        }

        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("transport", transport);
            node.put("traddr", traddr.orElse(null));
            node.put("trsvcid", trsvcid.orElse(null));
            node.put("nqn", nqn.orElse(null));
            node.put("hostTraddr", hostTraddr.orElse(null));
            node.put("hostIface", hostIface.orElse(null));
            node.put("hostnqn", hostnqn.orElse(null));
            node.put("hostid", hostid.orElse(null));
            return node;
        }
    }

    /** The {@code controllers} of a {@code ListControllers} reply's parameters. */
    static List<DaemonController> listFromReply(JsonNode parameters) throws IOException {
        List<DaemonController> controllers = new ArrayList<>();
        for (ReplyNode c : ReplyNode.of(parameters, "ListControllers reply").objects("controllers", "Controller")) {
            controllers.add(from(c));
        }
        return controllers;
    }

    /** The {@code controller} of a {@code GetController} reply's parameters. */
    static DaemonController fromReply(JsonNode parameters) throws IOException {
        return from(ReplyNode.of(parameters, "GetController reply").object("controller", "Controller"));
    }

    private static DaemonController from(ReplyNode c) throws IOException {
        return new DaemonController(c.string("unit"), Tid.from(c.object("tid", "Tid")), c.string("canonical"),
                c.string("role"), c.strings("sources"), c.optionalStrings("sourceDetails"), c.string("owner"),
                c.optionalString("device"), c.string("state"), c.integer("attempts"), c.optionalInteger("nextRetryUSec"),
                c.optionalString("lastError"), c.integer("sinceUSec"));
    }

    /**
     * The VARLINK.md object, every key present ({@code null} when absent); {@code sourceDetails}
     * only when the daemon sent it, so the keys stay those of VARLINK.md otherwise.
     */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("unit", unit);
        node.set("tid", tid.toJson());
        node.put("canonical", canonical);
        node.put("role", role);
        sources.forEach(node.putArray("sources")::add);
        sourceDetails.ifPresent(details -> details.forEach(node.putArray("sourceDetails")::add));
        node.put("owner", owner);
        node.put("device", device.orElse(null));
        node.put("state", state);
        node.put("attempts", attempts);
        node.put("nextRetryUSec", nextRetryUSec.isPresent() ? nextRetryUSec.getAsLong() : null);
        node.put("lastError", lastError.orElse(null));
        node.put("sinceUSec", sinceUSec);
        return node;
    }
}
