package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.nbft.NbftDump;
import org.nvmexpress.discoverd.nbft.NbftTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl nbft show}: the parsed tables, as a summary, as JSON, or as libnvme's
 * {@code nbft-dump} output. A table that cannot be parsed is reported on stderr (naming the table,
 * the descriptor and the offset) and the others are still shown; the exit status is then 2.
 */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show the NVMe Boot Firmware Tables: every NBFT* file in /sys/firmware/acpi/tables, or the"
                + " TABLE files given.",
                "text: a summary (host, interfaces, discovery controllers, namespaces); json: the whole parsed model"
                        + " ({\"tables\": [...], \"rejected\": [...]}); dump: libnvme's nbft-dump format, byte for"
                        + " byte. When several tables are read, each dump follows a line '==> FILE <==' and a blank"
                        + " line separates them.",
                "A table that cannot be parsed is named on stderr with what is wrong and where (exit status 2);"
                        + " the others are still shown. Dropped descriptors are warnings on stderr."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every table was shown (warnings allowed)", "1:the tables directory cannot be listed",
                "2:usage error, or a table that cannot be read or parsed"})
final class NbftShowCommand implements Callable<Integer> {
    /** How the tables are printed. */
    enum Format {
        TEXT,
        JSON,
        DUMP
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private NbftSource source;

    @Option(names = {"-f", "--format", "-o", "--output"}, paramLabel = "text|json|dump", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() throws IOException {
        NbftSource.Loaded loaded;
        try {
            loaded = source.read(spec.qualifiedName(), spec.commandLine().getErr());
        } catch (IOException e) {
            return source.reportUnlistable(spec.qualifiedName(), spec.commandLine().getErr(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(NbftJson.of(loaded.tables(), loaded.rejected())));
            case DUMP -> printDumps(loaded.tables(), loaded.read() > 1, out);
            case TEXT -> {
                if (loaded.read() == 0) {
                    out.println("No NBFT in " + source.directory() + ".");
                }
                NbftText.print(loaded.tables(), out);
            }
        }
        out.flush();
        return loaded.rejected().isEmpty() ? 0 : Commands.EXIT_USAGE;
    }

    /** The dumps one after the other; when several tables were read, each headed by its file, as head(1) does. */
    private static void printDumps(List<NbftTable> tables, boolean several, PrintWriter out) {
        for (int i = 0; i < tables.size(); i++) {
            if (several) {
                out.print((i > 0 ? "\n" : "") + "==> " + tables.get(i).source() + " <==\n");
            }
            out.print(NbftDump.of(tables.get(i)));
        }
    }
}
