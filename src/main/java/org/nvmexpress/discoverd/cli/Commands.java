package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The settings every command line of the project shares. */
final class Commands {
    /** Exit status: the operation failed. */
    static final int EXIT_FAILURE = 1;
    /** Exit status: usage error or bad input. */
    static final int EXIT_USAGE = 2;

    private Commands() {
    }

    /**
     * A picocli command line with case-insensitive enum values ({@code --output json}) and a short
     * error for bad input: the message and a pointer to {@code --help}, exit status 2, instead of
     * the whole usage text.
     */
    static CommandLine create(Object command) {
        return create(command, CommandLine.defaultFactory());
    }

    /** As {@link #create(Object)}, with subcommands made by {@code factory} (tests inject their ports). */
    static CommandLine create(Object command, CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(command, factory);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Commands::reportBadInput);
        return cli;
    }

    private static int reportBadInput(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }
}
