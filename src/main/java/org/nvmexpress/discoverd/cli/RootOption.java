package org.nvmexpress.discoverd.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --root DIR}: every path the command touches ({@code /etc}, {@code /run}, {@code /sys},
 * {@code /dev}) is looked up under DIR instead of {@code /}, so tests, chroots and images can be
 * inspected without root (ARCHITECTURE §5).
 */
final class RootOption {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Look up every path under DIR instead of / (default: ${DEFAULT-VALUE}).")
    private Path root;

    /** The root itself. */
    Path directory() {
        return root;
    }

    /** {@code absolute} (e.g. {@code /etc/nvme/nvme-fabrics.conf}) under the root. */
    Path resolve(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }
}
