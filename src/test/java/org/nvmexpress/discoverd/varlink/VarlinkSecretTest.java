package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonEvent;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * No reply carries what the interface does not declare: a marker planted in the snapshot's
 * {@code sourceDetails} (which no varlink type has) never appears in any byte of a scripted
 * session calling every method. The end-to-end test with configured keys is the daemon's.
 */
@Timeout(60)
final class VarlinkSecretTest {
    private static final String SECRET = "DHHC-1:00:c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr:";

    @TempDir
    Path tmp;

    @Test
    void noReplyOfAWholeSessionContainsTheSecret() throws Exception {
        try (TestServer server = TestServer.asRoot(tmp); RawClient client = server.raw()) {
            TransportId tid = TransportId.builder().transport("tcp").traddr("10.1.1.1").trsvcid("4420")
                    .nqn("nqn.2014-08.org.nvmexpress:vol").hostnqn("nqn.2014-08.org.nvmexpress:uuid:host").build();
            server.daemon.snapshot.set(FakeDaemon.snapshot(List.of(
                    FakeDaemon.controller(tid, Role.IOC, "connected", 1, List.of("nvme-fabrics.conf:4 " + SECRET)))));
            String unit = tid.unitName().toString();
            List<String> calls = List.of("org.varlink.service.GetInfo", "io.systemd.service.Ping",
                    "org.nvmexpress.discoverd.GetStatus", "org.nvmexpress.discoverd.ListControllers",
                    "org.nvmexpress.discoverd.Reload", "io.systemd.service.Reload", "org.nvmexpress.discoverd.Monitor");
            StringBuilder script = new StringBuilder();
            for (String name : InterfaceDescriptions.INTERFACES) {
                script.append("{\"method\":\"org.varlink.service.GetInterfaceDescription\",\"parameters\":{\"interface\":\"")
                        .append(name).append("\"}}\0");
            }
            calls.forEach(m -> script.append("{\"method\":\"").append(m).append("\"}\0"));
            script.append("{\"method\":\"org.nvmexpress.discoverd.GetController\",\"parameters\":{\"unit\":\"").append(unit)
                    .append("\"}}\0{\"method\":\"org.nvmexpress.discoverd.GetController\",\"parameters\":{\"device\":\"nvme1\"}}\0")
                    .append("{\"method\":\"org.nvmexpress.discoverd.Retry\",\"parameters\":{\"unit\":\"").append(unit).append("\"}}\0")
                    .append("{\"method\":\"org.nvmexpress.discoverd.Retry\"}\0")
                    .append("{\"method\":\"org.nvmexpress.discoverd.Monitor\",\"more\":true}\0");
            client.write(script.toString().getBytes(StandardCharsets.UTF_8));
            int replies = InterfaceDescriptions.INTERFACES.size() + calls.size() + 4;
            StringBuilder session = new StringBuilder();
            for (int i = 0; i < replies; i++) {
                session.append(client.reply()).append('\n');
            }
            server.daemon.awaitSubscribers(1);
            server.daemon.publish(new DaemonEvent(1, "connected", Optional.of(unit), Optional.of("nvme1"), "connected"));
            session.append(client.reply());
            assertThat(session).contains(unit, "nvme1", "\"retried\":1").doesNotContain(SECRET).doesNotContain("c2VjcmV0");
        }
    }
}
