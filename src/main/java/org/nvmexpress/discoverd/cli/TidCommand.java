package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl tid}: which unit manages this connection? Parses a TID strictly and prints
 * its canonical form, compact form and unit name.
 */
@Command(name = "tid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Parse a transport identity and print its canonical form, its compact form and"
                + " the systemd unit that manages it.",
                "ENTRY is 'key=value;...' with the keys transport, traddr, trsvcid, nqn, host-traddr,"
                + " host-iface, hostnqn, hostid."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:ENTRY is not a valid TID (the message names the token or address)"})
final class TidCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--role", paramLabel = "dc|ioc",
            description = "Apply this role's default trsvcid when ENTRY has none (tcp: dc 8009, ioc 4420; rdma: 4420).")
    private Role role;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Parameters(paramLabel = "ENTRY", description = "The TID, e.g. 'transport=tcp;traddr=192.168.1.20;nqn=nqn.2024-01.com.example:vol1'.")
    private String entry;

    @Override
    public Integer call() throws Exception {
        TransportId tid;
        try {
            tid = TidParser.strict(entry);
        } catch (InvalidTransportIdException e) {
            throw new ParameterException(spec.commandLine(), "invalid ENTRY: " + e.getMessage());
        }
        if (role != null) {
            tid = tid.withDefaultTrsvcid(role);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(tid)));
        } else {
            out.println("canonical: " + tid.canonical());
            out.println("compact:   " + tid.compact());
            out.println("unit:      " + tid.unitName());
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(TransportId tid) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("canonical", tid.canonical());
        node.put("compact", tid.compact());
        node.put("unit", tid.unitName().value());
        node.set("tid", TidJson.fields(tid));
        return node;
    }
}
