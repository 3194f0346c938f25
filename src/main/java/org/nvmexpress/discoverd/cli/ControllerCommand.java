package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nvme-discoverctl controller UNIT|DEVICE}: {@code GetController}, every field, with its sources. */
@Command(name = "controller",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show one controller nvme-discoverd tracks, in detail: its state and since when, device,"
                + " target and host options, canonical TID, registry owner, where the daemon learned it (each"
                + " file line or table descriptor when the daemon names them), attempts, next retry and last"
                + " error.",
                "json: {\"controller\": {...}}, the daemon's Controller as VARLINK.md defines it (the keys of"
                        + " 'controllers --output json')."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {DaemonCall.EXIT_0, "1:no such controller, or the operation failed", DaemonCall.EXIT_2,
            DaemonCall.EXIT_3})
final class ControllerCommand implements Callable<Integer> {
    /** A device name as the kernel gives it; anything else is looked up as a unit. */
    private static final Pattern DEVICE = Pattern.compile("nvme\\d+");

    @Spec
    private CommandSpec spec;

    @Mixin
    private DaemonOptions options;

    @Parameters(paramLabel = "UNIT|DEVICE",
            description = "The controller's unit (nvme-discoverd-<12 hex>.service) or its device (nvmeN).")
    private String name;

    private final DaemonPorts ports;

    /** For picocli: the built-in varlink client and the system clock. */
    ControllerCommand() {
        this(DaemonPorts.system());
    }

    ControllerCommand(DaemonPorts ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    @Override
    public Integer call() {
        return DaemonCall.run(spec, options, ports, "controller", this::show);
    }

    private int show(VarlinkCalls daemon) throws VarlinkError, IOException {
        ObjectNode which = JsonNodeFactory.instance.objectNode();
        which.put(DEVICE.matcher(name).matches() ? "device" : "unit", name);
        DaemonController controller = DaemonController.fromReply(
                daemon.call(DaemonCall.INTERFACE + "GetController", which));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set("controller", controller.toJson());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            ControllerText.print(controller, new TimeText(ports.clock()), out);
        }
        out.flush();
        return 0;
    }
}
