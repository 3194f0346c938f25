package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One conversation of a command with the daemon: connect, let the command call and print, close;
 * and what every such command reports the same way: a daemon that is not running (exit 3, worded
 * as {@code systemctl status} words an inactive unit), the daemon's errors (VARLINK.md) and a
 * connection that fails.
 */
final class DaemonCall {
    /** Exit status: the daemon is not running (LSB status code 3, as {@code systemctl status}). */
    static final int EXIT_NOT_RUNNING = 3;
    /** Exit status: the daemon refused, only root may (LSB "insufficient privilege"). */
    static final int EXIT_NOT_PERMITTED = 4;

    /** The exit status list of every command that talks to the daemon, for its {@code --help}. */
    static final String EXIT_0 = "0:success";
    static final String EXIT_1 = "1:the operation failed (the daemon's error, e.g. no such controller, or a"
            + " connection that broke)";
    static final String EXIT_2 = "2:usage error, or a value the daemon rejected";
    static final String EXIT_3 = "3:nvme-discoverd is not running (no socket, or nobody listening on it)";
    static final String EXIT_4 = "4:the daemon refused: only root may do this";

    static final String INTERFACE = "org.nvmexpress.discoverd.";
    private static final String NO_SUCH_CONTROLLER = INTERFACE + "NoSuchController";
    private static final String PERMISSION_DENIED = INTERFACE + "PermissionDenied";
    private static final String RELOAD_FAILED = INTERFACE + "ReloadFailed";
    private static final String INVALID_PARAMETER = "org.varlink.service.InvalidParameter";
    private static final String METHOD_NOT_FOUND = "org.varlink.service.MethodNotFound";

    /** What a command does with the connection; returns its exit status. */
    @FunctionalInterface
    interface Conversation {
        int talk(VarlinkCalls daemon) throws VarlinkError, IOException;
    }

    private DaemonCall() {
    }

    /**
     * Connects to the socket {@code options} name and runs {@code conversation}; reports a failure
     * on stderr, prefixed with the command's name, and returns the exit status.
     *
     * @param action what the command asks for, to say who may ({@code "reload"}: "reload needs root")
     */
    static int run(CommandSpec spec, DaemonOptions options, DaemonPorts ports, String action,
            Conversation conversation) {
        PrintWriter err = spec.commandLine().getErr();
        Path socket = options.socket();
        VarlinkCalls daemon;
        try {
            daemon = ports.connector().connect(socket);
        } catch (IOException e) {
            if (notRunning(socket, e)) {
                return report(err, "nvme-discoverd is not running (no socket at " + socket + ")", EXIT_NOT_RUNNING);
            }
            return report(err, spec.qualifiedName() + ": cannot connect to nvme-discoverd at " + socket + ": "
                    + e.getMessage(), Commands.EXIT_FAILURE);
        }
        try {
            return conversation.talk(daemon);
        } catch (VarlinkError e) {
            return reportError(err, spec.qualifiedName(), action, e);
        } catch (IOException e) {
            return report(err, spec.qualifiedName() + ": " + e.getMessage(), Commands.EXIT_FAILURE);
        } finally {
            closeQuietly(daemon);
        }
    }

    /**
     * Whether a failed connect means there is no daemon: no socket file (never started, or gone),
     * or a socket nobody listens on (a daemon that died without removing it). Anything else (a
     * socket the user may not open) is a failure to report as it is.
     */
    static boolean notRunning(Path socket, IOException e) {
        return e instanceof NoSuchFileException || e instanceof ConnectException
                || e instanceof ConnectionRefusedSocketException || !Files.exists(socket, LinkOption.NOFOLLOW_LINKS);
    }

    /** The daemon's error in words, and its exit status. */
    static int reportError(PrintWriter err, String command, String action, VarlinkError e) {
        JsonNode p = e.parameters();
        return switch (e.error()) {
            case NO_SUCH_CONTROLLER -> report(err, command + ": no such controller: "
                    + (text(p, "unit").isEmpty() ? text(p, "device") : text(p, "unit")), Commands.EXIT_FAILURE);
            case PERMISSION_DENIED -> report(err, command + ": " + action
                    + " needs root: the daemon allows it only to uid 0", EXIT_NOT_PERMITTED);
            case RELOAD_FAILED -> report(err, command + ": " + reloadFailed(e), Commands.EXIT_FAILURE);
            case INVALID_PARAMETER -> report(err, command + ": the daemon rejected the value of '"
                    + text(p, "parameter") + "'", Commands.EXIT_USAGE);
            case METHOD_NOT_FOUND -> report(err, command + ": the daemon does not offer " + text(p, "method")
                    + " (is it an older nvme-discoverd?)", Commands.EXIT_FAILURE);
            default -> report(err, command + ": the daemon answered " + e.getMessage(), Commands.EXIT_FAILURE);
        };
    }

    /** Whether {@code e} is {@code ReloadFailed}. */
    static boolean isReloadFailed(VarlinkError e) {
        return e.error().equals(RELOAD_FAILED);
    }

    /** {@code ReloadFailed}'s errors, one {@code file:line: message} each. */
    static List<String> reloadErrors(VarlinkError e) {
        List<String> errors = new ArrayList<>();
        JsonNode list = e.parameters() == null ? null : e.parameters().get("errors");
        if (list != null) {
            list.forEach(error -> errors.add(error.asText()));
        }
        return errors;
    }

    private static String reloadFailed(VarlinkError e) {
        StringBuilder text = new StringBuilder("the new fabrics configuration was rejected; the last good one stays"
                + " in force");
        reloadErrors(e).forEach(error -> text.append(System.lineSeparator()).append(error));
        return text.toString();
    }

    private static String text(JsonNode parameters, String name) {
        JsonNode value = parameters == null ? null : parameters.get(name);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static int report(PrintWriter err, String message, int status) {
        err.println(message);
        err.flush();
        return status;
    }

    private static void closeQuietly(VarlinkCalls daemon) {
        try {
            daemon.close();
        } catch (IOException e) {
            // The answer is in (or its failure reported); a connection that fails to close changes neither.
        }
    }
}
