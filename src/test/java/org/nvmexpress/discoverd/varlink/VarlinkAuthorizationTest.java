package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** VARLINK.md "Authorization": reads for everyone, changes for uid 0 only; an unknown uid is not root. */
@Timeout(60)
final class VarlinkAuthorizationTest {
    @TempDir
    Path tmp;

    private static String denied(VarlinkClient client, String method, String parameters) throws IOException {
        VarlinkError e = catchThrowableOfType(VarlinkError.class,
                () -> client.call(method, VarlinkJson.mapper().readTree(parameters)));
        return e == null ? "answered" : e.error();
    }

    @Test
    void uid1000ReadsButMayNotChangeAnything() throws Exception {
        try (TestServer server = TestServer.asUid(tmp, 1000); VarlinkClient client = server.client()) {
            server.daemon.snapshot.set(FakeDaemon.snapshot(List.of(FakeDaemon.controller(1, "backoff"))));
            assertThat(client.call("org.nvmexpress.discoverd.GetStatus", null).at("/status/backoff").intValue()).isEqualTo(1);
            assertThat(client.call("org.nvmexpress.discoverd.ListControllers", null).get("controllers")).hasSize(1);
            assertThat(client.call("org.varlink.service.GetInfo", null).has("interfaces")).isTrue();
            assertThat(client.call("io.systemd.service.Ping", null).isEmpty()).isTrue();

            assertThat(denied(client, "org.nvmexpress.discoverd.Reload", "{}")).isEqualTo("org.nvmexpress.discoverd.PermissionDenied");
            assertThat(denied(client, "org.nvmexpress.discoverd.Retry", "{}")).isEqualTo("org.nvmexpress.discoverd.PermissionDenied");
            assertThat(denied(client, "org.nvmexpress.discoverd.Retry", "{\"unit\":\"nvme-discoverd-000000000000.service\"}"))
                    .isEqualTo("org.nvmexpress.discoverd.PermissionDenied");
            assertThat(denied(client, "io.systemd.service.Reload", "{}")).isEqualTo("org.varlink.service.PermissionDenied");
            assertThat(denied(client, "io.systemd.service.SetLogLevel", "{\"level\":7}"))
                    .isEqualTo("org.varlink.service.PermissionDenied");
            assertThat(server.daemon.reloads).hasValue(0);
            assertThat(server.daemon.retries).isEmpty();
            assertThat(server.thresholds).isEmpty();
        }
    }

    @Test
    void anUnknownUidIsNotRoot() {
        assertThat(new Caller(OptionalInt.empty()).isRoot()).isFalse();
        assertThat(new Caller(OptionalInt.of(1000)).isRoot()).isFalse();
        assertThat(new Caller(OptionalInt.of(0)).isRoot()).isTrue();
    }

    @Test
    void theRealPeerUidIsOurs() throws Exception {
        // Server and client in one process: SO_PEERCRED must report this process's uid.
        int self = (Integer) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        OptionalInt[] seen = new OptionalInt[1];
        try (VarlinkServer server = VarlinkServer.start(VarlinkSettings.defaults(tmp.resolve("varlink")),
                new FakeDaemon(), socket -> seen[0] = PeerUid.SO_PEERCRED.of(socket), level -> { });
                VarlinkClient client = VarlinkClient.connect(server.path())) {
            client.call("io.systemd.service.Ping", null);
        }
        assertThat(seen[0]).hasValue(self);
    }
}
