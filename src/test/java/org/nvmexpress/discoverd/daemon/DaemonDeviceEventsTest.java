package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.tid.UnitName;

final class DaemonDeviceEventsTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    /** The daemon with {@code traddrs} configured, each connected: its job done and its device added. */
    private DaemonHarness connected(String... traddrs) {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(traddrs)).start();
        for (int i = 0; i < traddrs.length; i++) {
            h.connects("nvme" + i, traddrs[i]);
        }
        return h;
    }

    @Test
    void addLinksTheDeviceAndMarksItConnected() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.connectedAs("nvme0", A);
        h.added("nvme0");
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
        assertThat(log.containing("| nvme0 - appeared")).hasSize(1);
        assertThat(log.fieldsOf("| nvme0 - appeared")).containsEntry("NVME_DEVICE", "nvme0");
    }

    @Test
    void addWithoutARuntimeStateFileIsLinkedByIdentity() throws Exception {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.host.controller("nvme0", "tcp", "traddr=" + A + ",trsvcid=4420", DaemonHarness.VOL, "io");
        h.added("nvme0");
        h.jobDone(A, "done");
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
    }

    @Test
    void removeOfAStableControllerRestartsItsUnit() {
        DaemonHarness h = connected(A);
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
        assertThat(log.containing("removed but still desired, reconnecting")).hasSize(1);
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 starting");
    }

    @Test
    void removeOfAnExcludedControllerIsNotReconnected() {
        DaemonHarness h = connected(A);
        h.host.exclusions("[exclusions]\nexclusion = traddr=" + A + "\n");
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        h.test.advance(Duration.ofHours(1));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 excluded");
    }

    @Test
    void flappingTargetGetsBoundedReconnectsNeverTwoAtOnce() {
        DaemonHarness h = connected(A);
        UnitName unit = DaemonHarness.unit(A);
        long end = h.test.clock.nowNanos() + Duration.ofMinutes(10).toNanos();
        boolean present = true;
        while (h.test.clock.nowNanos() - end < 0) {
            if (present) {
                h.test.advance(Duration.ofSeconds(1)); // the link drops a second after each connect
                h.removed("nvme0");
                present = false;
            } else if (h.units.inFlight().contains(unit)) {
                h.connectedAs("nvme0", A);
                h.added("nvme0");
                h.jobDone(A, "done");
                present = true;
            } else {
                h.test.advance(Duration.ofNanos(h.test.loop.nextDeadlineNanos() - h.test.clock.nowNanos()));
            }
        }
        // Backoff 1, 2, 4, ... 256 s: nine reconnects fit in ten minutes, not six hundred.
        assertThat(h.units.callsFor(unit).stream().filter("restart"::equals).count()).isBetween(5L, 10L);
    }

    @Test
    void aRemovalWhileTheUnitStartsIsNotForgotten() {
        DaemonHarness h = connected(A);
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        h.connectedAs("nvme0", A);
        h.added("nvme0");
        h.removed("nvme0"); // gone again before the restart's job ended
        h.jobDone(A, "done");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 retrying");
        h.test.advance(Duration.ofSeconds(2));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart", "restart");
    }

    @Test
    void deviceNameReuseIsNotTakenForTheOldController() {
        DaemonHarness h = connected(A);
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        // nvme0 is recycled for another subsystem's controller; a stale state file still names A's unit.
        h.host.controller("nvme0", "tcp", "traddr=192.0.2.7,trsvcid=4420", "nqn.2014-08.org.example:other", "io");
        h.host.stateUnit("nvme0", DaemonHarness.unit(A), Instant.parse("2026-01-01T00:00:00Z"));
        h.added("nvme0");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 starting");
        h.jobDone(A, "done");
        h.connectedAs("nvme1", A);
        h.added("nvme1");
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
        h.removed("nvme1");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart", "restart");
    }

    @Test
    void lostUeventsAreMadeUpForByARescan() {
        DaemonHarness h = connected(A, B);
        h.test.advance(Duration.ofMinutes(10));
        h.host.write("sys/class/nvme/nvme0/state", "deleting\n");
        h.removedSilently("nvme1");
        h.kernel(new KernelEvent.EventsLost(1));
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", A), DaemonHarness.call("start", B),
                DaemonHarness.call("restart", A), DaemonHarness.call("restart", B));
        assertThat(log.problems()).containsExactly("WARN uevents were lost (1 overflow so far); surveying the host again");
    }

    @Test
    void lostUeventsRescanLinksAControllerWhoseAddWasLost() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.connectedAs("nvme0", A); // its add uevent is lost in an overflow
        h.jobDone(A, "done");
        h.kernel(new KernelEvent.EventsLost(1));
        assertThat(log.containing("| nvme0 - appeared")).hasSize(1);
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).as("linked: its removal reconnects it")
                .containsExactly("start", "restart");
    }

    @Test
    void lostUeventsRescanAdoptsADesiredControllerConnectedByHandMeanwhile() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.jobDone(A, "failed"); // its retry is armed
        h.host.controller("nvme4", "tcp", "traddr=" + A + ",trsvcid=4420", DaemonHarness.VOL, "io"); // nvme connect
        h.kernel(new KernelEvent.EventsLost(1));
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
        assertThat(h.host.root().resolve("run/nvme/registry/nvme4/owner")).hasContent("discoverd");
        h.test.advance(Duration.ofHours(1));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).as("the armed retry was dropped").containsExactly("start");
    }

    @Test
    void theAuditCatchesARemovalTheUeventsMissed() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A))
                .start(DaemonConfig.DEFAULTS.withAuditIntervalMinutes(15));
        h.connectedAs("nvme0", A);
        h.added("nvme0");
        h.jobDone(A, "done");
        h.removedSilently("nvme0");
        h.test.advance(Duration.ofMinutes(14));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start");
        h.test.advance(Duration.ofMinutes(1));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
    }

    @Test
    void hungConnectsMakeNoExtraRequestsAndStayStarting() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A, B)).start();
        h.test.advance(Duration.ofHours(6).plus(SnapshotPublisher.INTERVAL)); // the last audit's snapshot went out
        assertThat(h.units.calls()).hasSize(2);
        assertThat(h.status()).isEqualTo("2 controllers: 0 connected, 2 starting");
        // The only timer armed is the next audit's, a whole interval away: no retry, no poll.
        assertThat(h.test.loop.nextDeadlineNanos() - h.test.clock.nowNanos())
                .isEqualTo(Duration.ofMinutes(10).minus(SnapshotPublisher.INTERVAL).toNanos());
    }
}
