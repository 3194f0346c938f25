package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real SO_PEERCRED check: a client running as nobody (setpriv, from root) is denied
 * {@code Reload} and answered {@code GetStatus}. The client is a few lines of python3's standard
 * library, so it needs neither our class path (under root's 0700 home) nor python3-varlink.
 */
final class VarlinkPeerCredentialsIT {
    /** Sends Reload then GetStatus, prints each reply on a line. */
    private static final String CLIENT = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
            "s.connect(sys.argv[1])",
            "buf = b''",
            "for m in ('org.nvmexpress.discoverd.Reload', 'org.nvmexpress.discoverd.GetStatus'):",
            "    s.sendall(b'{\"method\":\"' + m.encode() + b'\",\"parameters\":{}}\\0')",
            "    while b'\\0' not in buf:",
            "        chunk = s.recv(65536)",
            "        if not chunk: sys.exit('closed')",
            "        buf += chunk",
            "    reply, _, buf = buf.partition(b'\\0')",
            "    print(reply.decode())");

    @Test
    @Timeout(120)
    void nobodyIsDeniedReloadButAnsweredGetStatus() throws Exception {
        assumeTrue(PeerProcess.isRoot(), "changing to uid 65534 with setpriv needs root");
        assumeTrue(PeerProcess.succeeds("setpriv", "--version"), "setpriv is not installed (package util-linux)");
        assumeTrue(PeerProcess.succeeds(PeerProcess.PYTHON, "-c", "pass"), "/usr/bin/python3 is not installed");
        Path dir = PeerProcess.openDirectory();
        FakeDaemon daemon = new FakeDaemon();
        try (VarlinkServer server = VarlinkServer.start(dir.resolve("run/varlink"), daemon)) {
            Files.setPosixFilePermissions(dir.resolve("run"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            String out = PeerProcess.run(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    PeerProcess.PYTHON, "-c", CLIENT, server.path().toString()));
            List<String> replies = out.lines().toList();
            assertThat(replies).hasSize(2);
            assertThat(replies.get(0)).isEqualTo("{\"error\":\"org.nvmexpress.discoverd.PermissionDenied\",\"parameters\":{}}");
            assertThat(replies.get(1)).startsWith("{\"parameters\":{\"status\":{\"version\":\"0.1.0\"");
            assertThat(daemon.reloads).hasValue(0);
        } finally {
            Files.deleteIfExists(dir.resolve("run"));
            Files.deleteIfExists(dir);
        }
    }
}
