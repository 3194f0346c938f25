package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryEntry;
import org.nvmexpress.discoverd.registry.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl registry list}: every live entry, as nvme-cli prints it (the device, then
 * each attribute indented by two, its name padded to 12 columns), or as JSON.
 */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"List the registry entries of controllers that exist (stale entries are hidden).",
                "JSON: [{\"device\": \"nvme3\", \"attributes\": {\"owner\": \"...\", \"seqnum\": \"...\"}}, ...]"})
final class RegistryListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RootOption root;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Override
    public Integer call() throws Exception {
        List<RegistryEntry> entries;
        try {
            entries = new Registry(root.resolve("/")).list();
        } catch (RegistryException e) {
            return RegistryCommand.fail(spec, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(entries)));
        } else {
            for (RegistryEntry entry : entries) {
                out.println(entry.device());
                for (Map.Entry<AttributeName, String> a : entry.attributes().entrySet()) {
                    out.printf("  %-12s %s%n", a.getKey(), a.getValue());
                }
            }
        }
        out.flush();
        return 0;
    }

    static ArrayNode toJson(List<RegistryEntry> entries) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (RegistryEntry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("device", entry.device().value());
            ObjectNode attributes = node.putObject("attributes");
            entry.attributes().forEach((name, value) -> attributes.put(name.value(), value));
        }
        return array;
    }
}
