package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.GiveUpTimeout;
import org.nvmexpress.discoverd.config.Zeroconf;
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.mdns.ServiceInstance;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/** DNS-SD-announced discovery controllers in virtual time (issue 15): announce, goodbye, stickiness, reload. */
final class DaemonMdnsTest {
    private static final String CDC = "192.168.1.20";
    private static final String IOC = "192.168.1.30";
    private static final String CDC_NQN = "nqn.1988-11.com.example:cdc";
    private static final Duration GIVE_UP = Duration.ofHours(2);
    private static final DaemonConfig AVAHI = DaemonConfig.DEFAULTS.withZeroconf(Zeroconf.AVAHI)
            .withDcGiveupTimeout(GiveUpTimeout.after(GIVE_UP));
    private static final ServiceInstance.Key KEY = new ServiceInstance.Key("CDC on array-a", ServiceInstance.TYPE_TCP,
            "local", "eth0", false);

    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static ServiceInstance cdc(Map<String, String> txt) {
        return new ServiceInstance(KEY, CDC, 8009, txt);
    }

    private static TransportId cdcTid() {
        return TransportId.builder().transport("tcp").traddr(CDC).trsvcid("8009").nqn(CDC_NQN).hostIface("eth0")
                .build();
    }

    private static TransportId ioc() {
        return TransportId.builder().transport("tcp").traddr(IOC).trsvcid("4420").nqn(DaemonHarness.VOL).hostIface("eth0")
                .build(); // a DC's entries leave where the DC was heard
    }

    private DaemonHarness browsing() {
        DaemonHarness h = new DaemonHarness(root);
        h.fabric.page("nvme0", 1, DlpWriter.tcp(IOC, "4420", DaemonHarness.VOL));
        h.start(AVAHI);
        return h;
    }

    private static void announce(DaemonHarness h) {
        h.browse(new BrowseEvent.Announced(cdc(Map.of("p", "tcp", "nqn", CDC_NQN))));
    }

    private static void goodbye(DaemonHarness h) {
        h.browse(new BrowseEvent.Withdrawn(KEY));
    }

    /** The status interface's snapshot, once its coalescing interval is over. */
    private static DaemonSnapshot snapshot(DaemonHarness h) {
        h.test.advance(SnapshotPublisher.INTERVAL);
        return h.control().snapshot();
    }

    private static boolean tracked(DaemonHarness h, TransportId tid) {
        return snapshot(h).controllers().stream().anyMatch(c -> c.unit().equals(tid.unitName().value()));
    }

    private static DaemonSnapshot.Controller controller(DaemonHarness h, TransportId tid) {
        return snapshot(h).controllers().stream().filter(c -> c.unit().equals(tid.unitName().value()))
                .findFirst().orElseThrow();
    }

    @Test
    void anAnnouncedDcIsConnectedWithSourceMdnsAndWalked() {
        DaemonHarness h = browsing();
        assertThat(h.browsers.current().started()).isTrue();
        announce(h);
        h.connects("nvme0", cdcTid(), Role.DC);
        assertThat(h.units.callsFor(cdcTid().unitName())).containsExactly("start");
        assertThat(h.units.callsFor(ioc().unitName())).containsExactly("start");
        DaemonSnapshot.Controller dc = controller(h, cdcTid());
        assertThat(dc.sources()).containsExactly("mdns");
        assertThat(dc.sourceDetails()).containsExactly("mdns:CDC on array-a on eth0");
        assertThat(dc.state()).isEqualTo("connected");
    }

    @Test
    void aGoodbyeWhileConnectedKeepsItDesiredForever() {
        DaemonHarness h = browsing();
        announce(h);
        h.connects("nvme0", cdcTid(), Role.DC);
        goodbye(h);
        h.test.advance(GIVE_UP.multipliedBy(10));
        assertThat(tracked(h, cdcTid())).isTrue();
        assertThat(controller(h, cdcTid()).state()).isEqualTo("connected");
    }

