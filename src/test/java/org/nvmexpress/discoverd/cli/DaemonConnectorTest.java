package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped connector, until the varlink client is plugged in: it never pretends to have talked
 * to the daemon. (Delete the second test when {@link DaemonConnector#builtIn()} returns the client.)
 */
final class DaemonConnectorTest {
    @TempDir
    Path root;

    @Test
    void missingSocketIsNotRunningWithTheShippedConnector() {
        CommandRunner cli = new CommandRunner();
        assertThat(cli.run("status", "--root", root.toString())).isEqualTo(3);
        assertThat(cli.err()).isEqualTo("nvme-discoverd is not running (no socket at "
                + root.resolve("run/nvme/discoverd/varlink") + ")\n");
    }

    @Test
    void aSocketFileNobodyListensOnIsNotRunningEither() throws IOException {
        Path socket = Files.createFile(root.resolve("varlink"));
        CommandRunner cli = new CommandRunner();
        assertThat(cli.run("status", "--socket", socket.toString())).isEqualTo(3);
        assertThat(cli.err()).isEqualTo("nvme-discoverd is not running (no socket at " + socket + ")\n");
    }
}
