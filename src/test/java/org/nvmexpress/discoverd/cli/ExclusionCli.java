package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs nvme-discoverctl in-process with a {@link FakeUserSession} behind {@code exclusion}. */
final class ExclusionCli {
    final FakeUserSession session = new FakeUserSession();
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs one command line; {@link #out()} and {@link #err()} then hold what it printed. */
    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Commands.create(new DiscoverctlMain(), new SessionFactory(session));
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