    @Test
    void unannouncedAndUnreachableForTheGiveUpTimeIsNoLongerDesiredAndNotBefore() {
        DaemonHarness h = browsing();
        announce(h);
        h.jobDone(cdcTid().unitName(), "failed");
        failEachAttempt(h, GIVE_UP.multipliedBy(3)); // failing but announced: retried, never given up
        assertThat(tracked(h, cdcTid())).isTrue();
        int attempts = h.units.callsFor(cdcTid().unitName()).size();
        assertThat(attempts).isGreaterThan(2);
        goodbye(h);
        failEachAttempt(h, GIVE_UP.minusMinutes(5));
        assertThat(tracked(h, cdcTid())).isTrue();
        failEachAttempt(h, Duration.ofMinutes(10));
        assertThat(tracked(h, cdcTid())).isFalse();
        assertThat(log.containing("no longer announced and unreachable")).hasSize(1);
        int calls = h.units.callsFor(cdcTid().unitName()).size();
        h.test.advance(Duration.ofHours(5));
        assertThat(h.units.callsFor(cdcTid().unitName())).hasSize(calls);
    }

    @Test
    void aReAnnouncementBeforeTheGiveUpTimeCancelsIt() {
        DaemonHarness h = browsing();
        announce(h);
        h.jobDone(cdcTid().unitName(), "failed");
        goodbye(h);
        failEachAttempt(h, GIVE_UP.minusMinutes(5));
        announce(h);
        failEachAttempt(h, GIVE_UP.multipliedBy(2));
        assertThat(tracked(h, cdcTid())).isTrue();
        assertThat(log.containing("announced again; kept")).hasSize(1);
    }

    @Test
    void theBrowserLostAndBackForgetsNothing() {
        DaemonHarness h = browsing();
        announce(h);
        h.connects("nvme0", cdcTid(), Role.DC);
        h.browse(new BrowseEvent.BrowserLost("avahi-daemon left the bus"));
        h.test.advance(GIVE_UP.multipliedBy(2));
        h.browse(new BrowseEvent.BrowserBack());
        announce(h);
        assertThat(controller(h, cdcTid()).state()).isEqualTo("connected");
        assertThat(h.units.callsFor(cdcTid().unitName())).containsExactly("start");
        assertThat(log.containing("lost its service")).hasSize(1);
    }

    @Test
    void anExcludedAnnouncedDcIsNeverConnected() {
        DaemonHarness h = new DaemonHarness(root);
        h.host.exclusions("[exclusions]\nexclusion = traddr=" + CDC + "\n");
        h.start(AVAHI);
        announce(h);
        h.test.advance(Duration.ofHours(1));
        assertThat(h.units.callsFor(cdcTid().unitName())).isEmpty();
        assertThat(controller(h, cdcTid()).state()).isEqualTo("excluded");
        goodbye(h); // never connected, so unreachable from the goodbye on: the timer gives it up
        h.test.advance(GIVE_UP.minusMinutes(1));
        assertThat(tracked(h, cdcTid())).isTrue();
        h.test.advance(Duration.ofMinutes(2));
        assertThat(tracked(h, cdcTid())).isFalse();
    }

    @Test
    void aBadTxtRecordIsReportedOnceAndIgnored() {
        DaemonHarness h = browsing();
        for (int i = 0; i < 5; i++) {
            h.browse(new BrowseEvent.Announced(cdc(Map.of("p", "fc\u001b[31m"))));
        }
        assertThat(snapshot(h).controllers()).isEmpty();
        assertThat(log.containing("ignored: TXT p='fc\\x1b[31m' is not tcp, roce, iwarp or rdma")).hasSize(1);
    }

