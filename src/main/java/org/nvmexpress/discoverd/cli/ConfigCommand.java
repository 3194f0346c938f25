package org.nvmexpress.discoverd.cli;

import picocli.CommandLine.Command;

/** {@code nvme-discoverctl config}: check and show the configuration the daemon would read. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validate and show nvme-discoverd.conf and the fabrics configuration"
                + " (nvme-fabrics.conf and nvme-fabrics.conf.d/*.conf).",
        subcommands = {ConfigCheckCommand.class, ConfigShowCommand.class})
final class ConfigCommand {
}
