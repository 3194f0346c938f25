package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import org.nvmexpress.discoverd.exclusion.ExclusionException;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.exclusion.ListName;
import org.nvmexpress.discoverd.ini.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl exclusion}: the exclusion lists nvme-cli, nvme-stas and the daemon consult
 * before connecting anything they found themselves (reference §11). Holds what the subcommands
 * share: the {@link UserSession}, the root check and the rendering of failures.
 */
@Command(name = "exclusion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show, change and test the exclusion lists: connections no orchestrator may connect on its"
                + " own (an administrator's explicit 'nvme connect' is never blocked). The default list is"
                + " /etc/nvme/exclusions.conf, named lists are /etc/nvme/exclusions.conf.d/NAME.conf; each line"
                + " 'exclusion = key=value;...' in the [exclusions] section excludes every connection that matches"
                + " all of its fields.",
                "Changing a list (add, remove, edit, create, delete) needs root (effective uid 0) when it is the"
                + " system's own, under --root /. Under any other --root (an image, a chroot, a test tree) the"
                + " directory's permissions decide, so no sudo is needed there."},
        subcommands = {ExclusionListCommand.class, ExclusionAddCommand.class, ExclusionRemoveCommand.class,
            ExclusionEditCommand.class, ExclusionCreateCommand.class, ExclusionDeleteCommand.class,
            ExclusionMatchCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the operation failed", "2:usage error or bad input"})
final class ExclusionCommand implements Runnable {
    static final String NEEDS_ROOT = "this command requires root privileges (try sudo)";

    @Spec
    private CommandSpec spec;

    private final UserSession session;

    /** For picocli: the process's own user, terminal and environment. */
    ExclusionCommand() {
        this(new ProcessUserSession());
    }

    ExclusionCommand(UserSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    UserSession session() {
        return session;
    }

    /**
     * Whether {@code command} may change lists under {@code root}; prints why not when it may not.
     * Root is required only for the system's own lists: the check is for the administrator's
     * benefit (a clear message instead of "permission denied"), the kernel enforces the rest.
     */
    boolean mayChange(CommandSpec command, Path root) {
        if (!isSystemRoot(root) || session.isRoot()) {
            return true;
        }
        PrintWriter err = command.commandLine().getErr();
        err.println(command.qualifiedName() + ": " + NEEDS_ROOT);
        err.flush();
        return false;
    }

    private static boolean isSystemRoot(Path root) {
        Path slash = Path.of("/");
        try {
            return root.toRealPath().equals(slash);
        } catch (IOException e) {
            return root.toAbsolutePath().normalize().equals(slash);
        }
    }

    /**
     * Prints a failed operation as {@code COMMAND: message}, then one {@code FILE:LINE: error: ...}
     * line per bad line, and returns its exit status: 2 for a bad entry, 1 otherwise.
     */
    /** One change to one list, as {@code add}, {@code create} and {@code delete} make it. */
    interface ListChange {
        void apply(ExclusionLists lists, ListName name) throws ExclusionException;
    }

    /**
     * Checks that {@code command} may change the lists, applies {@code change} to the list
     * {@code options} name and prints {@code done} when it worked; the exit status.
     */
    int change(CommandSpec command, ExclusionOptions options, ListChange change, String done) {
        if (!mayChange(command, options.rootDirectory())) {
            return Commands.EXIT_FAILURE;
        }
        try {
            change.apply(options.lists(), options.list());
        } catch (ExclusionException e) {
            return report(command, e);
        }
        PrintWriter out = command.commandLine().getOut();
        out.println(done);
        out.flush();
        return 0;
    }

    static int report(CommandSpec command, ExclusionException e) {
        PrintWriter err = command.commandLine().getErr();
        err.println(command.qualifiedName() + ": " + e.getMessage());
        if (e.reason() == ExclusionException.Reason.INVALID_CONTENT) {
            e.problems().stream().map(Diagnostic::toString).forEach(err::println);
        }
        err.flush();
        return e.reason() == ExclusionException.Reason.INVALID_ENTRY ? Commands.EXIT_USAGE : Commands.EXIT_FAILURE;
    }
}