    @Test
    void aFloodOfBadInstancesIsBoundedInMemoryAndInLogLines() {
        DaemonHarness h = browsing();
        for (int i = 0; i < MdnsDiscovery.MAX_INSTANCES + 500; i++) {
            h.browsers.current().report(new BrowseEvent.Announced(new ServiceInstance(new ServiceInstance.Key("x" + i,
                    ServiceInstance.TYPE_TCP, "local", "eth0", false), CDC, 8009, Map.of("p", "bogus"))));
        }
        h.test.runPending();
        assertThat(snapshot(h).status().browsedServices()).isEqualTo(MdnsDiscovery.MAX_INSTANCES);
        assertThat(log.containing("ignored:")).hasSize(MdnsDiscovery.MAX_REPORTED);
    }

    @Test
    void reloadSwitchingZeroconfOpensAndClosesBrowsers() {
        DaemonHarness h = new DaemonHarness(root).start();
        assertThat(h.browsers.opened).isEmpty();
        h.host.write("etc/nvme/nvme-discoverd.conf", "[Global]\nzeroconf = avahi\n");
        reload(h);
        assertThat(h.browsers.opened).hasSize(1);
        FakeBrowsers.Browser avahi = h.browsers.current();
        assertThat(avahi.started()).isTrue();
        assertThat(snapshot(h).status().browser()).isEqualTo("avahi");
        reload(h);
        assertThat(h.browsers.opened).hasSize(1); // unchanged: the same browser browses on
        h.host.write("etc/nvme/nvme-discoverd.conf", "[Global]\nzeroconf = no\n");
        reload(h);
        assertThat(avahi.closed).isTrue();
        assertThat(snapshot(h).status().browser()).isEqualTo("none");
        h.host.write("etc/nvme/nvme-discoverd.conf", "[Global]\nzeroconf = resolved\n");
        reload(h);
        assertThat(h.browsers.current().backend()).isEqualTo("resolved");
        assertThat(h.browsers.current().started()).isTrue();
    }

    @Test
    void turningZeroconfOffWithdrawsWhatTheBrowserSawAndItsLateEventsAreDropped() {
        DaemonHarness h = browsing();
        announce(h);
        h.jobDone(cdcTid().unitName(), "failed");
        FakeBrowsers.Browser avahi = h.browsers.current();
        h.host.write("etc/nvme/nvme-discoverd.conf", "[Global]\nzeroconf = no\n[Discovery]\ndc-giveup-timeout = 2h\n");
        reload(h);
        avahi.reportLate(new BrowseEvent.Announced(cdc(Map.of("p", "tcp", "nqn", CDC_NQN))));
        h.test.runPending();
        assertThat(log.containing("announced again")).isEmpty();
        failEachAttempt(h, GIVE_UP.plusMinutes(10));
        assertThat(tracked(h, cdcTid())).isFalse();
    }

    @Test
    void theStatusCountsTheServicesTheBrowserSees() {
        DaemonHarness h = browsing();
        announce(h);
        h.browse(new BrowseEvent.Announced(new ServiceInstance(new ServiceInstance.Key("other", ServiceInstance.TYPE_TCP,
                "local", "eth1", false), "192.168.2.20", 8009, Map.of("p", "bogus"))));
        assertThat(snapshot(h).status().browser()).isEqualTo("avahi");
        assertThat(snapshot(h).status().browsedServices()).isEqualTo(2);
        goodbye(h);
        assertThat(snapshot(h).status().browsedServices()).isEqualTo(1);
    }

    /** Lets {@code duration} pass, every connection attempt of the CDC's unit failing as it ends. */
    private static void failEachAttempt(DaemonHarness h, Duration duration) {
        long end = h.test.clock.nowNanos() + duration.toNanos();
        while (h.test.clock.nowNanos() < end) {
            h.test.advance(Duration.ofMinutes(1));
            if (h.units.inFlight().contains(cdcTid().unitName())) {
                h.jobDone(cdcTid().unitName(), "failed");
            }
        }
    }

    private static void reload(DaemonHarness h) {
        h.test.loop.post(new LoopEvent.Reload());
        h.test.runPending();
    }
}
