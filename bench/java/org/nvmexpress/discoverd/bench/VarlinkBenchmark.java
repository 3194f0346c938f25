package org.nvmexpress.discoverd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.daemon.DaemonEvent;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.varlink.VarlinkClient;
import org.nvmexpress.discoverd.varlink.VarlinkError;
import org.nvmexpress.discoverd.varlink.VarlinkServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Varlink round trips over the real socket, client and server in one JVM, with 10,000
 * controllers in the snapshot (the daemon's scale): {@code GetStatus} (small, the status line of
 * {@code nvme-discoverctl}) and {@code ListControllers} (every controller, about 4 MiB of JSON).
 * Time per call, from writing the call to having parsed the reply.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VarlinkBenchmark {
    private static final int CONTROLLERS = 10_000;

    private Path dir;
    private VarlinkServer server;
    private VarlinkClient client;

    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("varlink-bench-");
        DaemonSnapshot snapshot = snapshot();
        server = VarlinkServer.start(dir.resolve("varlink"), new StaticDaemon(snapshot));
        client = VarlinkClient.connect(server.path());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        server.close();
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public JsonNode getStatus() throws IOException, VarlinkError {
        return client.call("org.nvmexpress.discoverd.GetStatus", JsonNodeFactory.instance.objectNode());
    }

    @Benchmark
    public JsonNode listControllers() throws IOException, VarlinkError {
        return client.call("org.nvmexpress.discoverd.ListControllers", JsonNodeFactory.instance.objectNode());
    }

    private static DaemonSnapshot snapshot() {
        List<DaemonSnapshot.Controller> controllers = new ArrayList<>(CONTROLLERS);
        Map<String, Integer> states = new LinkedHashMap<>();
        for (int n = 0; n < CONTROLLERS; n++) {
            TransportId tid = TransportId.builder().transport("tcp").traddr("10." + (n / 62500) + "." + (n / 250 % 250)
                    + "." + (n % 250 + 1)).trsvcid("4420").nqn("nqn.2014-08.com.example:vol" + n).hostIface("eth1")
                    .hostnqn("nqn.2014-08.org.nvmexpress:uuid:22222222-2222-2222-2222-222222222222").build();
            boolean up = n % 10 != 0;
            String state = up ? "connected" : "backoff";
            states.merge(state, 1, Integer::sum);
            controllers.add(new DaemonSnapshot.Controller(tid.unitName().toString(), tid, Role.IOC, List.of("config", "dlp"),
                    List.of("nvme-fabrics.conf:" + n), "discoverd", up ? Optional.of("nvme" + n) : Optional.empty(), state,
                    up ? 0 : 3, up ? OptionalLong.empty() : OptionalLong.of(1_700_000_060_000_000L),
                    up ? Optional.empty() : Optional.of("connect failed: Connection refused"), 1_700_000_000_000_000L + n));
        }
        return new DaemonSnapshot(new DaemonSnapshot.Status("0.1.0", 1_700_000_000_000_000L, "builtin", states,
                List.of("/etc/nvme/discoverd.conf", "/etc/nvme/nvme-fabrics.conf"), List.of(), List.of(),
                OptionalLong.empty()), controllers);
    }

    /** Serves one snapshot; the benchmark calls no command. */
    private static final class StaticDaemon implements DaemonControl {
        private final DaemonSnapshot snapshot;

        StaticDaemon(DaemonSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public DaemonSnapshot snapshot() {
            return snapshot;
        }

        @Override
        public Subscription subscribe(Consumer<DaemonEvent> listener) {
            return () -> { };
        }

        @Override
        public CompletableFuture<ReloadResult> reload() {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not benchmarked"));
        }

        @Override
        public CompletableFuture<Integer> retry(Optional<String> unit) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not benchmarked"));
        }
    }
}
