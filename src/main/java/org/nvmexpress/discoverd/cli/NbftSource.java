package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nvmexpress.discoverd.nbft.NbftParseException;
import org.nvmexpress.discoverd.nbft.NbftProblem;
import org.nvmexpress.discoverd.nbft.NbftReader;
import org.nvmexpress.discoverd.nbft.NbftTable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The tables an {@code nbft} subcommand works on: the TABLE files given, or every {@code NBFT*}
 * under {@code --root}; and how they share reading them: each table on its own, a rejected one
 * reported on stderr (naming table, descriptor and offset) without stopping the others, dropped
 * descriptors reported as warnings.
 */
final class NbftSource {
    @Mixin
    private RootOption root;

    @Parameters(paramLabel = "TABLE", arity = "0..*",
            description = "Table files to read instead of the NBFT* files under the root.")
    private List<Path> files = new ArrayList<>();

    /**
     * What was read.
     *
     * @param tables   the tables that parsed, in order
     * @param rejected the tables that did not, already reported
     * @param read     how many files were read
     */
    record Loaded(List<NbftTable> tables, List<NbftProblem> rejected, int read) {
        Loaded {
            tables = List.copyOf(tables);
            rejected = List.copyOf(rejected);
        }
    }

    /** The system root ({@code --root}), under which the host's network interfaces are looked up too. */
    Path root() {
        return root.resolve("/");
    }

    /** Where the tables are looked for when no TABLE is given. */
    Path directory() {
        return root.resolve("/" + NbftReader.TABLES_DIRECTORY);
    }

    /** Reports on {@code err} that the tables directory cannot be listed; returns the exit status for it. */
    int reportUnlistable(String command, PrintWriter err, IOException e) {
        err.println(command + ": cannot list " + directory() + ": "
                + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage()));
        err.flush();
        return Commands.EXIT_FAILURE;
    }

    /**
     * Reads every table, reporting on {@code err} (prefixed by {@code command}) each rejected table
     * and each warning.
     *
     * @throws IOException when the tables directory exists but cannot be listed
     */
    Loaded read(String command, PrintWriter err) throws IOException {
        List<Path> paths = files.isEmpty() ? NbftReader.tableFiles(root()) : files;
        List<NbftTable> tables = new ArrayList<>();
        List<NbftProblem> rejected = new ArrayList<>();
        for (Path path : paths) {
            try {
                NbftTable table = NbftReader.read(path);
                tables.add(table);
                table.warnings().forEach(w -> err.println(command + ": warning: " + w));
            } catch (NbftParseException e) {
                rejected.add(e.problem());
                err.println(command + ": " + e.getMessage());
            }
        }
        err.flush();
        return new Loaded(tables, rejected, paths.size());
    }
}
