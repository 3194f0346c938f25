package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.FakeClock;

final class SdNotifierTest {
    private static final long PID = 4242;
    private final FakeClock clock = new FakeClock(Duration.ofNanos(7_654_321_000L));

    @Test
    void messagesArriveAsDatagramsAtAPathSocket(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("notify");
        try (DatagramReceiver systemd = DatagramReceiver.atPath(path);
                Notifier notifier = SdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()), PID, clock)) {
            notifier.ready("12 controllers: 11 connected, 1 retrying");
            notifier.reloading("Reloading configuration...");
            clock.advance(Duration.ofMillis(3));
            notifier.ready("2 controllers: 2 connected, 0 retrying");
            notifier.status("2 controllers: 1 connected, 1 retrying");
            notifier.stopping("Stopping...");

            assertThat(systemd.receiveText()).isEqualTo("READY=1\nSTATUS=12 controllers: 11 connected, 1 retrying");
            assertThat(systemd.receiveText())
                    .isEqualTo("RELOADING=1\nMONOTONIC_USEC=7654321\nSTATUS=Reloading configuration...");
            assertThat(systemd.receiveText()).isEqualTo("READY=1\nSTATUS=2 controllers: 2 connected, 0 retrying");
            assertThat(systemd.receiveText()).isEqualTo("STATUS=2 controllers: 1 connected, 1 retrying");
            assertThat(systemd.receiveText()).isEqualTo("STOPPING=1\nSTATUS=Stopping...");
        }
    }

    @Test
    void messagesArriveAtAnAbstractSocket() throws Exception {
        String name = "/org/nvmexpress/test/notify/" + UUID.randomUUID();
        try (DatagramReceiver systemd = DatagramReceiver.inAbstractNamespace(name);
                Notifier notifier = SdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name), PID, clock)) {
            notifier.watchdog();
            assertThat(systemd.receiveText()).isEqualTo("WATCHDOG=1");
        }
    }

    @Test
    void statusCannotForgeAnAssignment(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("notify");
        try (DatagramReceiver systemd = DatagramReceiver.atPath(path);
                Notifier notifier = SdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()), PID, clock)) {
            notifier.status("bad\nREADY=1");
            assertThat(systemd.receiveText()).isEqualTo("STATUS=bad READY=1");
        }
    }

    @Test
    void fromEnvironmentWithoutNotifySocketDoesNothing() {
        assertThat(SdNotifier.fromEnvironment(Map.of("WATCHDOG_USEC", "30000000"), PID, clock)).isSameAs(Notifier.none());
    }

    @Test
    void fromEnvironmentWithAnUnsupportedAddressDoesNothing() {
        assertThat(SdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:1234"), PID, clock))
                .isSameAs(Notifier.none());
    }

    @Test
    void fromEnvironmentHalvesTheWatchdogTimeout(@TempDir Path dir) {
        Map<String, String> env = Map.of("NOTIFY_SOCKET", dir.resolve("n").toString(), "WATCHDOG_USEC", "30000000",
                "WATCHDOG_PID", Long.toString(PID));
        try (Notifier notifier = SdNotifier.fromEnvironment(env, PID, clock)) {
            assertThat(notifier.watchdogInterval()).contains(Duration.ofSeconds(15));
        }
    }

    @Test
    void sendingToAMissingSocketIsNotAnError(@TempDir Path dir) {
        try (Notifier notifier = SdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", dir.resolve("gone").toString()),
                PID, clock)) {
            notifier.ready("x");
            notifier.watchdog();
            assertThat(notifier.watchdogInterval()).isEmpty();
        }
    }

    @Test
    void noneDoesNothing() {
        Notifier none = Notifier.none();
        none.ready("x");
        none.reloading("x");
        none.status("x");
        none.stopping("x");
        none.watchdog();
        none.close();
        assertThat(none.watchdogInterval()).isEqualTo(Optional.empty());
    }
}
