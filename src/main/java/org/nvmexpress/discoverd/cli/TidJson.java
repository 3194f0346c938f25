package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The JSON shape of a TID shared by every command and by the varlink {@code Tid} type: camel-case
 * field names, absent fields omitted.
 */
final class TidJson {
    private TidJson() {
    }

    static ObjectNode fields(TransportId tid) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        putIfPresent(node, "transport", tid.transport());
        putIfPresent(node, "traddr", tid.traddr());
        putIfPresent(node, "trsvcid", tid.trsvcid());
        putIfPresent(node, "nqn", tid.nqn());
        putIfPresent(node, "hostTraddr", tid.hostTraddr());
        putIfPresent(node, "hostIface", tid.hostIface());
        putIfPresent(node, "hostnqn", tid.hostnqn());
        putIfPresent(node, "hostid", tid.hostid());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
