package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.exclusion.EntryLine;
import org.nvmexpress.discoverd.exclusion.ExclusionException;
import org.nvmexpress.discoverd.tid.CWhitespace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl exclusion remove}: removes one entry, picked from a numbered menu on a
 * terminal (as nvme-cli does) or named with {@code --entry} (for scripts).
 */
@Command(name = "remove",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Remove one entry from an exclusion list: the first one written exactly as ENTRY.",
                "Without --entry, standard input must be a terminal: the entries are shown sorted and numbered,"
                + " and you type the number of the one to remove (nothing, or anything else, cancels).",
                "Needs root for the system's lists (see 'exclusion --help')."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:removed, or cancelled at the prompt", "1:the list or the entry does not exist, or the list"
                + " could not be changed", "2:usage error (e.g. no --entry and no terminal)"})
final class ExclusionRemoveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ExclusionCommand parent;

    @Mixin
    private ExclusionOptions options;

    @Option(names = {"-e", "--entry"}, paramLabel = "ENTRY",
            description = "The entry to remove, exactly as it is written in the list (see 'exclusion list').")
    private String entry;

    @Override
    public Integer call() throws IOException {
        if (entry == null && !parent.session().stdinIsTerminal()) {
            throw new ParameterException(spec.commandLine(), "--entry is required when standard input is not a terminal");
        }
        if (!parent.mayChange(spec, options.rootDirectory())) {
            return Commands.EXIT_FAILURE;
        }
        try {
            String chosen = entry != null ? CWhitespace.trim(entry) : null;
            if (chosen == null) {
                List<EntryLine> lines = options.lists().entries(options.list());
                if (lines.isEmpty()) {
                    spec.commandLine().getErr().println(spec.qualifiedName() + ": exclusion list '"
                            + options.list().display() + "' has no entries");
                    spec.commandLine().getErr().flush();
                    return Commands.EXIT_FAILURE;
                }
                chosen = pick(lines);
                if (chosen == null) {
                    return 0;
                }
            }
            options.lists().remove(options.list(), chosen);
            PrintWriter out = spec.commandLine().getOut();
            out.println("removed from exclusion list '" + options.list().display() + "': " + chosen);
            out.flush();
            return 0;
        } catch (ExclusionException e) {
            return ExclusionCommand.report(spec, e);
        }
    }

    /**
     * Shows the entries sorted by their bytes ({@code strcmp}, as nvme-cli) as {@code %3d. entry}
     * and asks for a number; {@code null} when the user cancels.
     */
    private String pick(List<EntryLine> lines) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String[] entries = lines.stream().map(EntryLine::text).toArray(String[]::new);
        Arrays.sort(entries, (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < entries.length; i++) {
            out.printf("%3d. %s%n", i + 1, entries[i]);
        }
        out.printf("Entry to remove [1-%d, empty to cancel]: ", entries.length);
        out.flush();
        String answer = parent.session().readLine();
        int choice = parseChoice(answer == null ? "" : answer.trim(), entries.length);
        if (choice < 0) {
            out.println("cancelled");
            out.flush();
            return null;
        }
        return entries[choice];
    }

    /** The 0-based index the user typed, or -1 for anything that is not a listed number. */
    private static int parseChoice(String answer, int count) {
        if (!answer.matches("[0-9]{1,9}")) {
            return -1;
        }
        int n = Integer.parseInt(answer);
        return n >= 1 && n <= count ? n - 1 : -1;
    }
}
