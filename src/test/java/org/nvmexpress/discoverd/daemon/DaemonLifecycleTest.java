package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DaemonLifecycleTest {
    private static final String ONE = "1 controller: 0 connected, 1 starting";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();
    private DaemonHarness harness;

    @AfterEach
    void close() {
        log.close();
        if (harness != null) {
            harness.units.release();
        }
    }

    private DaemonHarness started(Optional<Duration> watchdog) {
        harness = new DaemonHarness(root, new TestLoop(), watchdog, RetryPolicyTest.fixed(0.5));
        return harness.fabrics(DaemonHarness.subsystem("10.0.0.1")).start();
    }

    @Test
    void stopSendsStoppingEndsTheLoopAndClosesTheAdapters() {
        DaemonHarness h = started(Optional.empty());
        h.test.loop.post(new LoopEvent.Stop("SIGTERM"));
        h.test.runPending();
        assertThat(h.notifier.messages()).containsExactly("READY=1\nSTATUS=" + ONE, "STOPPING=1\nSTATUS=Stopping on SIGTERM");
        assertThat(h.test.loop.isClosed()).isTrue();
        assertThat(h.daemon.closeAdapters()).isEmpty();
        assertThat(h.units.closed()).isTrue();
        assertThat(h.units.calls()).noneMatch(call -> call.startsWith("stop "));
    }

    @Test
    void shutdownWithACallInFlightReturnsWithinTheBound() {
        DaemonHarness h = started(Optional.empty());
        h.units.hangOnClose();
        h.test.loop.post(new LoopEvent.Stop("SIGINT"));
        h.test.runPending();
        long before = h.test.clock.nowNanos();
        assertThat(h.daemon.closeAdapters()).containsExactly("unit manager");
        assertThat(Duration.ofNanos(h.test.clock.nowNanos() - before)).isEqualTo(Shutdown.BUDGET);
        assertThat(log.problems()).containsExactly("ERROR not closed within 4 s, exiting anyway: unit manager");
    }

    @Test
    void reloadSendsReloadingWithMonotonicTimeThenReady() {
        DaemonHarness h = started(Optional.empty());
        h.fabrics(DaemonHarness.subsystem("10.0.0.1", "10.0.0.2"));
        h.test.loop.post(new LoopEvent.Reload());
        h.test.runPending();
        long micros = h.test.clock.nowNanos() / 1000;
        assertThat(h.notifier.messages()).containsExactly("READY=1\nSTATUS=" + ONE,
                "RELOADING=1\nMONOTONIC_USEC=" + micros + "\nSTATUS=Reloading configuration...",
                "READY=1\nSTATUS=2 controllers: 0 connected, 2 starting");
    }

    @Test
    void reloadDuringTheFirstPassIsHeldUntilItEnds() {
        harness = new DaemonHarness(root).fabrics(DaemonHarness.subsystem("10.0.0.1"));
        harness.daemon.begin(org.nvmexpress.discoverd.config.DaemonConfig.DEFAULTS);
        harness.test.loop.post(new LoopEvent.Reload());
        harness.test.runPending();
        assertThat(harness.notifier.messages()).extracting(m -> m.lines().findFirst().orElse(""))
                .containsExactly("READY=1", "RELOADING=1", "READY=1");
    }

    @Test
    void watchdogIsPingedEachInterval() {
        DaemonHarness h = started(Optional.of(Duration.ofSeconds(15)));
        h.test.advance(Duration.ofSeconds(45));
        assertThat(h.notifier.messages()).containsExactly("READY=1\nSTATUS=" + ONE, "WATCHDOG=1", "WATCHDOG=1",
                "WATCHDOG=1");
    }

    @Test
    void aPingDueWhenAnEventArrivesIsSentFirst() {
        DaemonHarness h = started(Optional.of(Duration.ofSeconds(15)));
        h.test.clock.advance(Duration.ofSeconds(15));
        h.test.loop.post(new LoopEvent.Reload());
        h.test.runPending();
        assertThat(h.notifier.messages()).extracting(m -> m.lines().findFirst().orElse(""))
                .containsExactly("READY=1", "WATCHDOG=1", "RELOADING=1", "READY=1");
    }

    @Test
    void oneBadEventDoesNotEndTheLoop() {
        harness = new DaemonHarness(root).fabrics(DaemonHarness.subsystem("10.0.0.1", "10.0.0.2")).start();
        harness.units.explode(DaemonHarness.unit("10.0.0.1"));
        harness.jobDone("10.0.0.1", "failed");
        harness.test.advance(Duration.ofSeconds(2));
        assertThat(log.containing("failed; the loop goes on with the next event")).hasSize(1);
        harness.jobDone("10.0.0.2", "done");
        harness.test.loop.post(new LoopEvent.Stop("SIGTERM"));
        harness.test.runPending();
        assertThat(harness.daemon.counts()).containsEntry(ControllerState.CONNECTED, 1);
        assertThat(harness.notifier.messages()).last().isEqualTo("STOPPING=1\nSTATUS=Stopping on SIGTERM");
    }

    @Test
    void oneDecisionThatThrowsDoesNotCostThePassOrReady() {
        harness = new DaemonHarness(root).fabrics(DaemonHarness.subsystem("10.0.0.1", "10.0.0.2"));
        harness.units.explode(DaemonHarness.unit("10.0.0.1"));
        harness.start();
        assertThat(log.containing("cannot carry out the decision Start; the pass goes on with the next")).hasSize(1);
        // The call is recorded before it throws: the second start is what the guard saved.
        assertThat(harness.units.calls()).containsExactly(DaemonHarness.call("start", "10.0.0.1"),
                DaemonHarness.call("start", "10.0.0.2"));
        assertThat(harness.notifier.messages()).first().asString().startsWith("READY=1");
    }
}
