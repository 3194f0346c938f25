package org.nvmexpress.discoverd.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl}: the administrator's tool. Offline subcommands work on files and text
 * without a running daemon; {@code status}, {@code controllers}, {@code controller}, {@code monitor},
 * {@code reload} and {@code retry} talk to it over varlink ({@link DaemonCall}).
 */
@Command(name = "nvme-discoverctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Inspect and control nvme-discoverd, and work with its files offline.",
        subcommands = {TidCommand.class, ConfigCommand.class, NbftCommand.class, DlpCommand.class,
                RegistryCommand.class, ExclusionCommand.class, ConnectCommand.class, StatusCommand.class,
                ControllersCommand.class, ControllerCommand.class, MonitorCommand.class, ReloadCommand.class,
                RetryCommand.class, AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the operation failed", "2:usage error or bad input",
                "3:nvme-discoverd is not running (the commands that talk to it: status, controllers, controller,"
                        + " monitor, reload, retry); see each command's --help for the others"})
public final class DiscoverctlMain implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Commands.create(new DiscoverctlMain()).execute(args));
    }

    /** Without a subcommand there is nothing to do: a usage error that lists the subcommands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
