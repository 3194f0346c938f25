package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DaemonHostNameTest {
    private static final String NAME = "storage.example.com";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void aResolvingHostNameIsConnectedAtItsAddress() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(NAME));
        h.resolver.set(NAME, "10.0.0.5");
        h.start();
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", "10.0.0.5"));
    }

    @Test
    void anUnresolvableHostNameIsRetriedUntilItResolves() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(NAME, "10.0.0.1")).start();
        assertThat(h.notifier.messages()).containsExactly(
                "READY=1\nSTATUS=2 controllers: 0 connected, 1 starting, 1 unresolved");
        h.test.advance(Duration.ofMinutes(5));
        assertThat(h.resolver.asked(NAME)).isGreaterThan(5);
        assertThat(log.problems()).containsExactly("WARN host name 'storage.example.com' does not resolve:"
                + " storage.example.com: Name or service not known; its connections wait, retrying");

        h.resolver.set(NAME, "10.0.0.5");
        h.test.advance(Duration.ofMinutes(5));
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", "10.0.0.1"),
                DaemonHarness.call("start", "10.0.0.5"));
        assertThat(h.status()).isEqualTo("2 controllers: 0 connected, 2 starting");
        assertThat(log.containing("resolves to 10.0.0.5")).hasSize(1);
    }
}
