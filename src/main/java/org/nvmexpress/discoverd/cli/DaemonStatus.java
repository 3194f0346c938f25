package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * VARLINK.md {@code Status}, as {@code GetStatus} returns it. Times are CLOCK_REALTIME µs. The
 * DNS-SD fields ({@code browser}, {@code browsedServices}) came later and are optional: a daemon
 * without them is read as well, and they are empty then.
 */
record DaemonStatus(String version, long startedUSec, String connector, long controllers, long connected,
        long backoff, List<String> configFiles, List<String> configErrors, List<String> nbftTables,
        OptionalLong lastReloadUSec, Optional<String> browser, OptionalLong browsedServices) {

    DaemonStatus {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(connector, "connector");
        configFiles = List.copyOf(configFiles);
        configErrors = List.copyOf(configErrors);
        nbftTables = List.copyOf(nbftTables);
        Objects.requireNonNull(lastReloadUSec, "lastReloadUSec");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(browsedServices, "browsedServices");
    }

    /** The {@code status} of a {@code GetStatus} reply's parameters. */
    static DaemonStatus fromReply(JsonNode parameters) throws IOException {
        ReplyNode s = ReplyNode.of(parameters, "GetStatus reply").object("status", "Status");
        return new DaemonStatus(s.string("version"), s.integer("startedUSec"), s.string("connector"),
                s.integer("controllers"), s.integer("connected"), s.integer("backoff"), s.strings("configFiles"),
                s.strings("configErrors"), s.strings("nbftTables"), s.optionalInteger("lastReloadUSec"),
                s.optionalString("browser"), s.optionalInteger("browsedServices"));
    }

    /** The VARLINK.md object, every key present ({@code null} when absent). */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", version);
        node.put("startedUSec", startedUSec);
        node.put("connector", connector);
        node.put("controllers", controllers);
        node.put("connected", connected);
        node.put("backoff", backoff);
        configFiles.forEach(node.putArray("configFiles")::add);
        configErrors.forEach(node.putArray("configErrors")::add);
        nbftTables.forEach(node.putArray("nbftTables")::add);
        node.put("lastReloadUSec", lastReloadUSec.isPresent() ? lastReloadUSec.getAsLong() : null);
        node.put("browser", browser.orElse(null));
        node.put("browsedServices", browsedServices.isPresent() ? browsedServices.getAsLong() : null);
        return node;
    }
}
