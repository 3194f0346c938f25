package org.nvmexpress.discoverd.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to the daemon shares: where its socket is ({@code --socket},
 * or VARLINK.md's path under {@code --root}) and how to print ({@code --output}).
 */
final class DaemonOptions {
    /** VARLINK.md: where the daemon listens, under its own {@code --root}. */
    static final String SOCKET_PATH = "/run/nvme/discoverd/varlink";

    @Mixin
    private RootOption root;

    @Option(names = "--socket", paramLabel = "PATH",
            description = "The daemon's varlink socket (default: <root>" + SOCKET_PATH + ").")
    private Path socket;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    Path socket() {
        return socket != null ? socket : root.resolve(SOCKET_PATH);
    }

    boolean json() {
        return output == OutputFormat.JSON;
    }
}
