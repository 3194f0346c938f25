package org.nvmexpress.discoverd.varlink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.nvmexpress.discoverd.config.LogLevel;

/** A server on a {@link FakeDaemon}, with the caller's uid chosen by the test (the seam). */
final class TestServer implements AutoCloseable {
    final FakeDaemon daemon = new FakeDaemon();
    final List<LogLevel> thresholds = new CopyOnWriteArrayList<>();
    final VarlinkServer server;

    private TestServer(Path dir, OptionalInt uid, UnaryOperator<VarlinkSettings> settings) throws IOException {
        server = VarlinkServer.start(settings.apply(VarlinkSettings.defaults(dir.resolve("run/nvme/discoverd/varlink"))),
                daemon, socket -> uid, thresholds::add);
    }

    static TestServer asRoot(Path dir) throws IOException {
        return new TestServer(dir, OptionalInt.of(0), UnaryOperator.identity());
    }

    static TestServer asUid(Path dir, int uid) throws IOException {
        return new TestServer(dir, OptionalInt.of(uid), UnaryOperator.identity());
    }

    static TestServer with(Path dir, UnaryOperator<VarlinkSettings> settings) throws IOException {
        return new TestServer(dir, OptionalInt.of(0), settings);
    }

    static TestServer idleAfter(Path dir, Duration idle) throws IOException {
        return with(dir, s -> s.withIdleTimeout(idle));
    }

    Path path() {
        return server.path();
    }

    VarlinkClient client() throws IOException {
        return VarlinkClient.connect(path());
    }

    RawClient raw() throws IOException {
        return new RawClient(path());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
