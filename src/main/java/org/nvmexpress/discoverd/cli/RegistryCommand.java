package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;
import org.nvmexpress.discoverd.registry.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl registry}: the ownership registry (reference §10.8), with nvme-cli's
 * {@code nvme registry} subcommands and messages. Holds what the subcommands share: the prompt
 * before an owner changes or an entry goes, and the mapping of failures to exit codes.
 */
@Command(name = "registry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Read and edit the ownership registry (/run/nvme/registry): which orchestrator connected"
                + " each NVMe-oF controller, so that others leave it alone.",
                "Changing an owner or deleting an entry asks for confirmation when stdin is a terminal."},
        subcommands = {RegistryListCommand.class, RegistryRetrieveCommand.class, RegistryUpdateCommand.class,
                RegistryDeleteCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success, or aborted at the prompt", "1:the operation failed (e.g. not registered)",
                "2:usage error or bad input (device, attribute or value)"})
final class RegistryCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    private final UserSession session;

    /** For picocli: asks the person at the process's terminal, if any. */
    RegistryCommand() {
        this(new ProcessUserSession());
    }

    RegistryCommand(UserSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The text of a yes/no question, worked out (reading the current owner) only when it is asked. */
    interface Question {
        String text() throws RegistryException;
    }

    /**
     * Whether to go ahead with a change the user may regret: always when nobody is at a terminal
     * (scripts), otherwise only when the answer to {@code question [y/N]} is {@code y} or {@code Y}.
     * When not, prints {@code Aborted.}; an answer that cannot be read is a no, and says why.
     */
    boolean confirm(Question question, PrintWriter out) throws RegistryException {
        if (!session.stdinIsTerminal()) {
            return true;
        }
        out.print(question.text() + " [y/N] ");
        out.flush();
        String answer;
        try {
            answer = Objects.requireNonNullElse(session.readLine(), "").strip();
        } catch (IOException e) {
            out.println();
            out.println("cannot read the answer: " + e.getMessage());
            answer = "";
        }
        if (answer.equals("y") || answer.equals("Y")) {
            return true;
        }
        out.println("Aborted.");
        out.flush();
        return false;
    }

    /**
     * Reports a failed operation on {@code sub}: a value that cannot be stored is bad input (exit 2
     * with the usage hint); anything else is printed as is (it names the device) with exit 1.
     */
    static int fail(CommandSpec sub, RegistryException e) {
        if (e.reason() == RegistryException.Reason.INVALID_VALUE) {
            throw new ParameterException(sub.commandLine(), e.getMessage());
        }
        PrintWriter err = sub.commandLine().getErr();
        err.println(e.getMessage());
        err.flush();
        return Commands.EXIT_FAILURE;
    }
}
