package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/** The discovery walk in virtual time: what a DC lists is connected, kept, and let go (issue 12). */
final class DaemonDiscoveryTest {
    static final String DC = "10.0.0.9";
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    static TransportId dc(String traddr) {
        return TransportId.builder().transport("tcp").traddr(traddr).trsvcid("8009")
                .nqn(ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN).build();
    }

    static DlpWriter.Entry ioc(String traddr) {
        return DlpWriter.tcp(traddr, "4420", DaemonHarness.VOL);
    }

    static DlpWriter.Entry referral(String traddr) {
        return DlpWriter.tcp(traddr, "8009", ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN).subtype(1);
    }

    static String configuredDc(String traddr) {
        return "[Discovery Controller]\ncontroller = transport=tcp;traddr=" + traddr + "\n";
    }

    private static UnitName unit(String traddr) {
        return DaemonHarness.unit(traddr);
    }

    /** The configured DC connected as nvme0, its page listing {@code entries}. */
    private DaemonHarness dcListing(DlpWriter.Entry... entries) {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.fabric.page("nvme0", 1, entries);
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        return h;
    }

    @Test
    void aConnectedDcHasItsPageReadAndWhatItListsConnected() {
        DaemonHarness h = dcListing(ioc(A), ioc(B));
        assertThat(h.fabric.fetches()).containsExactly("nvme0");
        assertThat(h.units.calls()).containsExactly("start " + dc(DC).unitName().value(), "start " + unit(A).value(),
                "start " + unit(B).value());
        assertThat(h.status()).isEqualTo("3 controllers: 1 connected, 2 starting");
        assertThat(log.containing("discovery log: 2 I/O controllers, 0 referrals (genctr 1)")).hasSize(1);
    }

    @Test
    void theListedControllersConnectWithTheDcsFileScope() {
        DaemonHarness h = new DaemonHarness(root).fabrics("[I/O Controller Defaults]\nctrl-loss-tmo = 77\n"
                + "[Discovery Controller]\nctrl-loss-tmo = 5\ncontroller = transport=tcp;traddr=" + DC + "\n");
        h.fabric.page("nvme0", 1, ioc(A));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        assertThat(h.units.requests().get(1).options().arguments()).contains("--ctrl-loss-tmo=77")
                .doesNotContain("--ctrl-loss-tmo=5");
    }

    @Test
    void aFailedFetchChangesNothingAndIsRetriedWithBackoff() {
        DaemonHarness h = dcListing(ioc(A));
        h.connects("nvme1", IoControllers.tid(A), Role.IOC);
        h.fabric.fails("nvme0", "EIO");
        h.logChanged("nvme0");
        assertThat(h.status()).isEqualTo("2 controllers: 2 connected");
        assertThat(h.units.calls()).noneMatch(c -> c.startsWith("stop"));
        assertThat(log.containing("cannot read its discovery log")).hasSize(1);
        h.fabric.page("nvme0", 2, ioc(A), ioc(B));
        h.test.advance(Duration.ofSeconds(2));
        assertThat(h.fabric.fetchesOf("nvme0")).isEqualTo(3);
        assertThat(h.units.callsFor(unit(B))).containsExactly("start");
    }

    @Test
    void aControllerThatLeftThePageIsNotReconnectedWhenItDrops() {
        DaemonHarness h = dcListing(ioc(A), ioc(B));
        h.connects("nvme1", IoControllers.tid(A), Role.IOC);
        h.connects("nvme2", IoControllers.tid(B), Role.IOC);
        h.fabric.page("nvme0", 2, ioc(A));
        h.logChanged("nvme0");
        assertThat(h.units.calls()).noneMatch(c -> c.startsWith("stop"));
        assertThat(log.containing("no longer listed by any discovery controller")).hasSize(1);
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme2");
        h.removed("nvme1");
        h.test.advance(Duration.ofMinutes(10));
        assertThat(h.units.callsFor(unit(B))).containsExactly("start");
        assertThat(h.units.callsFor(unit(A))).containsExactly("start", "restart");
    }

    @Test
    void aPageThatShrinksAndGrowsAgainBringsTheControllerBack() {
        DaemonHarness h = dcListing(ioc(A), ioc(B));
        h.connects("nvme2", IoControllers.tid(B), Role.IOC);
        h.fabric.page("nvme0", 2, ioc(A));
        h.logChanged("nvme0");
        assertThat(h.status()).isEqualTo("2 controllers: 1 connected, 1 starting");
        h.fabric.page("nvme0", 3, ioc(A), ioc(B));
        h.logChanged("nvme0");
        assertThat(h.status()).isEqualTo("3 controllers: 2 connected, 1 starting");
        assertThat(h.units.callsFor(unit(B))).containsExactly("start");
        assertThat(log.containing("| nvme2 - already connected; adopted")).hasSize(1);
    }

    @Test
    void anEmptyPageLetsGoOfEverythingItListed() {
        DaemonHarness h = dcListing(ioc(A), ioc(B));
        h.fabric.page("nvme0", 2);
        h.logChanged("nvme0");
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
    }

