package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.nbft.BootController;
import org.nvmexpress.discoverd.nbft.BootControllers;
import org.nvmexpress.discoverd.nbft.HostInterfaces;
import org.nvmexpress.discoverd.nbft.SkippedDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl nbft controllers}: the controllers the daemon connects for the firmware
 * tables ({@link BootControllers}), each with its unit name and the connect options beyond its TID,
 * and the descriptors that give none with the reason. A table that cannot be parsed is reported on
 * stderr and the others are still derived; the exit status is then 2.
 */
@Command(name = "controllers",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show the boot controllers derived from the NVMe Boot Firmware Tables, as"
                + " 'nvme connect-all --nbft' connects them: one I/O controller per namespace (SSNS) and interface"
                + " (HFI), and one discovery controller per discovery descriptor that no namespace links to. Each"
                + " comes with its TID, its unit name and the connect options that are not part of the TID"
                + " (hostnqn, hostid, host-iface); the registry owner of all of them is 'nbft'.",
                "Also listed: the descriptors that give no controller, and why (unavailable, security profile"
                        + " unsupported, URI invalid, unsupported transport, referenced by an SSNS, duplicate,"
                        + " conflict: the same TID, hence unit, with other connect options, or too long: an NQN over"
                        + " 223 bytes, a trsvcid over 32). Past 4096 controllers or 4096 skipped descriptors, one"
                        + " 'limit' entry counts the rest.",
                "The host interface of an HFI is the one with its MAC address and VLAN under"
                        + " <root>/sys/class/net and <root>/proc/net/vlan.",
                "json: {\"controllers\": [...], \"skipped\": [...]}."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every table was read (warnings allowed)", "1:the tables directory cannot be listed",
                "2:usage error, or a table that cannot be read or parsed"})
final class NbftControllersCommand implements Callable<Integer> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NbftSource source;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Override
    public Integer call() throws IOException {
        NbftSource.Loaded loaded;
        try {
            loaded = source.read(spec.qualifiedName(), spec.commandLine().getErr());
        } catch (IOException e) {
            return source.reportUnlistable(spec.qualifiedName(), spec.commandLine().getErr(), e);
        }
        BootControllers derived = BootControllers.derive(loaded.tables(), new HostInterfaces(source.root()));
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(derived)));
        } else if (loaded.read() == 0) {
            out.println("No NBFT in " + source.directory() + ".");
        } else {
            printText(derived, out);
        }
        out.flush();
        return loaded.rejected().isEmpty() ? 0 : Commands.EXIT_USAGE;
    }

    private static void printText(BootControllers derived, PrintWriter out) {
        if (derived.isEmpty()) {
            out.println("No boot controllers.");
        }
        for (BootController c : derived.controllers()) {
            out.println(role(c) + " " + c.source());
            out.println("  unit        " + c.unitName());
            out.println("  tid         " + c.tid().canonical());
            out.println("  hostnqn     " + c.hostnqn());
            out.println("  hostid      " + c.hostid().orElse("none"));
            out.println("  host-iface  " + c.hostIface().orElse("none"));
        }
        for (SkippedDescriptor s : derived.skipped()) {
            out.println("skipped " + s);
        }
    }

    private static ObjectNode json(BootControllers derived) {
        ObjectNode root = JSON.objectNode();
        ArrayNode controllers = root.putArray("controllers");
        for (BootController c : derived.controllers()) {
            ObjectNode node = controllers.addObject();
            node.put("table", c.table());
            node.put("source", c.source());
            node.put("role", role(c));
            node.set("tid", TidJson.fields(c.tid()));
            node.put("canonical", c.tid().canonical());
            node.put("unit", c.unitName().value());
            node.put("hostnqn", c.hostnqn());
            node.put("hostid", c.hostid().orElse(null));
            node.put("hostIface", c.hostIface().orElse(null));
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedDescriptor s : derived.skipped()) {
            ObjectNode node = skipped.addObject();
            node.put("table", s.table());
            node.put("source", s.source());
            node.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
            node.put("reason", s.reason());
        }
        return root;
    }

    /** {@code dc} or {@code ioc}, as {@code tid --role} spells them. */
    private static String role(BootController c) {
        return c.role().name().toLowerCase(Locale.ROOT);
    }
}
