package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl monitor}: {@code Monitor} with {@code more}, one line per event as it
 * comes, until Ctrl-C (exit 0) or the end of the stream (the daemon stopped: said on stderr, exit 0).
 * Ctrl-C closes the connection from the signal thread: that is what wakes a read blocked on it.
 */
@Command(name = "monitor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Follow what nvme-discoverd does, one line per event as it happens: time, kind"
                + " (unit-started, connected, removed, retry-scheduled, gave-up, parked, excluded, reloaded,"
                + " dlp-changed, ...), unit/device, message. Runs until Ctrl-C, or until the daemon stops.",
                "json: one object per line (JSON Lines), the daemon's Event as VARLINK.md defines it"
                        + " (timestampUSec, kind, unit, device, message; null when absent)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:interrupted (Ctrl-C), or the daemon ended the stream", DaemonCall.EXIT_1,
            DaemonCall.EXIT_2, DaemonCall.EXIT_3})
final class MonitorCommand implements Callable<Integer> {
    /** The longest kind VARLINK.md names, "retry-scheduled": kinds line up. */
    private static final int KIND_WIDTH = 15;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DaemonOptions options;

    private final DaemonPorts ports;

    /** For picocli: the built-in varlink client, the system clock and SIGINT. */
    MonitorCommand() {
        this(DaemonPorts.system());
    }

    MonitorCommand(DaemonPorts ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    @Override
    public Integer call() {
        return DaemonCall.run(spec, options, ports, "monitor", this::follow);
    }

    private int follow(VarlinkCalls daemon) throws VarlinkError, IOException {
        AtomicBoolean interrupted = new AtomicBoolean();
        ports.interrupts().onInterrupt(() -> {
            interrupted.set(true);
            try {
                daemon.close();
            } catch (IOException e) {
                // Closing is only to wake the reader; whatever fails here, the command ends as asked.
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        TimeText time = new TimeText(ports.clock());
        try {
            daemon.callMore(DaemonCall.INTERFACE + "Monitor", JsonNodeFactory.instance.objectNode(),
                    reply -> print(reply, time, out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IOException e) {
            if (!interrupted.get()) {
                throw new IOException("connection to nvme-discoverd lost: " + e.getMessage(), e);
            }
        }
        if (!interrupted.get()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": nvme-discoverd ended the event stream");
            err.flush();
        }
        return 0;
    }

    /** One event on one line, flushed at once: the reader is a person or a pipe waiting for it. */
    private void print(JsonNode reply, TimeText time, PrintWriter out) {
        DaemonEventLine event;
        try {
            event = DaemonEventLine.fromReply(reply);
        } catch (IOException e) {
            // The consumer cannot throw a checked exception; follow() unwraps it.
            throw new UncheckedIOException(e);
        }
        if (options.json()) {
            out.println(event.toJson().toString());
        } else {
            out.println(line(event, time));
        }
        out.flush();
    }

    /** {@code 10:00:01.250 connected       nvme-discoverd-c7f645736db2.service/nvme3 connected (cntlid 17)}. */
    static String line(DaemonEventLine event, TimeText time) {
        List<String> subject = new ArrayList<>();
        event.unit().ifPresent(subject::add);
        event.device().ifPresent(subject::add);
        String kind = event.kind() + " ".repeat(Math.max(0, KIND_WIDTH - event.kind().length()));
        return time.time(event.timestampUSec()) + " " + kind + " " + (subject.isEmpty() ? "-" : String.join("/", subject))
                + " " + event.message();
    }
}
