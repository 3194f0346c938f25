package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.systemd.CallError;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.nvmexpress.discoverd.tid.UnitName;

final class DaemonRetryTest {
    private static final String A = "10.0.0.1";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    private DaemonHarness started(RandomGenerator random) {
        DaemonHarness h = new DaemonHarness(root, new TestLoop(), Optional.empty(), random);
        return h.fabrics(DaemonHarness.subsystem(A)).start();
    }

    /** How long until the next timer, on the virtual clock. */
    private static Duration untilNextTimer(DaemonHarness h) {
        return Duration.ofNanos(h.test.loop.nextDeadlineNanos() - h.test.clock.nowNanos());
    }

    /** Lets timers fire until the daemon asks for a unit again; how long that took. */
    private static Duration untilRequested(DaemonHarness h) {
        long start = h.test.clock.nowNanos();
        int calls = h.units.calls().size();
        while (h.units.calls().size() == calls) {
            h.test.advance(untilNextTimer(h));
        }
        return Duration.ofNanos(h.test.clock.nowNanos() - start);
    }

    @Test
    void retryBackoffDoublesUpToFiveMinutesWithJitterAndNeverGivesUp() {
        DaemonHarness h = started(RandomGenerator.of("L64X128MixRandom"));
        List<Duration> delays = new ArrayList<>();
        for (int failure = 1; failure <= 14; failure++) {
            h.jobDone(A, "failed");
            delays.add(untilRequested(h));
        }
        for (int i = 0; i < delays.size(); i++) {
            long nominal = RetryPolicy.nominal(i + 1).toNanos();
            assertThat(delays.get(i).toNanos()).as("delay %d", i + 1)
                    .isBetween(Math.round(nominal * 0.9), Math.round(nominal * 1.1));
        }
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).hasSize(15).startsWith("start", "restart")
                .containsOnlyOnce("start");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 starting");
    }

    @Test
    void jitterSpreadsControllersThatFailedTogether() {
        DaemonHarness h = new DaemonHarness(root, new TestLoop(), Optional.empty(), RandomGenerator.of("L64X128MixRandom"));
        h.fabrics(DaemonHarness.subsystem("10.0.0.1", "10.0.0.2", "10.0.0.3")).start();
        List<Long> deadlines = new ArrayList<>();
        for (String traddr : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3")) {
            h.jobDone(traddr, "failed");
        }
        h.test.advance(Duration.ofMillis(899));
        assertThat(h.units.calls()).hasSize(3);
        while (h.units.calls().size() < 6) { // the three retries; the audit's timer stays armed for ever
            deadlines.add(h.test.loop.nextDeadlineNanos());
            h.test.advance(untilNextTimer(h));
        }
        assertThat(deadlines).doesNotHaveDuplicates();
    }

    @Test
    void oneFailedConnectLogsExactlyOneWarning() {
        DaemonHarness h = started(RetryPolicyTest.fixed(0.5));
        log.clear();
        h.jobDone(A, "failed");
        assertThat(log.problems()).containsExactly("WARN (tcp, 10.0.0.1, 4420, " + DaemonHarness.VOL
                + ") - connection unit failed (job failed); retrying in 1.0 s (attempt 1)");
        assertThat(log.fieldsOf("connection unit failed")).containsEntry("NVME_UNIT", DaemonHarness.unit(A).value());
    }

    @Test
    void callFailedIsRetriedLikeAFailedJob() {
        DaemonHarness h = started(RetryPolicyTest.fixed(0.5));
        h.post(new UnitEvent.CallFailed(DaemonHarness.unit(A), "StartTransientUnit", CallError.NO_REPLY,
                "org.freedesktop.DBus.Error.NoReply", "no reply within 25 s"));
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 retrying");
        h.test.advance(Duration.ofSeconds(1));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
        h.jobDone(A, "done");
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
    }

    @Test
    void refusedRequestIsLoggedOnceAndWaitsForAReload() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        UnitName unit = DaemonHarness.unit(A);
        h.units.refuse(unit, "a literal secret needs the built-in connector");
        h.start();
        h.test.advance(Duration.ofHours(1));
        assertThat(h.units.callsFor(unit)).containsExactly("start");
        assertThat(log.problems()).containsExactly("ERROR (tcp, 10.0.0.1, 4420, " + DaemonHarness.VOL
                + ") - not connecting: a literal secret needs the built-in connector; waiting for a reload");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 refused");
        h.test.loop.post(new LoopEvent.Reload());
        h.test.runPending();
        assertThat(h.units.callsFor(unit)).containsExactly("start", "restart");
    }

    @Test
    void registryUnreadableFailsClosedAndIsRetriedLater() throws Exception {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        h.connectedAs("nvme0", A);
        Path registry = root.resolve("run/nvme/registry");
        h.host.write("run/nvme/registry-saved", "");
        Files.move(registry, root.resolve("run/nvme/registry-entries"));
        Files.writeString(registry, "not a directory\n");
        h.start();
        assertThat(h.units.calls()).isEmpty();
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 retrying");
        assertThat(log.problems()).hasSize(1).allMatch(line -> line.contains("cannot tell who owns it"));

        Files.delete(registry);
        Files.move(root.resolve("run/nvme/registry-entries"), registry);
        h.test.advance(Duration.ofSeconds(2));
        assertThat(h.units.calls()).isEmpty();
        assertThat(h.daemon.counts()).isEqualTo(Map.of(ControllerState.CONNECTED, 1));
    }

    @Test
    void exclusionAddedDuringBackoffIsHonouredByTheRetry() {
        DaemonHarness h = started(RetryPolicyTest.fixed(0.5));
        h.jobDone(A, "failed");
        h.host.exclusions("[exclusions]\nexclusion = traddr=" + A + "\n");
        h.test.advance(Duration.ofMinutes(10));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 excluded");
        assertThat(log.containing("excluded by")).hasSize(1);
    }
}
