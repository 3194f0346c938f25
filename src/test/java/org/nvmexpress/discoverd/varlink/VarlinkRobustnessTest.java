package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonEvent;

/**
 * Misbehaving clients: each is disconnected, logged once, and never delays anyone else; a good
 * client is answered afterwards and meanwhile.
 */
@Timeout(120)
final class VarlinkRobustnessTest {
    @TempDir
    Path tmp;

    private static void assertStillServes(TestServer server) throws Exception {
        try (VarlinkClient good = server.client()) {
            assertThat(good.call("org.nvmexpress.discoverd.GetStatus", null).at("/status/version").textValue())
                    .isEqualTo("0.1.0");
        }
    }

    @Test
    void randomBytesDisconnectTheirClientOnly() throws Exception {
        try (TestServer server = TestServer.asRoot(tmp)) {
            Random random = new Random(1313);
            for (int round = 0; round < 20; round++) {
                byte[] junk = new byte[1 + random.nextInt(8192)];
                random.nextBytes(junk);
                junk[0] = (byte) 0xfe;
                junk[junk.length - 1] = 0;
                try (RawClient client = server.raw()) {
                    client.write(junk).awaitClosedByServer();
                }
            }
            assertStillServes(server);
            awaitProblems(server, 20);
        }
    }

    @Test
    void callsThatAreNoCallsDisconnect() throws Exception {
        try (TestServer server = TestServer.asRoot(tmp)) {
            for (String bad : List.of("{}", "{\"method\":7}", "{\"method\":\"a.B\",\"parameters\":[]}",
                    "{\"method\":\"a.B\",\"more\":\"yes\"}", "[]", "\"x\"", "{\"method\":\"a.B\"")) {
                try (RawClient client = server.raw()) {
                    client.send(bad).awaitClosedByServer();
                }
            }
            assertStillServes(server);
        }
    }

    @Test
    void aTwoMebibyteMessageDisconnects() throws Exception {
        try (TestServer server = TestServer.asRoot(tmp); RawClient client = server.raw()) {
            byte[] big = new byte[2 << 20];
            Arrays.fill(big, (byte) ' ');
            big[0] = '{';
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    client.write(big);
                } catch (IOException e) {
                    // EPIPE: the server closed after the first MiB, as it must.
                    return;
                }
            });
            client.awaitClosedByServer();
            writing.join();
            assertStillServes(server);
        }
    }

    @Test
    void halfAMessageThenSilenceIsDisconnectedAtTheIdleTimeout() throws Exception {
        try (TestServer server = TestServer.idleAfter(tmp, Duration.ofMillis(200)); RawClient client = server.raw()) {
            client.write("{\"method\":\"org.nvmexpress.discoverd.Get".getBytes(StandardCharsets.UTF_8));
            client.awaitClosedByServer();
            awaitProblems(server, 1);
        }
    }

    @Test
    void aSilentClientIsDisconnectedAtTheIdleTimeout() throws Exception {
        try (TestServer server = TestServer.idleAfter(tmp, Duration.ofMillis(200)); RawClient client = server.raw()) {
            client.send("{\"method\":\"io.systemd.service.Ping\"}");
            assertThat(client.reply().toString()).isEqualTo("{\"parameters\":{}}");
            client.awaitClosedByServer();
        }
    }

    @Test
    void aMonitorClientThatNeverReadsIsDisconnectedWithoutDelayingOthers() throws Exception {
        try (TestServer server = TestServer.with(tmp, s -> s.withMonitorQueue(8)); RawClient stuck = server.raw();
                VarlinkClient listening = server.client()) {
            stuck.send("{\"method\":\"org.nvmexpress.discoverd.Monitor\",\"more\":true}");
            server.daemon.awaitSubscribers(1);
            String message = "x".repeat(16 * 1024);
            // Enough to fill the socket's buffers and the queue behind them: the daemon never blocks.
            for (int i = 0; server.daemon.subscribers() > 0; i++) {
                server.daemon.publish(new DaemonEvent(i, "connected", Optional.empty(), Optional.empty(), message));
            }
            stuck.awaitClosedByServer();
            assertThat(listening.call("org.nvmexpress.discoverd.GetStatus", null).has("status")).isTrue();
            awaitProblems(server, 1);
        }
    }

    @Test
    void aClientThatNeverReadsItsRepliesIsDisconnected() throws Exception {
        try (TestServer server = TestServer.idleAfter(tmp, Duration.ofMillis(300)); RawClient client = server.raw()) {
            server.daemon.snapshot.set(FakeDaemon.snapshot(java.util.stream.IntStream.range(0, 2000)
                    .mapToObj(n -> FakeDaemon.controller(n, "connected")).toList()));
            for (int i = 0; i < 4; i++) {
                client.send("{\"method\":\"org.nvmexpress.discoverd.ListControllers\"}");
            }
            awaitProblems(server, 1);
            client.awaitClosedByServer();
            assertStillServes(server);
        }
    }

    @Test
    void aCallDuringMonitorDisconnects() throws Exception {
        try (TestServer server = TestServer.asRoot(tmp); RawClient client = server.raw()) {
            client.send("{\"method\":\"org.nvmexpress.discoverd.Monitor\",\"more\":true}");
            server.daemon.awaitSubscribers(1);
            server.daemon.publish(new DaemonEvent(5, "reloaded", Optional.empty(), Optional.empty(), "reloaded"));
            JsonNode first = client.reply();
            assertThat(first.get("continues").booleanValue()).isTrue();
            client.send("{\"method\":\"io.systemd.service.Ping\"}");
            client.awaitClosedByServer();
            server.daemon.awaitSubscribers(0);
        }
    }

    /** Waits for the server to have logged {@code n} client problems (logging is on its threads). */
    private static void awaitProblems(TestServer server, long n) {
        while (server.server.clientProblems() < n) {
            Thread.yield();
        }
    }
}
