package org.nvmexpress.discoverd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl nbft}: the NVMe Boot Firmware Tables, what the firmware booted from
 * (reference §7). Each subcommand takes the tables through the {@link NbftSource} mixin (TABLE
 * files or {@code --root}, with shared error reporting and exit status 2 for a rejected table):
 * {@code show} prints the tables, {@code controllers} the boot controllers derived from them.
 */
@Command(name = "nbft",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Read the NVMe Boot Firmware Tables (/sys/firmware/acpi/tables/NBFT*): the host identity,"
                + " interfaces, discovery controllers and namespaces the firmware booted from.",
        subcommands = {NbftShowCommand.class, NbftControllersCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the operation failed (e.g. the tables directory cannot be listed)",
                "2:usage error, or a table that cannot be read or parsed"})
final class NbftCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
