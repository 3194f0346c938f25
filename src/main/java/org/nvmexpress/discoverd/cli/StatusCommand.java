package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl status}: the daemon on one screen, from {@code GetStatus} and, for the
 * count of every state (GetStatus counts only connected and backoff), {@code ListControllers}.
 */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show whether nvme-discoverd is doing its job: its version, how long it has run, its"
                + " connector, its controllers counted by state, the configuration files it read and their"
                + " errors, the NBFT tables, the last reload, and the DNS-SD browser with the services it sees.",
                "json: {\"status\": {...}, \"states\": {...}}: 'status' is the daemon's Status as VARLINK.md"
                        + " defines it (version, startedUSec, connector, controllers, connected, backoff,"
                        + " configFiles, configErrors, nbftTables, lastReloadUSec, browser, browsedServices; times in CLOCK_REALTIME"
                        + " microseconds, null when absent), 'states' the number of controllers in each state"
                        + " (connecting, connected, backoff, parked, excluded, foreign, given_up, always present;"
                        + " states a newer daemon adds follow)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {DaemonCall.EXIT_0, DaemonCall.EXIT_1, DaemonCall.EXIT_2, DaemonCall.EXIT_3})
final class StatusCommand implements Callable<Integer> {
    /** VARLINK.md's {@code Controller.state} values, in the order people read them. */
    static final List<String> STATES = List.of("connected", "connecting", "backoff", "parked", "excluded", "foreign",
            "given_up");

    @Spec
    private CommandSpec spec;

    @Mixin
    private DaemonOptions options;

    private final DaemonPorts ports;

    /** For picocli: the built-in varlink client and the system clock. */
    StatusCommand() {
        this(DaemonPorts.system());
    }

    StatusCommand(DaemonPorts ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    @Override
    public Integer call() {
        return DaemonCall.run(spec, options, ports, "status", this::show);
    }

    private int show(VarlinkCalls daemon) throws VarlinkError, IOException {
        ObjectNode none = JsonNodeFactory.instance.objectNode();
        DaemonStatus status = DaemonStatus.fromReply(daemon.call(DaemonCall.INTERFACE + "GetStatus", none));
        List<DaemonController> controllers = DaemonController.listFromReply(
                daemon.call(DaemonCall.INTERFACE + "ListControllers", none));
        Map<String, Long> states = byState(controllers);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set("status", status.toJson());
            ObjectNode counts = root.putObject("states");
            states.forEach(counts::put);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            print(status, controllers.size(), states, new TimeText(ports.clock()), out);
        }
        out.flush();
        return 0;
    }

    /** Every known state (zero when empty), then any other a newer daemon reports, as first seen. */
    static Map<String, Long> byState(List<DaemonController> controllers) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATES.forEach(state -> counts.put(state, 0L));
        controllers.forEach(c -> counts.merge(c.state(), 1L, Long::sum));
        return counts;
    }

    static void print(DaemonStatus status, int total, Map<String, Long> states, TimeText time, PrintWriter out) {
        out.println("nvme-discoverd " + status.version());
        FieldLines.field(out, "Running", "since " + time.dateTime(status.startedUSec()) + "; up "
                + time.since(status.startedUSec()));
        FieldLines.field(out, "Connector", status.connector());
        List<String> counted = new ArrayList<>();
        states.forEach((state, n) -> {
            if (n > 0) {
                counted.add(n + " " + state);
            }
        });
        FieldLines.field(out, "Controllers", total + (counted.isEmpty() ? "" : " (" + String.join(", ", counted) + ")"));
        FieldLines.list(out, "Config", status.configFiles(), "none");
        FieldLines.list(out, "Errors", status.configErrors(), "none");
        FieldLines.list(out, "NBFT", status.nbftTables(), "none");
        FieldLines.field(out, "Last reload", status.lastReloadUSec().isPresent()
                ? time.dateTime(status.lastReloadUSec().getAsLong()) + "; " + time.ago(status.lastReloadUSec().getAsLong())
                : "never");
        // An older daemon does not say: no line rather than a guess.
        status.browser().ifPresent(browser -> FieldLines.field(out, "mDNS", "none".equals(browser)
                ? "not browsing (zeroconf = no, or no browser found)"
                : "browsing through " + browser + ", " + status.browsedServices().orElse(0) + " service"
                        + (status.browsedServices().orElse(0) == 1 ? "" : "s") + " seen"));
    }
}
