package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.exclusion.MatchResult;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl exclusion match}: would this connection be excluded? Asks exactly what the
 * daemon asks before connecting, so the answer and the file that gives it are the daemon's.
 */
@Command(name = "match",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Tell whether a connection is excluded, and by which entry of which list: the default list"
                + " first, then the named lists in byte order of their names; the first matching entry wins.",
                "A list that cannot be read is reported and treated as empty, as the daemon does."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:excluded", "1:not excluded", "2:ENTRY is not a valid TID (the message names the token or address)"})
final class ExclusionMatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RootOption root;

    @Parameters(paramLabel = "ENTRY", description = "The connection as a TID, e.g."
            + " 'transport=tcp;traddr=192.0.2.10;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1'.")
    private String entry;

    @Override
    public Integer call() {
        TransportId connection;
        try {
            connection = TidParser.strict(entry);
        } catch (InvalidTransportIdException e) {
            throw new ParameterException(spec.commandLine(), "invalid ENTRY: " + e.getMessage());
        }
        MatchResult result = new ExclusionLists(root.resolve("/")).match(connection);
        PrintWriter err = spec.commandLine().getErr();
        for (Diagnostic skipped : result.skipped()) {
            err.println(spec.qualifiedName() + ": warning: " + skipped.withoutSeverity() + " (treated as empty)");
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        if (result instanceof MatchResult.Excluded excluded) {
            out.println("excluded by " + excluded.file() + ": " + excluded.entry().text());
        } else {
            out.println("not excluded");
        }
        out.flush();
        return result.excluded() ? 0 : Commands.EXIT_FAILURE;
    }
}
