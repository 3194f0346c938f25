package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder;
import org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.DlpDecodeException;
import org.nvmexpress.discoverd.dlp.DlpProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl dlp show FILE}: decodes a Discovery Log Page saved by
 * {@code nvme discover --raw=FILE} (the 1024-byte header, then the entries) and prints it as text
 * or JSON. A file that is truncated or contradicts its header is named on stderr with the byte
 * offset of the problem (exit status 2); warnings go to stderr and the page is still shown.
 */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show a Discovery Log Page saved by 'nvme discover --raw=FILE'.",
                "text: the header, then one block per entry with libnvme's names; json: {\"genctr\", \"numrec\","
                        + " \"recfmt\", \"entries\": [{\"trtype\", \"adrfam\", \"subtype\" (nvme, referral, current),"
                        + " \"treq\", \"portid\", \"cntlid\", \"asqsz\", \"eflags\", \"epcsd\", \"duplicate\","
                        + " \"trsvcid\", \"subnqn\", \"traddr\", \"sectype\"}]}; treq and eflags are the raw numbers,"
                        + " sectype libnvme's name (none, tls, tls13) for tcp entries and null for the others.",
                "A truncated or inconsistent page is named on stderr with the byte offset of the problem."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the page was shown (warnings allowed)",
                "2:usage error, or a file that cannot be read or decoded"})
final class DlpShowCommand implements Callable<Integer> {
    /** The largest file read: a header and the most records the daemon fetches. */
    static final int MAX_BYTES = (1 + DiscoveryLogFetcher.DEFAULT_MAX_RECORDS) * DiscoveryLogDecoder.ENTRY_SIZE;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Parameters(paramLabel = "FILE", description = "The raw page, as 'nvme discover --raw=FILE' saves it.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DiscoveryLogPage page;
        try {
            page = DiscoveryLogDecoder.decode(read());
        } catch (BadFile | DlpDecodeException e) {
            return fail(err, e.getMessage());
        }
        for (DlpProblem warning : page.warnings()) {
            err.println(spec.qualifiedName() + ": warning: " + file + ": " + warning);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            DlpJson.write(page, out);
            out.println();
        } else {
            DlpText.print(page, out);
        }
        out.flush();
        return 0;
    }

    private int fail(PrintWriter err, String message) {
        err.println(spec.qualifiedName() + ": " + file + ": " + message);
        err.flush();
        return Commands.EXIT_USAGE;
    }

    /** The file's bytes; never more than {@link #MAX_BYTES}, whatever size the file system reports. */
    private byte[] read() throws BadFile {
        if (Files.isDirectory(file)) {
            throw new BadFile("is a directory, not a log page");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new BadFile("larger than " + MAX_BYTES + " bytes, a header and "
                        + DiscoveryLogFetcher.DEFAULT_MAX_RECORDS + " records; not read");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new BadFile("cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw new BadFile("cannot read: permission denied");
        } catch (IOException e) {
            throw new BadFile("cannot read: " + e.getMessage());
        }
    }

    /** A file that is not there, not readable or too large. */
    private static final class BadFile extends Exception {
        private static final long serialVersionUID = 1L;

        BadFile(String message) {
            super(message);
        }
    }
}
