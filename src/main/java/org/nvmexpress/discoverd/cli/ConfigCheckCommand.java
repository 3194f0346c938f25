package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.config.DaemonConfigReader;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl config check}: validates both configurations exactly as the daemon reads
 * them, one {@code FILE:LINE: error: ...} or {@code FILE:LINE: warning: ...} line per finding; past
 * a file's first hundred, one {@code FILE: ...: N more problems not shown}, and the count of those in
 * the closing summary.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Validate nvme-discoverd.conf and the fabrics configuration exactly as the daemon reads"
                + " them. Prints one 'FILE:LINE: error: ...' or 'FILE:LINE: warning: ...' line per finding.",
                "A fabrics file with an error is left out by the daemon (the other files still apply)."
                + " In nvme-discoverd.conf an invalid value is an error here, though the daemon only warns,"
                + " skips the line and keeps the default; keys of the older layout, which the daemon still"
                + " reads, and keys in the wrong section, which it ignores, are warnings."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "1:at least one error", "2:usage error"})
final class ConfigCheckCommand implements Callable<Integer> {
    static final String DAEMON_CONFIG_PATH = "/etc/nvme/nvme-discoverd.conf";

    @Spec
    private CommandSpec spec;

    @Mixin
    private FabricsOptions options;

    @Option(names = "--daemon-config", paramLabel = "FILE",
            description = "Read this daemon configuration instead of /etc/nvme/nvme-discoverd.conf under the root.")
    private Path daemonConfig;

    @Override
    public Integer call() {
        Path daemonFile = daemonConfig != null ? daemonConfig : options.root.resolve(DAEMON_CONFIG_PATH);
        List<Diagnostic> findings = new ArrayList<>(DaemonConfigReader.read(daemonFile, daemonFile.toString()).diagnostics());
        FabricsConfig fabrics = options.load();
        findings.addAll(fabrics.diagnostics());

        PrintWriter out = spec.commandLine().getOut();
        findings.forEach(out::println);
        // A file's findings past the first hundred are summarised in one line; count them apart.
        long notShown = 0;
        long errors = 0;
        long warnings = 0;
        boolean anyError = false;
        for (Diagnostic d : findings) {
            OptionalInt summarised = CappedDiagnostics.notShown(d);
            anyError |= d.isError();
            if (summarised.isPresent()) {
                notShown += summarised.getAsInt();
            } else if (d.isError()) {
                errors++;
            } else {
                warnings++;
            }
        }
        out.printf("%d error%s, %d warning%s%s; %d fabrics file%s read, %d connection%s usable%n",
                errors, plural(errors), warnings, plural(warnings), notShown == 0 ? "" : ", " + notShown + " more not shown",
                fabrics.files().size(), plural(fabrics.files().size()),
                fabrics.connections().size(), plural(fabrics.connections().size()));
        out.flush();
        return anyError ? Commands.EXIT_FAILURE : 0;
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
