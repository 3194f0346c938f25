package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs nvme-discoverctl in-process and captures what it prints. */
final class CommandRunner {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine.IFactory factory;

    CommandRunner() {
        this(CommandLine.defaultFactory());
    }

    /** With subcommands made by {@code factory}, e.g. one that gives a command a fake port. */
    CommandRunner(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    int run(String... args) {
        CommandLine cli = Commands.create(new DiscoverctlMain(), factory);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
