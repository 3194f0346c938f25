package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nvme-discoverctl retry [UNIT]}: {@code Retry}, the backoff wait skipped. */
@Command(name = "retry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Make nvme-discoverd try a connection again now instead of waiting for its next retry:"
                + " the controller UNIT, or every controller in backoff. The daemon allows this only to root"
                + " (uid 0).",
                "json: {\"retried\": N}, how many controllers were retried."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {DaemonCall.EXIT_0, "1:no such controller, or the operation failed", DaemonCall.EXIT_2,
            DaemonCall.EXIT_3, DaemonCall.EXIT_4})
final class RetryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DaemonOptions options;

    @Parameters(paramLabel = "UNIT", arity = "0..1",
            description = "The controller's unit (nvme-discoverd-<12 hex>.service); without it, all in backoff.")
    private String unit;

    private final DaemonPorts ports;

    /** For picocli: the built-in varlink client. */
    RetryCommand() {
        this(DaemonPorts.system());
    }

    RetryCommand(DaemonPorts ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    @Override
    public Integer call() {
        return DaemonCall.run(spec, options, ports, "retry", this::retry);
    }

    private int retry(VarlinkCalls daemon) throws VarlinkError, IOException {
        ObjectNode which = JsonNodeFactory.instance.objectNode();
        if (unit != null) {
            which.put("unit", unit);
        }
        long retried = ReplyNode.of(daemon.call(DaemonCall.INTERFACE + "Retry", which), "Retry reply")
                .integer("retried");
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("retried", retried);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            out.println("Retried " + retried + (retried == 1 ? " controller." : " controllers."));
        }
        out.flush();
        return 0;
    }
}
