package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DaemonReloadTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private static final String C = "10.0.0.3";
    private static final String DROP_IN = "etc/nvme/nvme-fabrics.conf.d/b.conf";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static void reload(DaemonHarness h) {
        h.test.loop.post(new LoopEvent.Reload());
        h.test.runPending();
    }

    @Test
    void reloadStartsNewControllersAndKeepsTheOnesNoLongerDesiredConnected() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.connects("nvme0", A);
        h.fabrics(DaemonHarness.subsystem(B));
        reload(h);
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", A),
                DaemonHarness.call("start", B));
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 starting");
        assertThat(log.containing("no longer desired; its unit and connection stay")).hasSize(1);
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start");
    }

    @Test
    void reloadKeepsABrokenFilesLastGoodContent() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        h.host.write(DROP_IN, DaemonHarness.subsystem(B));
        h.start();
        h.jobDone(B, "done");
        h.fabrics(DaemonHarness.subsystem(A, C));
        h.host.write(DROP_IN, DaemonHarness.subsystem(B) + "keep-alive-tmo = 30   # inline\n");
        reload(h);
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", A),
                DaemonHarness.call("start", B), DaemonHarness.call("start", C));
        assertThat(h.status()).isEqualTo("3 controllers: 1 connected, 2 starting");
        assertThat(log.problems()).anyMatch(l -> l.endsWith("b.conf: left out for its errors; keeping its last good"
                + " content (1 connection)"));
    }

    @Test
    void reloadPlansTheRefusedExcludedAndHandedOffAgain() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A, B));
        h.host.exclusions("[exclusions]\nexclusion = traddr=" + B + "\n");
        h.start();
        h.jobDone(A, "done");
        assertThat(h.status()).isEqualTo("2 controllers: 1 connected, 1 excluded");
        // Between the passes another tool edits the list: B is no longer excluded, A now is.
        h.host.exclusions("[exclusions]\nexclusion = traddr=" + A + "\n");
        reload(h);
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", A),
                DaemonHarness.call("start", B));
        assertThat(h.status()).isEqualTo("2 controllers: 1 connected, 1 starting");
    }

    @Test
    void removingAnExclusionReconnectsWhatItExcludedWithoutAReload() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A, B));
        h.host.exclusions("[exclusions]\nexclusion = traddr=" + B + "\n");
        h.start();
        h.jobDone(A, "failed");
        h.host.exclusions("[exclusions]\n# B may connect again\n");
        h.test.advance(Duration.ofSeconds(2)); // A's retry reads the lists, finds them changed, checks B again
        assertThat(h.units.callsFor(DaemonHarness.unit(B))).containsExactly("start");
        assertThat(h.status()).isEqualTo("2 controllers: 0 connected, 2 starting");
    }

    @Test
    void aHalfWrittenExclusionListExcludesNothing() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.jobDone(A, "failed");
        // Another tool is rewriting the list while the retry waits: the entry is cut short.
        h.host.exclusions("[exclusions]\nexclusion = traddr=10.0.0.1;trsvcid=44");
        h.test.advance(Duration.ofSeconds(2));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
        h.host.exclusions("[exclusions]\nexclusion = traddr=10.0.0.1\n");
        h.jobDone(A, "failed");
        h.test.advance(Duration.ofSeconds(3));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 excluded");
    }
}
