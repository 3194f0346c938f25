package org.nvmexpress.discoverd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverd}: the daemon's entry point, started by {@code nvme-discoverd.service}.
 *
 * <p>The event loop and the connection machinery arrive with later issues; until then the command
 * offers its help and version and refuses to run, rather than pretending to manage connections.
 */
@Command(name = "nvme-discoverd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keep this host's desired NVMe over Fabrics controllers connected.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:clean shutdown", "1:the daemon failed", "2:usage error or bad input"})
public final class DaemonMain implements java.util.concurrent.Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Commands.create(new DaemonMain()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nvme-discoverd: the daemon is not available in this build yet;"
                + " use nvme-discoverctl for the offline tools");
        return Commands.EXIT_FAILURE;
    }
}
