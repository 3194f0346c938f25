package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl reload}: {@code Reload}, as {@code systemctl reload nvme-discoverd} but
 * with the answer: a rejected fabrics configuration comes back with its errors.
 */
@Command(name = "reload",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Make nvme-discoverd read its configuration and the NBFT again, as SIGHUP does, and wait"
                + " for the result. A fabrics configuration with errors is rejected: the errors are printed and"
                + " the last good configuration stays in force. Nothing is disconnected by a reload. The daemon"
                + " allows this only to root (uid 0).",
                "json: {\"reloaded\": true|false, \"errors\": [\"file:line: message\", ...]}."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:reloaded", "1:the new configuration was rejected, or the operation failed",
            DaemonCall.EXIT_2, DaemonCall.EXIT_3, DaemonCall.EXIT_4})
final class ReloadCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DaemonOptions options;

    private final DaemonPorts ports;

    /** For picocli: the built-in varlink client. */
    ReloadCommand() {
        this(DaemonPorts.system());
    }

    ReloadCommand(DaemonPorts ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    @Override
    public Integer call() {
        return DaemonCall.run(spec, options, ports, "reload", this::reload);
    }

    private int reload(VarlinkCalls daemon) throws VarlinkError, IOException {
        try {
            daemon.call(DaemonCall.INTERFACE + "Reload", JsonNodeFactory.instance.objectNode());
        } catch (VarlinkError e) {
            if (DaemonCall.isReloadFailed(e) && options.json()) {
                print(false, DaemonCall.reloadErrors(e));
            }
            throw e;
        }
        if (options.json()) {
            print(true, List.of());
        } else {
            spec.commandLine().getOut().println("Reloaded.");
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private void print(boolean reloaded, List<String> errors) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("reloaded", reloaded);
        errors.forEach(root.putArray("errors")::add);
        PrintWriter out = spec.commandLine().getOut();
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        out.flush();
    }
}
