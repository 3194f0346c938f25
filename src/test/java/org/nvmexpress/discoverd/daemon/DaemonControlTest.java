package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfig;

/** The status interface's commands and events in virtual time (issue 13). */
final class DaemonControlTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private static final String C = "10.0.0.3";
    private static final String DROP_IN = "etc/nvme/nvme-fabrics.conf.d/50-more.conf";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static Optional<String> unitOf(String traddr) {
        return Optional.of(DaemonHarness.unit(traddr).value());
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void reloadCompletesOnceItsPassIsCarriedOutAndReportsTheBrokenDropIn() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        h.host.write(DROP_IN, DaemonHarness.subsystem(B));
        h.start();
        h.host.write(DROP_IN, DaemonHarness.subsystem(B) + "bad line\n");
        h.test.advance(Duration.ofSeconds(5));

        CompletableFuture<DaemonControl.ReloadResult> done = h.control().reload();
        assertThat(done).as("posted, not carried out yet").isNotDone();
        h.test.runPending();

        String error = root.resolve(DROP_IN) + ":4: malformed line: 'bad line'"
                + " (expected [Section], key = value or # comment)";
        assertThat(done).isCompletedWithValueMatching(r -> r.failed() && r.errors().equals(List.of(error)));
        assertThat(h.notifier.messages()).anyMatch(m -> m.startsWith("RELOADING=1"));
        DaemonSnapshot snapshot = h.control().snapshot();
        assertThat(snapshot.status().lastReloadUSec()).hasValue(DaemonHarness.wallMicros(h.test.clock.nowNanos()));
        assertThat(snapshot.status().configErrors()).containsExactly(error);
        assertThat(snapshot.status().configFiles()).containsExactly(root.resolve(DaemonHarness.FABRICS).toString(),
                root.resolve(DROP_IN).toString());
        assertThat(snapshot.controllers()).as("the drop-in keeps its last good content").hasSize(2);
    }

    @Test
    void aReloadAskedForDuringAPassIsAnsweredByThePassThatFollows() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        h.daemon.begin(DaemonConfig.DEFAULTS);
        CompletableFuture<DaemonControl.ReloadResult> done = h.control().reload();
        h.test.workers.runQueued(); // the start-up pass reads its inputs, the reload arrives meanwhile
        h.test.runPending();
        assertThat(done).isCompletedWithValueMatching(r -> !r.failed());
        assertThat(log.containing("reload requested while a pass runs")).hasSize(1);
        assertThat(log.containing("reloaded: ")).hasSize(1);
    }

    @Test
    void retryOfAUnitSkipsItsBackoff() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.jobDone(A, "failed");
        h.test.advance(SnapshotPublisher.INTERVAL);
        assertThat(h.control().snapshot().controllers().get(0).state()).isEqualTo("backoff");
        long now = h.test.clock.nowNanos();

        CompletableFuture<Integer> done = h.control().retry(unitOf(A));
        h.test.runPending();

        assertThat(done).isCompletedWithValue(1);
        assertThat(h.test.clock.nowNanos()).isEqualTo(now);
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
        DaemonSnapshot.Controller a = h.control().snapshot().controllers().get(0);
        assertThat(a.state()).isEqualTo("connecting");
        assertThat(a.nextRetryUSec()).isEmpty();
        h.test.advance(Duration.ofSeconds(10));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).as("the cancelled timer never fires").hasSize(2);
    }

    @Test
    void retryOfEveryoneRetriesWhatIsInBackoffOnly() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A, B, C)).start();
        h.jobDone(A, "failed");
        h.jobDone(B, "failed");
        h.connects("nvme0", C);
        CompletableFuture<Integer> done = h.control().retry(Optional.empty());
        h.test.runPending();
        assertThat(done).isCompletedWithValue(2);
        assertThat(h.units.callsFor(DaemonHarness.unit(C))).containsExactly("start");

        CompletableFuture<Integer> connected = h.control().retry(unitOf(C));
        h.test.runPending();
        assertThat(connected).as("nothing to skip").isCompletedWithValue(0);
    }

    @Test
    void retryOfAnUnknownUnitIsNoSuchController() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        CompletableFuture<Integer> unknown = h.control().retry(Optional.of("nvme-discoverd-000000000000.service"));
        CompletableFuture<Integer> garbage = h.control().retry(Optional.of("sshd.service"));
        h.test.runPending();
        assertThat(failureOf(unknown)).isInstanceOfSatisfying(DaemonControl.NoSuchController.class,
                e -> assertThat(e.unit()).isEqualTo("nvme-discoverd-000000000000.service"));
        assertThat(failureOf(garbage)).isInstanceOf(DaemonControl.NoSuchController.class);
    }

    @Test
    void eventsTellTheStoryOfAConnectionOnce() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        List<DaemonEvent> events = new ArrayList<>();
        h.control().subscribe(events::add);
        h.start();
        long failedAt = h.test.clock.nowNanos();
        h.jobDone(A, "failed");
        h.test.advance(Duration.ofSeconds(2));
        h.connects("nvme0", A);
        h.test.advance(Duration.ofMinutes(10)); // stable: a removal now reconnects at once
        h.removed("nvme0");

        assertThat(events).extracting(DaemonEvent::kind).containsExactly("unit-started", "retry-scheduled",
                "unit-started", "connected", "removed", "unit-started");
        assertThat(events).allSatisfy(e -> assertThat(e.unit()).contains(DaemonHarness.unit(A).value()));
        assertThat(events.get(1).message()).contains("retrying in 1.0 s (attempt 1)");
        assertThat(events.get(1).timestampUSec()).isEqualTo(DaemonHarness.wallMicros(failedAt));
        assertThat(events.get(3).device()).contains("nvme0");
        assertThat(events.get(4).device()).contains("nvme0");
    }

    @Test
    void aSubscriberThatThrowsIsDroppedAndTheOthersGoOn() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        List<DaemonEvent> events = new ArrayList<>();
        int[] calls = {0};
        h.control().subscribe(e -> {
            calls[0]++;
            throw new IllegalStateException("a client's bug");
        });
        DaemonControl.Subscription kept = h.control().subscribe(events::add);
        h.start();
        h.jobDone(A, "failed");
        assertThat(calls[0]).isEqualTo(1);
        assertThat(events).hasSize(2);
        assertThat(log.containing("a status interface subscriber failed")).hasSize(1);
        kept.close();
        h.test.advance(Duration.ofSeconds(2));
        assertThat(events).as("closed").hasSize(2);
    }
}
