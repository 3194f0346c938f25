package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.configuredDc;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.dc;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.ioc;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.referral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.GiveUpTimeout;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.kernel.fc.FcKickstart;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/** The status interface's snapshot in virtual time: its content, and how seldom it is built (issue 13). */
final class DaemonSnapshotTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private static final String C = "10.0.0.3";
    private static final String D = "10.0.0.4";
    private static final String E = "10.0.0.5";
    private static final String DC = DaemonDiscoveryTest.DC;
    private static final Path NBFT = Path.of("../shared/fixtures/nbft/tables/NBFT-static-ipv4").toAbsolutePath();
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    /** The snapshot once the coalescing interval has passed. */
    private static DaemonSnapshot settled(DaemonHarness h) {
        h.test.advance(SnapshotPublisher.INTERVAL);
        return h.control().snapshot();
    }

    private static Map<String, DaemonSnapshot.Controller> byUnit(DaemonSnapshot snapshot) {
        return snapshot.controllers().stream()
                .collect(Collectors.toMap(DaemonSnapshot.Controller::unit, Function.identity()));
    }

    private static DaemonSnapshot.Controller of(DaemonSnapshot snapshot, UnitName unit) {
        return byUnit(snapshot).get(unit.value());
    }

    @Test
    void configuredControllersInEachStateTheirStatusAndTimes() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A, B, C, D, E));
        h.units.refuse(DaemonHarness.unit(C), "the nvme-cli connector cannot pass its secrets");
        h.host.exclusions("[exclusions]\nexclusion = traddr=" + D + "\n");
        h.host.controller("nvme5", "tcp", "traddr=" + E + ",trsvcid=4420", DaemonHarness.VOL, "io").owner("nvme5", "stas");
        long startedAt = h.test.clock.nowNanos();
        h.start();
        h.test.advance(Duration.ofSeconds(3));
        h.connects("nvme0", A);
        long failedAt = h.test.clock.nowNanos();
        h.jobDone(B, "failed");
        DaemonSnapshot snapshot = settled(h);

        DaemonSnapshot.Controller a = of(snapshot, DaemonHarness.unit(A));
        assertThat(a.state()).isEqualTo("connected");
        assertThat(a.device()).contains("nvme0");
        assertThat(a.role()).isEqualTo(Role.IOC);
        assertThat(a.tid().traddr()).isEqualTo(A);
        assertThat(a.sources()).containsExactly("config");
        assertThat(a.sourceDetails()).containsExactly(root.resolve(DaemonHarness.FABRICS) + ":3");
        assertThat(a.owner()).isEqualTo("discoverd");
        assertThat(a.attempts()).isZero();
        assertThat(a.nextRetryUSec()).isEmpty();
        assertThat(a.lastError()).isEmpty();
        assertThat(a.sinceUSec()).isEqualTo(DaemonHarness.wallMicros(failedAt));

        DaemonSnapshot.Controller b = of(snapshot, DaemonHarness.unit(B));
        assertThat(b.state()).isEqualTo("backoff");
        assertThat(b.attempts()).isEqualTo(1);
        assertThat(b.lastError()).hasValueSatisfying(e -> assertThat(e).contains("failed"));
        assertThat(b.sinceUSec()).isEqualTo(DaemonHarness.wallMicros(failedAt));
        // RetryPolicyTest.fixed(0.5): the first retry after exactly its nominal second
        assertThat(b.nextRetryUSec()).hasValue(DaemonHarness.wallMicros(failedAt + RetryPolicy.nominal(1).toNanos()));

        DaemonSnapshot.Controller c = of(snapshot, DaemonHarness.unit(C));
        assertThat(c.state()).isEqualTo("backoff");
        assertThat(c.lastError()).hasValueSatisfying(e -> assertThat(e).contains("cannot pass its secrets"));
        assertThat(c.nextRetryUSec()).isEmpty();
        assertThat(of(snapshot, DaemonHarness.unit(D)).state()).isEqualTo("excluded");
        assertThat(of(snapshot, DaemonHarness.unit(E)).state()).isEqualTo("foreign");

        DaemonSnapshot.Status status = snapshot.status();
        assertThat(status.version()).isEqualTo(DaemonHarness.VERSION);
        assertThat(status.connector()).isEqualTo(DaemonHarness.CONNECTOR);
        assertThat(status.startedUSec()).isEqualTo(DaemonHarness.wallMicros(startedAt));
        assertThat(status.states()).containsEntry("connected", 1).containsEntry("backoff", 2)
                .containsEntry("excluded", 1).containsEntry("foreign", 1).containsEntry("connecting", 0);
        assertThat(status.controllers()).isEqualTo(5);
        assertThat(status.configFiles()).containsExactly(root.resolve(DaemonHarness.FABRICS).toString());
        assertThat(status.configErrors()).isEmpty();
        assertThat(status.nbftTables()).isEmpty();
        assertThat(status.lastReloadUSec()).isEmpty();
    }

    @Test
    void listedControllersAreDlpAndAParkedDcIsParked() {
        DaemonHarness h = new DaemonHarness(root).fabrics("[Discovery Controller]\npersistent = no\n"
                + "controller = transport=tcp;traddr=" + DC + "\n");
        h.fabric.page("nvme0", 1, ioc(A));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        DaemonSnapshot snapshot = settled(h);

        DaemonSnapshot.Controller parked = of(snapshot, dc(DC).unitName());
        assertThat(parked.state()).isEqualTo("parked");
        assertThat(parked.role()).isEqualTo(Role.DC);
        assertThat(parked.nextRetryUSec()).as("its next poll").isPresent();
        DaemonSnapshot.Controller listed = of(snapshot, DaemonHarness.unit(A));
        assertThat(listed.state()).isEqualTo("connecting");
        assertThat(listed.sources()).containsExactly("dlp");
        assertThat(listed.sourceDetails()).containsExactly("dlp:" + dc(DC).unitName().value() + ":entry 0");
    }

    @Test
    void aReferralThatKeptFailingIsGivenUp() {
        String r1 = "10.0.1.1";
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.fabric.page("nvme0", 1, referral(r1));
        h.start(DaemonConfig.DEFAULTS.withDcGiveupTimeout(GiveUpTimeout.after(Duration.ofHours(1))));
        h.connects("nvme0", dc(DC), Role.DC);
        UnitName unit = dc(r1).unitName();
        long end = h.test.clock.nowNanos() + Duration.ofMinutes(90).toNanos();
        while (h.test.clock.nowNanos() < end) {
            if (h.units.inFlight().contains(unit)) {
                h.jobDone(unit, "failed");
            }
            h.test.advance(Duration.ofSeconds(30));
        }
        DaemonSnapshot.Controller referral = of(settled(h), unit);
        assertThat(referral.state()).isEqualTo("given_up");
        assertThat(referral.sources()).containsExactly("referral");
        assertThat(referral.attempts()).isGreaterThan(5);
    }

    @Test
    void anFcAnnouncedDcIsFc() {
        DaemonHarness h = new DaemonHarness(root);
        TransportId fcDc = TransportId.builder().transport("fc").traddr("nn-0x200000109b123456:pn-0x100000109b123456")
                .nqn(ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN).hostTraddr("nn-0x20000090fa000001:pn-0x10000090fa000001")
                .build();
        h.fabric.kickstartAnswers(FcKickstart.Outcome.REQUESTED).page("nvme0", 1,
                DlpWriter.fc(fcDc.traddr(), DaemonHarness.VOL));
        h.start();
        h.kernel(new KernelEvent.FcDiscovery(fcDc, 7001));
        DaemonSnapshot.Controller fc = of(settled(h), fcDc.unitName());
        assertThat(fc.sources()).containsExactly("fc");
        assertThat(fc.sourceDetails()).containsExactly("fc:" + fcDc.hostTraddr());
    }

    @Test
    void aBootControllerIsNbftOwnedByNbft() throws Exception {
        assumeTrue(Files.isRegularFile(NBFT), "NBFT fixtures not found: " + NBFT);
        Files.createDirectories(root.resolve("sys/firmware/acpi/tables"));
        Files.createSymbolicLink(root.resolve("sys/firmware/acpi/tables/NBFT"), NBFT);
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(A)).start();
        DaemonSnapshot snapshot = settled(h);
        DaemonSnapshot.Controller boot = snapshot.controllers().get(0);
        assertThat(boot.sources()).containsExactly("nbft");
        assertThat(boot.owner()).isEqualTo("nbft");
        assertThat(boot.sourceDetails()).singleElement().asString().startsWith("nbft:NBFT:");
        assertThat(snapshot.status().nbftTables()).hasSize(1);
    }

    @Test
    void aStormOfTenThousandEventsIsPublishedAFewTimesAndAnIdleDaemonArmsNothing() {
        List<String> traddrs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            traddrs.add("10.1." + (i / 200) + "." + (i % 200 + 1));
        }
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(traddrs.toArray(String[]::new)));
        h.start();
        h.test.advance(Duration.ofSeconds(1));
        SnapshotPublisher publisher = h.daemon.snapshots();
        long before = publisher.publications();
        for (String traddr : traddrs) {
            h.units.answered(DaemonHarness.unit(traddr));
            h.test.loop.post(new LoopEvent.FromUnits(new UnitEvent.JobDone(DaemonHarness.unit(traddr), "done")));
        }
        for (int i = 0; i < 9000; i++) { // jobs of units the daemon does not track: each still an event
            h.test.loop.post(new LoopEvent.FromUnits(new UnitEvent.JobDone(
                    UnitName.ofCanonical("other-" + i), "done")));
        }
        h.test.runPending();
        h.test.advance(SnapshotPublisher.INTERVAL);
        assertThat(publisher.publications() - before).as("publications for 10,000 events").isBetween(1L, 2L);
        assertThat(h.control().snapshot().status().states()).containsEntry("connected", 1000);

        long settledCount = publisher.publications();
        h.test.advance(Duration.ofMinutes(9)); // the audit, every 10 minutes, is the only thing due
        assertThat(publisher.armed()).isFalse();
        assertThat(publisher.publications()).isEqualTo(settledCount);
    }

    @Test
    void noSnapshotOrEventCarriesASecret() {
        String dhchap = "DHHC-1:00:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:";
        String ctrlDhchap = "DHHC-1:00:Y3RybHNlY3JldGN0cmxzZWNyZXRjdHJsc2U=:";
        String tlsKey = "NVMeTLSkey-1:01:dGxza2V5dGxza2V5dGxza2V5dGxza2V5:";
        List<DaemonEvent> events = new ArrayList<>();
        DaemonHarness h = new DaemonHarness(root).fabrics("[Host]\nkxchap-secret = " + dhchap + "\n"
                + "[Subsystem]\nnqn = " + DaemonHarness.VOL + "\ntls = yes\ntls-key = " + tlsKey + "\n"
                + "kxchap-ctrl-secret = " + ctrlDhchap + "\n"
                + "controller = transport=tcp;traddr=" + A + "\ncontroller = transport=tcp;traddr=" + B + "\n");
        h.control().subscribe(events::add);
        h.start();
        assertThat(h.units.requests()).as("the secrets did reach the connect requests")
                .allSatisfy(r -> assertThat(r.options().secrets().values()).contains(dhchap, tlsKey, ctrlDhchap));
        List<String> written = new ArrayList<>();
        written.add(PlainValues.json(settled(h)));
        h.connects("nvme0", A);
        h.jobDone(B, "failed");
        h.test.advance(Duration.ofSeconds(2));
        h.removed("nvme0");
        written.add(PlainValues.json(settled(h)));
        h.units.refuse(DaemonHarness.unit(B), "refused");
        h.control().reload();
        h.test.runPending();
        written.add(PlainValues.json(settled(h)));
        events.forEach(e -> written.add(PlainValues.json(e)));

        assertThat(events).extracting(DaemonEvent::kind).contains("unit-started", "connected", "retry-scheduled",
                "removed", "reloaded");
        assertThat(String.join("\n", written)).contains(DaemonHarness.unit(A).value())
                .doesNotContain("c2VjcmV0", "Y3RybHNlY3JldGN0", "dGxza2V5", "DHHC-1", "NVMeTLSkey");
    }
}
