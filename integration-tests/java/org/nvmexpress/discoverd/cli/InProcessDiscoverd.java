package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * {@code nvme-discoverd} run in the calling JVM through the same picocli command line as the
 * launcher, for integration checks in other packages that need {@code --dry-run} several times
 * (a JVM start in the real-kernel guest takes 10-20 s). Only for commands that return: the daemon
 * proper runs until a signal and belongs in a process of its own.
 */
public final class InProcessDiscoverd {
    /** Exit status, and stdout and stderr without surrounding white space. */
    public record Result(int status, String out, String err) {
    }

    private InProcessDiscoverd() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Commands.create(new DaemonMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Result(status, out.toString().strip(), err.toString().strip());
    }
}
