package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.exclusion.EntryLine;
import org.nvmexpress.discoverd.exclusion.ExclusionException;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.exclusion.ListFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl exclusion list}: the entries of one list, or of every list. Entries that
 * never match (invalid) are still listed, so they can be seen and removed, and are named on stderr.
 */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show exclusion lists. With --name: that list's entries, one per line, indented by two spaces."
                + " Without: every list that exists, the default list first, each as a 'NAME (FILE)' line followed by"
                + " its entries.",
                "Entries that are invalid (and so never match) are listed too, and reported on stderr."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the list does not exist, or a list could not be read", "2:usage error"})
final class ExclusionListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ExclusionOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}); json: {\"lists\": [{\"name\", \"file\", \"default\","
                    + " \"entries\": [{\"line\", \"entry\", \"valid\", \"problem\"}]}]}.")
    private OutputFormat output;

    /** One list as shown: its name, file, and entries. */
    private record Shown(ListFile list, List<EntryLine> entries) {
    }

    @Override
    public Integer call() throws Exception {
        ExclusionLists lists = options.lists();
        List<Shown> shown = new ArrayList<>();
        int status = 0;
        try {
            List<ListFile> files = options.named()
                    ? List.of(new ListFile(options.list().display(), lists.file(options.list()), options.list().isDefault()))
                    : lists.lists();
            for (ListFile file : files) {
                status = Math.max(status, collect(lists, file, shown));
            }
        } catch (ExclusionException e) {
            return ExclusionCommand.report(spec, e);
        }
        print(shown);
        return status;
    }

    /** Adds {@code file}'s entries to {@code shown}; reports a list that cannot be read and returns 1. */
    private int collect(ExclusionLists lists, ListFile file, List<Shown> shown) {
        try {
            List<EntryLine> entries = options.named() ? lists.entries(options.list()) : lists.entries(file);
            shown.add(new Shown(file, entries));
            PrintWriter err = spec.commandLine().getErr();
            for (EntryLine entry : entries) {
                entry.problem().ifPresent(problem -> err.println(file.path() + ":" + entry.line()
                        + ": warning: invalid entry never matches: '" + entry.text() + "': " + problem));
            }
            err.flush();
            return 0;
        } catch (ExclusionException e) {
            return ExclusionCommand.report(spec, e);
        }
    }

    private void print(List<Shown> shown) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(shown)));
        } else {
            for (Shown s : shown) {
                if (!options.named()) {
                    out.println(s.list().name() + " (" + s.list().path() + ")");
                }
                s.entries().forEach(e -> out.println("  " + e.text()));
            }
        }
        out.flush();
    }

    private static ObjectNode toJson(List<Shown> shown) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode lists = root.putArray("lists");
        for (Shown s : shown) {
            ObjectNode list = lists.addObject();
            list.put("name", s.list().name());
            list.put("file", s.list().path().toString());
            list.put("default", s.list().main());
            ArrayNode entries = list.putArray("entries");
            for (EntryLine e : s.entries()) {
                ObjectNode entry = entries.addObject().put("line", e.line()).put("entry", e.text());
                entry.put("valid", e.problem().isEmpty());
                e.problem().ifPresent(p -> entry.put("problem", p));
            }
        }
        return root;
    }
}
