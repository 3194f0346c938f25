package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl controllers}: {@code ListControllers} as a table ({@link ControllerTable})
 * or as JSON. The filters go to the daemon as they are: it knows its states, including those of a
 * newer version, and rejects a value it does not know ({@code InvalidParameter}, exit 2).
 */
@Command(name = "controllers",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"List the controllers nvme-discoverd tracks: unit, role, state, device, target (transport"
                + " traddr:trsvcid), subsystem NQN, consecutive failed attempts, when the next retry is due, and"
                + " the last error. Long NQNs, targets and errors are shortened with '...' unless --full.",
                "json: {\"controllers\": [...]}, each the daemon's Controller as VARLINK.md defines it (unit, tid"
                        + " {transport, traddr, trsvcid, nqn, hostTraddr, hostIface, hostnqn, hostid}, canonical, role,"
                        + " sources, owner, device, state, attempts, nextRetryUSec, lastError, sinceUSec; null when"
                        + " absent; sourceDetails too when the daemon sends it), never shortened."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {DaemonCall.EXIT_0, DaemonCall.EXIT_1, DaemonCall.EXIT_2, DaemonCall.EXIT_3})
final class ControllersCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DaemonOptions options;

    @Option(names = "--role", paramLabel = "dc|ioc", description = "Only discovery (dc) or I/O (ioc) controllers.")
    private String role;

    @Option(names = "--state", paramLabel = "STATE",
            description = "Only controllers in STATE: connecting, connected, backoff, parked, excluded, foreign"
                    + " or given_up.")
    private String state;

    @Option(names = {"-l", "--full"}, description = "Do not shorten long values.")
    private boolean full;

    private final DaemonPorts ports;

    /** For picocli: the built-in varlink client and the system clock. */
    ControllersCommand() {
        this(DaemonPorts.system());
    }

    ControllersCommand(DaemonPorts ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    @Override
    public Integer call() {
        return DaemonCall.run(spec, options, ports, "controllers", this::list);
    }

    private int list(VarlinkCalls daemon) throws VarlinkError, IOException {
        ObjectNode filters = JsonNodeFactory.instance.objectNode();
        if (role != null) {
            filters.put("role", role);
        }
        if (state != null) {
            filters.put("state", state);
        }
        List<DaemonController> controllers = DaemonController.listFromReply(
                daemon.call(DaemonCall.INTERFACE + "ListControllers", filters));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode array = root.putArray("controllers");
            controllers.forEach(c -> array.add(c.toJson()));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else if (controllers.isEmpty()) {
            out.println(filters.isEmpty() ? "No controllers." : "No controllers match.");
        } else {
            new ControllerTable(new TimeText(ports.clock()), full).print(controllers, out);
            out.println();
            out.println(controllers.size() + (controllers.size() == 1 ? " controller" : " controllers") + " listed.");
        }
        out.flush();
        return 0;
    }
}
