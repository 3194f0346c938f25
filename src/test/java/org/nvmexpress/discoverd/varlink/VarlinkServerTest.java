package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The socket's life and the server's limits on clients. */
@Timeout(120)
final class VarlinkServerTest {
    @TempDir
    Path tmp;

    @Test
    void startReplacesAStaleFileCreatesTheParentAndMakesTheSocket0666() throws Exception {
        Path socket = tmp.resolve("run/nvme/discoverd/varlink");
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "left over by a crashed daemon");
        try (TestServer server = TestServer.asRoot(tmp)) {
            assertThat(server.path()).isEqualTo(socket);
            assertThat(Files.isRegularFile(socket)).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw-rw-");
            try (VarlinkClient client = server.client()) {
                assertThat(client.call("io.systemd.service.Ping", null).isEmpty()).isTrue();
            }
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void closeEndsEveryKindOfClientAndRemovesTheSocket() throws Exception {
        TestServer server = TestServer.asRoot(tmp);
        RawClient idle = server.raw();
        RawClient half = server.raw().write("{\"method\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RawClient monitor = server.raw().send("{\"method\":\"org.nvmexpress.discoverd.Monitor\",\"more\":true}");
        server.daemon.awaitSubscribers(1);
        server.close();
        for (RawClient client : List.of(idle, half, monitor)) {
            client.awaitClosedByServer();
            client.close();
        }
        assertThat(server.path()).doesNotExist();
        assertThat(server.daemon.subscribers()).isZero();
    }

    @Test
    void fiftyClientsAreServedAtOnce() throws Exception {
        int clients = 50;
        int callsEach = 20;
        try (TestServer server = TestServer.asRoot(tmp)) {
            server.daemon.snapshot.set(FakeDaemon.snapshot(List.of(FakeDaemon.controller(1, "connected"))));
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    try (VarlinkClient client = server.client()) {
                        go.await();
                        int answered = 0;
                        for (int c = 0; c < callsEach; c++) {
                            JsonNode status = client.call("org.nvmexpress.discoverd.GetStatus", null);
                            answered += status.at("/status/connected").intValue();
                        }
                        return answered;
                    }
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(callsEach);
            }
            pool.shutdown();
            assertThat(server.server.acceptedClients()).isEqualTo(clients);
        }
    }

    @Test
    void theSixtyFifthClientWaitsUntilOneLeaves() throws Exception {
        try (TestServer server = TestServer.asRoot(tmp)) {
            List<VarlinkClient> served = new ArrayList<>();
            for (int i = 0; i < VarlinkSettings.MAX_CLIENTS; i++) {
                VarlinkClient client = server.client();
                client.call("io.systemd.service.Ping", null); // accepted and served
                served.add(client);
            }
            try (RawClient waiting = server.raw()) {
                // Connected (the backlog) and its call sent, but no slot: the acceptor holds off.
                waiting.send("{\"method\":\"io.systemd.service.Ping\"}");
                assertThat(server.server.openClients()).isEqualTo(VarlinkSettings.MAX_CLIENTS);
                assertThat(server.server.acceptedClients()).isEqualTo(VarlinkSettings.MAX_CLIENTS);
                assertThat(waiting.hasBytes()).isFalse();

                served.remove(0).close();
                assertThat(waiting.reply().toString()).isEqualTo("{\"parameters\":{}}");
                assertThat(server.server.acceptedClients()).isEqualTo(VarlinkSettings.MAX_CLIENTS + 1);
            }
            for (VarlinkClient client : served) {
                client.close();
            }
        }
    }
}
