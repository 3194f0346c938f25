package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The settings every command line of the project shares. */
final class Commands {
    /** Exit status: the operation failed. */
    static final int EXIT_FAILURE = 1;
    /** Exit status: usage error or bad input. */
    static final int EXIT_USAGE = 2;

    /**
     * A DH-HMAC-CHAP secret or a TLS PSK in interchange format, as far as it runs: picocli quotes
     * unknown or malformed arguments in its errors, and a secret typed on a command line (which the
     * connect command refuses) must not be printed back into a log.
     */
    private static final Pattern SECRET = Pattern.compile("(DHHC-1|NVMeTLSkey-1):[^\\s',\\]]*");

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
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + redactSecrets(e.getMessage()));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    /** {@code message} with every DH-HMAC-CHAP secret and interchange-format PSK replaced by {@code <secret>}. */
    static String redactSecrets(String message) {
        return message == null ? null : SECRET.matcher(message).replaceAll("<secret>");
    }
}
