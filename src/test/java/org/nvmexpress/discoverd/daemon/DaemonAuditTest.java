package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.systemd.CallError;
import org.nvmexpress.discoverd.systemd.UnitEvent;

/** The periodic audit: the tracker against the registry, sysfs and systemd's units, drift repaired. */
final class DaemonAuditTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final String OTHER_NQN = "nqn.2014-08.org.example:other";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    /** The daemon with {@code traddrs} configured, each connected as nvme0, nvme1, ... by its unit. */
    private DaemonHarness connected(String... traddrs) {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(traddrs)).start();
        for (int i = 0; i < traddrs.length; i++) {
            h.connects("nvme" + i, traddrs[i]);
        }
        return h;
    }

    private Path registry(String device) {
        return root.resolve("run/nvme/registry").resolve(device);
    }

    private Path state(String relative) {
        return root.resolve("run/nvme/discoverd").resolve(relative);
    }

    private long untilNextTimerNanos(DaemonHarness h) {
        return h.test.loop.nextDeadlineNanos() - h.test.clock.nowNanos();
    }

    @Test
    void auditRunsOncePerIntervalAndArmsNothingElse() {
        DaemonHarness h = connected(A);
        long start = h.test.clock.nowNanos();
        h.test.advance(StatusReporter.MIN_INTERVAL); // the status line of the connect goes out
        for (int audit = 1; audit <= 6; audit++) {
            assertThat(h.test.loop.nextDeadlineNanos()).as("the only timer before audit %d", audit)
                    .isEqualTo(start + audit * INTERVAL.toNanos());
            h.test.advance(Duration.ofNanos(untilNextTimerNanos(h)));
            assertThat(h.units.listings()).isEqualTo(audit);
            h.listed(A);
            h.test.advance(SnapshotPublisher.INTERVAL); // the status interface's snapshot of the audit goes out
        }
        assertThat(h.test.workers.submitted()).filteredOn("audit the host"::equals).hasSize(6);
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", A));
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void auditIntervalZeroArmsNoTimerAtAll() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A))
                .start(DaemonConfig.DEFAULTS.withAuditIntervalMinutes(0));
        h.test.advance(Duration.ofHours(1));
        assertThat(h.test.loop.hasTimers()).isFalse();
        assertThat(h.units.listings()).isZero();
    }

    @Test
    void auditReassertsTheOwnerOfAConnectedControllerWhoseEntryWasRemoved() {
        DaemonHarness h = connected(A);
        h.wipe("run/nvme/registry/nvme0"); // nvme registry delete nvme0, by hand
        h.test.advance(INTERVAL);
        assertThat(registry("nvme0").resolve("owner")).hasContent("discoverd");
        assertThat(log.containing("registry owner missing; re-asserting discoverd")).singleElement().asString()
                .startsWith("INFO (tcp, " + A + ", 4420, " + DaemonHarness.VOL + ") | nvme0 - ");
        h.test.advance(INTERVAL);
        assertThat(log.containing("re-asserting")).as("repaired once, not again").hasSize(1);
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
    }

    @Test
    void auditRemovesStaleEntriesOfOursAndKeepsOtherOwners() {
        DaemonHarness h = connected(A, B);
        h.removedSilently("nvme1"); // its remove uevent lost; the udev rule did not run either
        h.host.owner("nvme7", "stas").owner("nvme8", "nbft"); // no controllers: both stale
        h.test.advance(INTERVAL);
        assertThat(registry("nvme1")).doesNotExist();
        assertThat(registry("nvme8")).doesNotExist();
        assertThat(registry("nvme7").resolve("owner")).hasContent("stas");
        assertThat(registry("nvme0").resolve("owner")).hasContent("discoverd");
        assertThat(log.containing("is stale, its controller is gone; removed")).containsExactly(
                "INFO (tcp, " + B + ", 4420, " + DaemonHarness.VOL + ") | nvme1 - registry entry (owner discoverd)"
                        + " is stale, its controller is gone; removed",
                "INFO nvme8 - registry entry (owner nbft) is stale, its controller is gone; removed");
        assertThat(h.units.callsFor(DaemonHarness.unit(B))).containsExactly("start", "restart");
        assertThat(h.status()).isEqualTo("2 controllers: 1 connected, 1 starting");
    }

    @Test
    void auditRemovesOurEntryWhenTheNumberNowCarriesAnotherOrchestratorsController() {
        DaemonHarness h = connected(A);
        h.host.write("run/nvme/registry/nvme0/seqnum", "1001\n"); // stamped when A connected
        h.test.advance(Duration.ofMinutes(6));
        // A's controller goes; the kernel gives nvme0 to a controller connected without --owner, so
        // the udev rule, seeing /dev/nvme0 again, kept our entry.
        h.wipe("sys/class/nvme/nvme0");
        h.wipe("run/nvme/discoverd/controllers/nvme0");
        h.removedEvent("nvme0");
        h.host.controller("nvme0", "tcp", "traddr=192.0.2.7,trsvcid=4420", OTHER_NQN, "io");
        h.added("nvme0");
        h.connects("nvme1", A);
        // A controller of ours that nothing proves recycled (no stamp, no add seen) keeps its entry.
        h.host.controller("nvme2", "tcp", "traddr=192.0.2.8,trsvcid=4420", OTHER_NQN, "io").owner("nvme2", "nbft");

        h.test.advance(Duration.ofMinutes(4));

        assertThat(registry("nvme0")).doesNotExist();
        assertThat(registry("nvme1").resolve("owner")).hasContent("discoverd");
        assertThat(registry("nvme2").resolve("owner")).hasContent("nbft");
        assertThat(log.containing("predates this controller")).singleElement().asString()
                .startsWith("INFO (tcp, 192.0.2.7, 4420, " + OTHER_NQN).contains(" | nvme0 - registry entry (owner"
                        + " discoverd, seqnum 1001) predates this controller (added at seqnum ");
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
    }

    @Test
    void aUnitSystemdNoLongerListsIsNotedOnceAndLeftAsItIs() {
        DaemonHarness h = connected(A);
        h.test.advance(INTERVAL);
        h.listed(A);
        h.test.advance(INTERVAL);
        h.listed(); // someone ran systemctl stop --no-block …; the connection stays for now
        h.test.advance(INTERVAL);
        h.listed();
        assertThat(log.containing("systemd no longer has its unit")).containsExactly("INFO (tcp, " + A + ", 4420, "
                + DaemonHarness.VOL + ") | nvme0 - systemd no longer has its unit; its connection is up, left as it is");
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", A));
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
    }

    @Test
    void aControllerBelievedConnectedWithoutUnitOrDeviceIsReconnected() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.jobDone(A, "done"); // then the device went before its add uevent was read: both events lost
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
        h.test.advance(INTERVAL);
        h.listed();
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 starting");
        assertThat(log.containing("believed connected, but systemd no longer has its unit and its controller is"
                + " gone; reconnecting")).hasSize(1);
    }

    @Test
    void aControllerWhoseStateAloneChangedIsNoAppearanceAndStaysStable() throws Exception {
        DaemonHarness h = connected(A);
        int appeared = log.containing("appeared").size();
        // Its target went away and the kernel reconnects: the state changes, and no uevent says so.
        Files.writeString(root.resolve("sys/class/nvme/nvme0/state"), "connecting\n");
        h.test.advance(INTERVAL);
        h.listed(A);
        assertThat(log.containing("appeared")).as("the audit replays no appearance").hasSize(appeared);

        h.removed("nvme0"); // the kernel gives up on it: connected for 10 min, so no flap, reconnected at once
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
        assertThat(log.containing("removed again within")).isEmpty();
    }

    @Test
    void unitsOfOursThatAreNotTrackedAreNeverStopped() {
        DaemonHarness h = connected(A);
        h.test.advance(INTERVAL);
        h.listed(A, B); // B's controller is no longer configured; its unit stays
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", A));
        assertThat(log.containing(DaemonHarness.unit(B).value() + " - listed by systemd (active), not tracked"))
                .singleElement().asString().startsWith("DEBUG");
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
    }

    @Test
    void aFailedListingIsLoggedAndTheNextAuditAsksAgain() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        h.jobDone(A, "done");
        h.test.advance(INTERVAL);
        h.post(new UnitEvent.ListFailed(CallError.ACCESS_DENIED, "org.freedesktop.DBus.Error.AccessDenied", "denied"));
        assertThat(log.problems()).containsExactly("WARN audit: cannot list the connection units:"
                + " org.freedesktop.DBus.Error.AccessDenied: denied; waiting for the next audit");
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", A));
        h.test.advance(INTERVAL);
        assertThat(h.units.listings()).isEqualTo(2);
        h.listed();
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start", "restart");
    }

    @Test
    void aFailedReadIsLoggedAndTheNextAuditRepairs() {
        DaemonHarness h = connected(A);
        h.wipe("run/nvme/registry");
        h.host.write("run/nvme/registry", "a file where the registry should be");
        h.test.advance(INTERVAL);
        assertThat(log.problems()).singleElement().asString().startsWith("WARN audit: cannot read the host: ")
                .endsWith("; waiting for the next audit");
        h.wipe("run/nvme/registry");
        h.test.advance(INTERVAL);
        assertThat(registry("nvme0").resolve("owner")).hasContent("discoverd");
        assertThat(log.problems()).hasSize(1);
    }

    @Test
    void aRuntimeStateWipedWhileRunningIsRebuiltAndAdoptedAfterARestart() {
        DaemonHarness h = connected(A, B);
        h.wipe("run/nvme/discoverd"); // rm -rf /run/nvme/discoverd
        h.test.advance(INTERVAL);
        assertThat(state("units")).isDirectory();
        assertThat(state("controllers")).isDirectory();
        h.listed(A, B);
        assertThat(state("controllers/nvme0/unit")).hasContent(DaemonHarness.unit(A).value());
        assertThat(state("controllers/nvme1/unit")).hasContent(DaemonHarness.unit(B).value());
        assertThat(state("units/" + DaemonHarness.unit(A).devidFileName())).hasContent("nvme0");
        assertThat(state("units/" + DaemonHarness.unit(B).devidFileName())).hasContent("nvme1");
        assertThat(log.containing("runtime state rebuilt: controllers/nvme0/unit")).hasSize(1);
        h.test.advance(INTERVAL);
        h.listed(A, B);
        assertThat(log.problems()).singleElement().asString().startsWith("WARN ")
                .contains("run/nvme/discoverd lost its layout while the daemon runs");

        DaemonHarness restarted = new DaemonHarness(root).start();
        assertThat(restarted.units.calls()).isEmpty();
        assertThat(restarted.status()).isEqualTo("2 controllers: 2 connected");
        assertThat(log.containing("adopted from the runtime state")).hasSize(2);
    }

    @Test
    void aRuntimeStateWipedWhileSystemdIsAwayGetsItsDirectoriesAtOnce() {
        DaemonHarness h = connected(A);
        h.wipe("run/nvme/discoverd");
        h.test.advance(INTERVAL); // the listing is never answered
        h.test.advance(INTERVAL);
        assertThat(state("units")).isDirectory();
        assertThat(state("controllers/nvme0")).doesNotExist();
        assertThat(h.units.listings()).as("the unanswered listing is not asked again").isEqualTo(1);
        assertThat(log.problems()).hasSize(1);
        h.listed(A);
        assertThat(state("controllers/nvme0/unit")).hasContent(DaemonHarness.unit(A).value());
    }
}
