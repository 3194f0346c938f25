package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An independent varlink implementation against ours (TESTING.md): python3-varlink's command line
 * introspects the service (it calls GetInterfaceDescription and parses our description) and
 * calls a method through it.
 */
final class VarlinkPythonClientIT {

    @Test
    @Timeout(120)
    void python3VarlinkIntrospectsAndCalls() throws Exception {
        assumeTrue(PeerProcess.succeeds(PeerProcess.PYTHON, "-c", "import varlink"),
                "python3-varlink is not importable (Debian package python3-varlink, from bookworm-backports; TESTING.md)");
        Path dir = PeerProcess.openDirectory();
        FakeDaemon daemon = new FakeDaemon();
        daemon.snapshot.set(FakeDaemon.snapshot(List.of(FakeDaemon.controller(1, "connected"))));
        try (VarlinkServer server = VarlinkServer.start(dir.resolve("varlink"), daemon)) {
            String address = "unix:" + server.path();
            String info = PeerProcess.run(List.of(PeerProcess.PYTHON, "-m", "varlink.cli", "info", address));
            assertThat(info).contains("nvme-discoverd", "org.nvmexpress.discoverd", "io.systemd.service");
            String help = PeerProcess.run(List.of(PeerProcess.PYTHON, "-m", "varlink.cli", "help",
                    address + "/org.nvmexpress.discoverd"));
            assertThat(help).contains("method GetStatus() -> (status: Status)");
            String reply = PeerProcess.run(List.of(PeerProcess.PYTHON, "-m", "varlink.cli", "call",
                    address + "/org.nvmexpress.discoverd.GetStatus", "{}"));
            JsonNode status = VarlinkJson.mapper().readTree(reply);
            assertThat(status.at("/status/connected").intValue()).isEqualTo(1);
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
