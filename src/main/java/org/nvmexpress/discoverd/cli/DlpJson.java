package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.TransportType;

/**
 * The JSON shape of {@code dlp show --output json}: {@code {"genctr", "numrec", "recfmt", "entries":
 * [...]}}, numbers as numbers (the 64-bit counters unsigned), strings as decoded. Codes with a name
 * ({@code trtype}, {@code adrfam}, {@code subtype}, {@code sectype}) are their names; {@code treq}
 * and {@code eflags} are the raw fields, with the two flags the daemon acts on beside them
 * ({@code epcsd}, {@code duplicate}). {@code sectype} is null for entries that are not tcp.
 */
final class DlpJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DlpJson() {
    }

    static ObjectNode of(DiscoveryLogPage page) {
        ObjectNode node = JSON.objectNode();
        node.set("genctr", unsigned(page.genctr()));
        node.set("numrec", unsigned(page.numrec()));
        node.put("recfmt", page.recfmt());
        ArrayNode entries = node.putArray("entries");
        page.entries().forEach(e -> entries.add(entry(e)));
        return node;
    }

    private static ObjectNode entry(DiscoveryLogEntry e) {
        ObjectNode node = JSON.objectNode();
        node.put("trtype", e.transportType().libnvmeName());
        node.put("adrfam", e.addressFamily().libnvmeName());
        node.put("subtype", e.kind().key());
        node.put("treq", e.treq().value());
        node.put("portid", e.portid());
        node.put("cntlid", e.cntlid());
        node.put("asqsz", e.asqsz());
        node.put("eflags", e.eflags().value());
        node.put("epcsd", e.eflags().explicitPersistentConnection());
        node.put("duplicate", e.eflags().duplicateReturnInformation());
        node.put("trsvcid", e.trsvcid());
        node.put("subnqn", e.subnqn());
        node.put("traddr", e.traddr());
        node.put("sectype", e.transportType() == TransportType.TCP ? e.securityType().libnvmeName() : null);
        return node;
    }

    private static JsonNode unsigned(long value) {
        return value >= 0 ? JSON.numberNode(value) : JSON.numberNode(new BigInteger(Long.toUnsignedString(value)));
    }
}