    @Test
    void aControllerListedByTwoDcsStaysDesiredWhileEitherListsIt() {
        String other = "10.0.0.8";
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC) + "controller = transport=tcp;traddr="
                + other + "\n");
        h.fabric.page("nvme0", 1, ioc(A)).page("nvme5", 1, ioc(A));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        h.connects("nvme5", dc(other), Role.DC);
        assertThat(h.units.callsFor(unit(A))).containsExactly("start");
        h.fabric.page("nvme0", 2);
        h.logChanged("nvme0");
        assertThat(h.status()).startsWith("3 controllers");
        h.fabric.page("nvme5", 2);
        h.logChanged("nvme5");
        assertThat(h.status()).startsWith("2 controllers");
    }

    @Test
    void duplicateReturnedInformationIsConnectedAndDuplicatesCollapse() {
        DaemonHarness h = dcListing(ioc(A).eflags(0x1), ioc(A), ioc(A).portid(2));
        assertThat(h.units.callsFor(unit(A))).containsExactly("start");
        assertThat(h.status()).isEqualTo("2 controllers: 1 connected, 1 starting");
    }

    @Test
    void anUnknownTransportIsSkippedWithTheReason() {
        DaemonHarness h = dcListing(ioc(A).trtype(9));
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
        assertThat(log.containing("entry 0 at offset 1024: transport type 9 is not recognised")).hasSize(1);
    }

    @Test
    void anEntryThatRequiresTlsIsSkippedWithoutAKeyAndConnectedWithTlsWithOne() {
        DaemonHarness h = dcListing(ioc(A).treq(0x1), ioc(B).sectype(2));
        assertThat(h.status()).isEqualTo("1 controller: 1 connected");
        assertThat(log.containing("requires a secure channel (treq required, sectype none) and no TLS key is"
                + " configured for it")).hasSize(1);
        assertThat(log.containing("no TLS key is configured for it")).hasSize(2);

        h.fabrics("[I/O Controller Defaults]\nkeyring = .nvme\n" + configuredDc(DC));
        h.test.loop.post(new LoopEvent.Reload());
        h.test.runPending();
        h.logChanged("nvme0");
        assertThat(h.units.requests()).filteredOn(r -> r.unit().equals(unit(A))).singleElement()
                .satisfies(r -> assertThat(r.options().arguments()).contains("--tls", "--keyring=.nvme"));
        assertThat(h.units.callsFor(unit(B))).containsExactly("start");
    }

    @Test
    void aChangeNoticeStormFromOneDcCostsOneFetchUnderWayAndOneHeld() {
        DaemonHarness h = dcListing(ioc(A));
        for (int i = 0; i < 1000; i++) {
            h.test.loop.post(new LoopEvent.FromKernel(new KernelEvent.DiscoveryLogChanged(new DeviceName("nvme0"),
                    KernelEvent.Trigger.LOG_PAGE_CHANGED_NOTICE, 5000 + i)));
        }
        h.test.runPending();
        assertThat(h.fabric.fetchesOf("nvme0")).isEqualTo(1 + 2);
    }

    @Test
    void aRediscoverOfAnIoControllerReadsNothing() {
        DaemonHarness h = dcListing(ioc(A));
        h.connects("nvme1", IoControllers.tid(A), Role.IOC);
        h.kernel(new KernelEvent.DiscoveryLogChanged(new DeviceName("nvme1"), KernelEvent.Trigger.REDISCOVER, 9000));
        h.kernel(new KernelEvent.DiscoveryLogChanged(new DeviceName("nvme0"), KernelEvent.Trigger.REDISCOVER, 9001));
        assertThat(h.fabric.fetches()).containsExactly("nvme0", "nvme0");
    }

    @Test
    void aDcOwnedByAnotherOrchestratorIsLeftToItAndNotWalked() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.connectedAs("nvme0", dc(DC), Role.DC);
        h.host.owner("nvme0", "stas");
        h.fabric.page("nvme0", 1, ioc(A));
        h.start();
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 foreign-owned");
        h.logChanged("nvme0");
        assertThat(h.fabric.fetches()).isEmpty();
    }

    @Test
    void anAdoptedDcIsWalked() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.connectedAs("nvme0", dc(DC), Role.DC);
        h.fabric.page("nvme0", 1, ioc(A));
        h.start();
        assertThat(h.fabric.fetches()).containsExactly("nvme0");
        assertThat(h.units.callsFor(unit(A))).containsExactly("start");
    }

    @Test
    void aDcThatFlapsLeavesWhatItListedAsItIs() {
        DaemonHarness h = dcListing(ioc(A));
        h.connects("nvme1", IoControllers.tid(A), Role.IOC);
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme0");
        assertThat(h.status()).isEqualTo("2 controllers: 1 connected, 1 starting");
        h.connects("nvme0", dc(DC), Role.DC);
        assertThat(h.fabric.fetchesOf("nvme0")).isEqualTo(2);
        assertThat(h.units.callsFor(unit(A))).containsExactly("start");
        assertThat(h.status()).isEqualTo("2 controllers: 2 connected");
    }

    @Test
    void aDcRemovedFromTheConfigurationTakesItsListingAlongOnReload() {
        DaemonHarness h = dcListing(ioc(A), ioc(B));
        h.fabrics("");
        h.test.loop.post(new LoopEvent.Reload());
        h.test.runPending();
        assertThat(h.status()).isEqualTo("0 controllers");
        assertThat(h.units.calls()).noneMatch(c -> c.startsWith("stop"));
    }

    @Test
    void anExcludedListedControllerIsNeverStarted() {
        DaemonHarness h = new DaemonHarness(root).fabrics(configuredDc(DC));
        h.host.exclusions("[exclusions]\nexclusion = traddr=" + A + "\n");
        h.fabric.page("nvme0", 1, ioc(A), ioc(B));
        h.start();
        h.connects("nvme0", dc(DC), Role.DC);
        assertThat(h.units.callsFor(unit(A))).isEmpty();
        assertThat(h.status()).isEqualTo("3 controllers: 1 connected, 1 starting, 1 excluded");
    }
}
