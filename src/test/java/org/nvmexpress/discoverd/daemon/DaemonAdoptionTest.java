package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.systemd.CallError;
import org.nvmexpress.discoverd.systemd.UnitEvent;

final class DaemonAdoptionTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private static final String C = "10.0.0.3";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void restartMidConvergenceAdoptsWhatIsConnectedAndStartsTheRest() {
        DaemonHarness first = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A, B, C)).start();
        first.connects("nvme0", A);
        // Killed here (SIGKILL, OOM): B and C were requested, nothing more. The next instance starts.
        DaemonHarness second = new DaemonHarness(root).start();

        assertThat(second.units.calls()).containsExactly(DaemonHarness.call("start", B), DaemonHarness.call("start", C));
        assertThat(second.status()).isEqualTo("3 controllers: 1 connected, 2 starting");
        assertThat(log.containing("| nvme0 - already connected; adopted")).hasSize(1);
        second.test.advance(Duration.ofMinutes(10));
        second.removed("nvme0");
        assertThat(second.units.callsFor(DaemonHarness.unit(A))).containsExactly("restart");
    }

    @Test
    void adoptingAControllerWithoutAnOwnerRecordsOurs() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        h.host.controller("nvme0", "tcp", "traddr=" + A + ",trsvcid=4420", DaemonHarness.VOL, "io");
        h.start();
        assertThat(h.units.calls()).isEmpty();
        assertThat(h.host.root().resolve("run/nvme/registry/nvme0/owner")).hasContent("discoverd");
    }

    @Test
    void peerOrchestratorKeepsItsControllerAndIsNamedOnce() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A));
        h.host.controller("nvme0", "tcp", "traddr=" + A + ",trsvcid=4420", DaemonHarness.VOL, "io").owner("nvme0", "stas");
        h.start();
        h.added("nvme0");
        h.test.advance(Duration.ofHours(1));
        h.removed("nvme0");
        h.test.advance(Duration.ofHours(1));
        assertThat(h.units.calls()).isEmpty();
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 foreign-owned");
        assertThat(log.containing("owned by stas")).hasSize(1);
    }

    @Test
    void aPeerConnectingADesiredControllerDuringItsBackoffKeepsIt() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.jobDone(A, "failed");
        h.host.controller("nvme5", "tcp", "traddr=" + A + ",trsvcid=4420", DaemonHarness.VOL, "io").owner("nvme5", "stas");
        h.added("nvme5");
        h.test.advance(Duration.ofHours(1));
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 foreign-owned");
    }

    @Test
    void busLossMidConvergenceLosesNoController() {
        List<String> all = List.of(A, B, C, "10.0.0.4", "10.0.0.5");
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(all.toArray(String[]::new))).start();
        h.jobDone(A, "done");
        h.post(new UnitEvent.BusLost("org.freedesktop.DBus.Error.Disconnected"));
        h.post(new UnitEvent.CallFailed(DaemonHarness.unit(B), "RestartUnit", CallError.BUS_LOST, "org.freedesktop.DBus.Error.Disconnected",
                "connection lost"));
        h.post(new UnitEvent.BusRestored());
        h.post(new UnitEvent.UnitState(DaemonHarness.unit(C), "active", "success"));
        h.post(new UnitEvent.UnitState(DaemonHarness.unit("10.0.0.4"), UnitEvent.UnitState.NOT_LOADED,
                UnitEvent.UnitState.NOT_LOADED));
        h.jobDone("10.0.0.5", "done");
        h.test.advance(Duration.ofSeconds(2));
        for (String traddr : List.of(B, "10.0.0.4")) {
            assertThat(h.units.callsFor(DaemonHarness.unit(traddr))).containsExactly("start", "restart");
            h.jobDone(traddr, "done");
        }
        assertThat(h.daemon.counts()).isEqualTo(Map.of(ControllerState.CONNECTED, 5));
        assertThat(h.units.inFlight()).isEmpty();
    }
}
