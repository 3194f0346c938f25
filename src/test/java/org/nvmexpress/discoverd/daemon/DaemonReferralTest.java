package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.configuredDc;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.dc;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.ioc;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.referral;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.GiveUpTimeout;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/** Referrals and the EPCSD policy in virtual time (issue 12; reference §15 items 13, 15, 30). */
final class DaemonReferralTest {
    private static final String DC = DaemonDiscoveryTest.DC;
    private static final String R1 = "10.0.1.1";
    private static final String R2 = "10.0.1.2";
    private static final String A = "10.0.0.1";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static UnitName dcUnit(String traddr) {
        return dc(traddr).unitName();
    }

    private static String referralAt(int i) {
        return "10.0.2." + i;
    }

    @Test
    void aReferralLoopTerminates() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.fabric.page("nvme0", 1, held(R1), ioc(A)).page("nvme1", 1, held(R2), held(DC))
                .page("nvme2", 1, held(R1), held(DC));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        h.connects("nvme1", dc(R1), Role.DC);
        h.connects("nvme2", dc(R2), Role.DC);
        assertThat(h.fabric.fetches()).containsExactly("nvme0", "nvme1", "nvme2");
        assertThat(h.units.callsFor(dcUnit(R1))).containsExactly("start");
        assertThat(h.units.callsFor(dcUnit(R2))).containsExactly("start");
        assertThat(h.status()).isEqualTo("4 controllers: 3 connected, 1 starting");
    }

    @Test
    void twoReferralsThatListEachOtherDoNotKeepEachOtherDesired() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.fabric.page("nvme0", 1, held(R1)).page("nvme1", 1, held(R2)).page("nvme2", 1, held(R1), ioc(A));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        h.connects("nvme1", dc(R1), Role.DC);
        h.connects("nvme2", dc(R2), Role.DC);
        assertThat(h.status()).isEqualTo("4 controllers: 3 connected, 1 starting");
        h.fabric.page("nvme0", 2);
        h.logChanged("nvme0");
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
    }

    @Test
    void referralsAreFollowedToADepthOfEight() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.fabric.page("nvme0", 1, held(referralAt(1)));
        for (int i = 1; i <= 9; i++) {
            h.fabric.page("nvme" + i, 1, held(referralAt(i + 1)));
        }
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        for (int i = 1; i <= 8; i++) {
            h.connects("nvme" + i, dc(referralAt(i)), Role.DC);
        }
        assertThat(h.units.callsFor(dcUnit(referralAt(8)))).containsExactly("start");
        assertThat(h.units.callsFor(dcUnit(referralAt(9)))).isEmpty();
        assertThat(log.containing("a referral deeper than 8 discovery controllers: not followed")).hasSize(1);
    }

    @Test
    void aReferralDcIsDesiredAtOnceRetriedAndGivenUpAfterTheGiveUpTime() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.fabric.page("nvme0", 1, referral(R1));
        h.start(DaemonConfig.DEFAULTS.withDcGiveupTimeout(GiveUpTimeout.after(Duration.ofHours(1))));
        h.connects("nvme0", dc(DC), Role.DC);
        failFor(h, dcUnit(R1), Duration.ofMinutes(90));
        assertThat(h.status()).isEqualTo("2 controllers: 1 connected, 1 given-up");
        int attempts = h.units.callsFor(dcUnit(R1)).size();
        assertThat(attempts).isGreaterThan(5);
        h.test.advance(Duration.ofHours(5));
        assertThat(h.units.callsFor(dcUnit(R1))).hasSize(attempts);
        assertThat(log.containing("giving up after failing for")).hasSize(1);
    }

    @Test
    void aConfiguredDcIsNeverGivenUp() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.start(DaemonConfig.DEFAULTS.withDcGiveupTimeout(GiveUpTimeout.immediately()));
        failFor(h, dcUnit(DC), Duration.ofHours(3));
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 retrying");
    }

    /** Every start of {@code unit} fails, for {@code duration}. */
    private static void failFor(DaemonHarness h, UnitName unit, Duration duration) {
        for (Duration passed = Duration.ZERO; passed.compareTo(duration) < 0; passed = passed.plusSeconds(30)) {
            if (h.units.inFlight().contains(unit)) {
                h.jobDone(unit, "failed");
            }
            h.test.advance(Duration.ofSeconds(30));
        }
    }

    @Test
    void aReferralConnectsWithItsRootsDiscoveryDefaultsAndTheirPolicy() {
        DaemonHarness h = new DaemonHarness(root).fabrics("[Discovery Controller Defaults]\nkeep-alive-tmo = 33\n"
                + "persistent = force\n[I/O Controller Defaults]\nctrl-loss-tmo = 77\n"
                + "[Discovery Controller]\nkeep-alive-tmo = 5\ncontroller = transport=tcp;traddr=" + DC + "\n");
        h.fabric.page("nvme0", 1, referral(R1)).page("nvme1", 1, ioc(A));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        h.connects("nvme1", dc(R1), Role.DC);
        assertThat(h.units.requests()).filteredOn(r -> r.unit().equals(dcUnit(R1))).singleElement()
                .satisfies(r -> assertThat(r.options().arguments()).contains("--keep-alive-tmo=33")
                        .doesNotContain("--keep-alive-tmo=5", "--persistent=force"));
        assertThat(h.units.callsFor(dcUnit(R1))).containsExactly("start"); // force: held, though its entry has no EPCSD
        assertThat(h.units.requests()).filteredOn(r -> r.unit().equals(DaemonHarness.unit(A))).singleElement()
                .satisfies(r -> assertThat(r.options().arguments()).contains("--ctrl-loss-tmo=77"));
    }

    @Test
    void persistentNoReadsThenDisconnectsAndPollsAgain() {
        DaemonHarness h = new DaemonHarness(root).fabrics("[Discovery Controller]\npersistent = no\n"
                + "controller = transport=tcp;traddr=" + DC + "\n");
        h.fabric.page("nvme0", 1, ioc(A));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        assertThat(h.units.callsFor(dcUnit(DC))).containsExactly("start", "stop");
        assertThat(h.status()).isEqualTo("2 controllers: 0 connected, 1 starting, 1 parked");
        h.removed("nvme0");
        h.test.advance(Duration.ofMinutes(14));
        assertThat(h.units.callsFor(dcUnit(DC))).containsExactly("start", "stop");
        h.test.advance(Duration.ofMinutes(1));
        assertThat(h.units.callsFor(dcUnit(DC))).containsExactly("start", "stop", "restart");
        h.connects("nvme0", dc(DC), Role.DC);
        assertThat(h.fabric.fetchesOf("nvme0")).isEqualTo(2);
        assertThat(h.units.callsFor(dcUnit(DC))).containsExactly("start", "stop", "restart", "stop");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start");
    }

    @Test
    void persistentForceHoldsEvenWhenTheDcSaysNo() {
        DaemonHarness h = new DaemonHarness(root).fabrics("[Discovery Controller]\npersistent = force\n"
                + "controller = transport=tcp;traddr=" + DC + "\n");
        h.fabric.page("nvme0", 1, self(false), ioc(A));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        assertThat(h.units.callsFor(dcUnit(DC))).containsExactly("start");
    }

    @Test
    void autoFollowsTheSelfEntryThenTheReferrersEntryThenHolds() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.fabric.page("nvme0", 1, self(true), referral(R1), referral(R2).eflags(0x2))
                .page("nvme1", 1, ioc(A)).page("nvme2", 1);
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        h.connects("nvme1", dc(R1), Role.DC);
        h.connects("nvme2", dc(R2), Role.DC);
        assertThat(h.units.callsFor(dcUnit(DC))).containsExactly("start");
        assertThat(h.units.callsFor(dcUnit(R1))).containsExactly("start", "stop");
        assertThat(h.units.callsFor(dcUnit(R2))).containsExactly("start");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start");
    }

    @Test
    void aDcWithoutAnyWordOnEpcsdIsHeldAndAFailedFetchNeverParks() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.fabric.fails("nvme0", "EIO");
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        h.fabric.page("nvme0", 1, ioc(A));
        h.test.advance(Duration.ofSeconds(2));
        assertThat(h.units.callsFor(dcUnit(DC))).containsExactly("start");
        assertThat(h.units.callsFor(DaemonHarness.unit(A))).containsExactly("start");
    }

    /** A referral whose entry asks for a persistent connection (EPCSD), so that the DC is held. */
    private static org.nvmexpress.discoverd.sim.fabric.DlpWriter.Entry held(String traddr) {
        return referral(traddr).eflags(0x2);
    }

    private static org.nvmexpress.discoverd.sim.fabric.DlpWriter.Entry self(boolean epcsd) {
        return referral(DC).subtype(3).eflags(epcsd ? 0x2 : 0);
    }
}
