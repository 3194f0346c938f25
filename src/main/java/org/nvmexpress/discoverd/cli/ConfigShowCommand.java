package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl config show}: the connections the fabrics configuration resolves to, in
 * connection order, each with its unit and fully resolved parameters, and the defaults for
 * discovered controllers. Secrets print as {@code <secret>}.
 */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show the connections the fabrics configuration resolves to, in the order the daemon"
                + " connects them, with each one's unit and parameters after the cascade.",
                "Secrets print as <secret>; a reset parameter (key =) prints as an empty value."})
final class ConfigShowCommand implements Callable<Integer> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Spec
    private CommandSpec spec;

    @Mixin
    private FabricsOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Override
    public Integer call() throws Exception {
        FabricsConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(config)));
        } else {
            printText(config, out);
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(FabricsConfig config) {
        ObjectNode root = JSON.objectNode();
        ArrayNode files = root.putArray("files");
        config.files().forEach(files::add);
        ArrayNode errors = root.putArray("errors");
        config.errors().forEach(d -> errors.add(d.withoutSeverity()));
        ArrayNode warnings = root.putArray("warnings");
        config.warnings().forEach(d -> warnings.add(d.withoutSeverity()));
        ArrayNode connections = root.putArray("connections");
        for (ResolvedConnection c : config.connections()) {
            connections.add(connectionJson(c));
        }
        ObjectNode discovered = root.putObject("discovered");
        discovered.set("dc", paramsJson(config.topDcParams()));
        discovered.set("ioc", paramsJson(config.topIocParams()));
        return root;
    }

    private static ObjectNode connectionJson(ResolvedConnection c) {
        ObjectNode node = JSON.objectNode();
        node.put("file", c.file());
        node.put("line", c.line());
        node.put("role", roleName(c.role()));
        Optional<TransportId> tid = c.tid();
        node.set("tid", tid.map(TidJson::fields).orElseGet(() -> unresolvedTid(c)));
        node.put("canonical", tid.map(TransportId::canonical).orElse(null));
        node.put("unit", tid.map(t -> t.unitName().value()).orElse(null));
        node.put("hostnqn", c.hostnqn());
        node.put("hostid", c.hostid());
        node.set("params", paramsJson(c.params()));
        return node;
    }

    /** The TID fields as written, while traddr is a host name the daemon has yet to resolve. */
    private static ObjectNode unresolvedTid(ResolvedConnection c) {
        ObjectNode node = JSON.objectNode();
        node.put("transport", c.transport());
        node.put("traddr", c.traddr());
        node.put("trsvcid", c.trsvcid() != null ? c.trsvcid() : c.role().defaultTrsvcid(c.transport()));
        node.put("nqn", c.nqn());
        if (c.hostTraddr() != null) {
            node.put("hostTraddr", c.hostTraddr());
        }
        if (c.hostIface() != null) {
            node.put("hostIface", c.hostIface());
        }
        if (c.hostnqn() != null) {
            node.put("hostnqn", c.hostnqn());
        }
        return node;
    }

    private static String unresolvedCompact(ResolvedConnection c) {
        String port = c.trsvcid() != null ? c.trsvcid() : c.role().defaultTrsvcid(c.transport());
        return "(" + c.transport() + ", " + c.traddr() + (port != null ? ", " + port : "") + ", " + c.nqn() + ")";
    }

    private static ObjectNode paramsJson(Params params) {
        ObjectNode node = JSON.objectNode();
        for (Params.Param p : params.entries()) {
            node.put(p.key().configName(), p.key().printable(p.value()));
        }
        return node;
    }

    private static String roleName(Role role) {
        return role == Role.DC ? "dc" : "ioc";
    }

    private static void printText(FabricsConfig config, PrintWriter out) {
        out.println("Files: " + (config.files().isEmpty() ? "(none)" : String.join(", ", config.files())));
        if (!config.rejectedFiles().isEmpty()) {
            out.println("Left out because of errors: " + String.join(", ", config.rejectedFiles()));
        }
        out.println();
        List<ResolvedConnection> connections = config.connections();
        if (connections.isEmpty()) {
            out.println("No connections configured.");
        }
        int n = 0;
        for (ResolvedConnection c : connections) {
            Optional<TransportId> tid = c.tid();
            out.printf("%d. %-3s %s%n", ++n, roleName(c.role()),
                    tid.map(t -> t.unitName().value()).orElse("(unit known once " + c.traddr() + " resolves)"));
            out.println("   connection: " + tid.map(TransportId::compact).orElseGet(() -> unresolvedCompact(c)));
            out.println("   from:       " + c.source());
            if (c.hostnqn() != null || c.hostid() != null) {
                out.println("   host:       " + (c.hostnqn() != null ? "hostnqn=" + c.hostnqn() + " " : "")
                        + (c.hostid() != null ? "hostid=" + c.hostid() : ""));
            }
            out.println("   params:     " + paramsText(c.params()));
        }
        out.println();
        out.println("Discovered DCs without a configured origin: " + paramsText(config.topDcParams()));
        out.println("Discovered IOCs without a configured origin: " + paramsText(config.topIocParams()));
        for (Diagnostic d : config.diagnostics()) {
            out.println(d);
        }
    }

    private static String paramsText(Params params) {
        return params.isEmpty() ? "(kernel defaults)"
                : params.entries().stream().map(Params.Param::toString).collect(Collectors.joining(" "));
    }
}
