package org.nvmexpress.discoverd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl dlp}: Discovery Log Pages, what a discovery controller offers (reference
 * §5). For now the pages saved by {@code nvme discover --raw=FILE}; subcommands that ask a live
 * controller join {@code subcommands} beside {@code show}.
 */
@Command(name = "dlp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Read Discovery Log Pages: the I/O subsystems and referrals a discovery controller offers.",
        subcommands = {DlpShowCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:usage error, or a page that cannot be read or decoded"})
final class DlpCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
