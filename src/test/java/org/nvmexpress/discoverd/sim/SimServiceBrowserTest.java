package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.Zeroconf;
import org.nvmexpress.discoverd.daemon.DaemonPorts;
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.mdns.ServiceBrowser;
import org.nvmexpress.discoverd.mdns.ServiceInstance;
import org.nvmexpress.discoverd.sim.fabric.Announcement;
import org.nvmexpress.discoverd.sim.fabric.BrowserRestart;
import org.nvmexpress.discoverd.sim.fabric.DiscoveryController;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.sim.fabric.Reachability;

/** The simulated DNS-SD browser, in virtual time: announcements, goodbyes, restarts, a late start, close. */
class SimServiceBrowserTest {
    private static final String CDC = "nqn.2024-01.com.example:cdc";

    @TempDir
    Path dir;

    private final VirtualTime time = new VirtualTime();
    private final List<BrowseEvent> events = new ArrayList<>();

    private static final ServiceInstance.Key CDC_ETH0 =
            new ServiceInstance.Key("NVMe CDC", ServiceInstance.TYPE_TCP, "local", "eth0", false);
    private static final ServiceInstance.Key RDC_IB0 =
            new ServiceInstance.Key("RDMA CDC", ServiceInstance.TYPE_UDP, "local", "ib0", true);
    private static final ServiceInstance CDC_ON_ETH0 = new ServiceInstance(CDC_ETH0, "192.168.100.6", 8009,
            Map.of("p", "tcp", "nqn", CDC));

    private SimHost host(List<Announcement> announcements, List<BrowserRestart> restarts) throws IOException {
        Files.createDirectories(dir.resolve("etc/nvme"));
        Fabric fabric = new Fabric(List.of(new Port("c", "tcp", "192.168.100.6", "8009", Reachability.ALWAYS),
                new Port("r", "rdma", "fd00::6", "4420", Reachability.ALWAYS)), List.of(),
                List.of(new DiscoveryController("cdc", CDC, "c", List.of()),
                        new DiscoveryController("rdc", CDC, "r", List.of())),
                List.of(), List.of(), Optional.empty(), announcements, restarts);
        return SimHost.create(fabric, dir.resolve("etc"), dir.resolve("root"), time);
    }

    private static Announcement cdc(long from, Long until) {
        return new Announcement("cdc", "eth0", "NVMe CDC", Duration.ofSeconds(from),
                Optional.ofNullable(until).map(Duration::ofSeconds), Map.of("p", "tcp", "nqn", CDC));
    }

    private void runTo(long seconds) {
        long target = Duration.ofSeconds(seconds).toNanos();
        time.runDue();
        while (time.nextDeadlineNanos().isPresent() && time.nextDeadlineNanos().getAsLong() <= target) {
            time.advanceTo(time.nextDeadlineNanos().getAsLong());
            time.runDue();
        }
        time.advanceTo(target);
    }

    @Test
    void announcesAtFromAndSaysGoodbyeAtUntilWithTheDcsAddressAndType() throws IOException {
        SimHost host = host(List.of(cdc(10, 40L), new Announcement("rdc", "ib0", "RDMA CDC", Duration.ofSeconds(20),
                Optional.empty(), Map.of("P", "foo"))), List.of());
        ServiceBrowser browser = host.browser();
        browser.start(events::add);
        assertThat(browser.backend()).isEqualTo("simulated");
        assertThat(events).isEmpty();

        runTo(10);
        assertThat(events).containsExactly(new BrowseEvent.Announced(CDC_ON_ETH0));
        runTo(39);
        assertThat(events).hasSize(2).last().isEqualTo(new BrowseEvent.Announced(
                new ServiceInstance(RDC_IB0, "fd00::6", 4420, Map.of("p", "foo"))));
        runTo(40);
        assertThat(events).hasSize(3).last().isEqualTo(new BrowseEvent.Withdrawn(CDC_ETH0));
        runTo(3600);
        assertThat(events).hasSize(3);
    }

    @Test
    void aReAnnouncementAtTheGoodbyesTimeComesAfterIt() throws IOException {
        SimHost host = host(List.of(cdc(0, 30L), cdc(30, null)), List.of());
        host.browser().start(events::add);
        runTo(60);

        assertThat(events).containsExactly(new BrowseEvent.Announced(CDC_ON_ETH0), new BrowseEvent.Withdrawn(CDC_ETH0),
                new BrowseEvent.Announced(CDC_ON_ETH0));
    }

    @Test
    void aRestartIsLostThenBackAndEveryLiveInstanceAgainButNoGoodbyeWhileAway() throws IOException {
        SimHost host = host(List.of(cdc(0, 33L), new Announcement("cdc", "eth1", "NVMe CDC", Duration.ofSeconds(31),
                Optional.empty(), Map.of("p", "tcp", "nqn", CDC))), List.of(new BrowserRestart(Duration.ofSeconds(30),
                Duration.ofSeconds(35)), new BrowserRestart(Duration.ofSeconds(50), Duration.ofSeconds(55))));
        host.browser().start(events::add);
        runTo(36);

        ServiceInstance onEth1 = new ServiceInstance(new ServiceInstance.Key("NVMe CDC", ServiceInstance.TYPE_TCP,
                "local", "eth1", false), "192.168.100.6", 8009, Map.of("p", "tcp", "nqn", CDC));
        assertThat(events).hasSize(4).startsWith(new BrowseEvent.Announced(CDC_ON_ETH0))
                .containsSubsequence(new BrowseEvent.BrowserBack(), new BrowseEvent.Announced(onEth1));
        assertThat(events.get(1)).isInstanceOf(BrowseEvent.BrowserLost.class);
        runTo(60);
        assertThat(events).hasSize(7).endsWith(new BrowseEvent.BrowserBack(), new BrowseEvent.Announced(onEth1));
    }

    @Test
    void aBrowserStartedLateReportsWhatIsLiveAndOneStartedDuringARestartThatItIsLost() throws IOException {
        SimHost host = host(List.of(cdc(0, null)), List.of(new BrowserRestart(Duration.ofSeconds(30),
                Duration.ofSeconds(35))));
        runTo(20);
        host.browser().start(events::add);
        assertThat(events).containsExactly(new BrowseEvent.Announced(CDC_ON_ETH0));

        List<BrowseEvent> late = new ArrayList<>();
        runTo(32);
        host.browser().start(late::add);
        runTo(40);
        assertThat(late).hasSize(3).endsWith(new BrowseEvent.BrowserBack(), new BrowseEvent.Announced(CDC_ON_ETH0));
        assertThat(late.get(0)).isInstanceOf(BrowseEvent.BrowserLost.class);
    }

    @Test
    void closingStopsTheEventsAndAClosedBrowserDoesNotStart() throws IOException {
        SimHost host = host(List.of(cdc(10, 20L)), List.of());
        ServiceBrowser browser = host.browser();
        browser.start(events::add);
        runTo(10);
        browser.close();
        runTo(30);

        assertThat(events).containsExactly(new BrowseEvent.Announced(CDC_ON_ETH0));
        assertThatIllegalStateException().isThrownBy(() -> browser.start(events::add));
        ServiceBrowser twice = host.browser();
        twice.start(e -> { });
        assertThatIllegalStateException().isThrownBy(() -> twice.start(e -> { }));
    }

    @Test
    void thePortsOpenTheSimulatedBrowserForEveryModeButNoAndClosingThemClosesIt() throws Exception {
        SimHost host = host(List.of(cdc(10, null)), List.of());
        DaemonPorts ports = host.ports(e -> { });

        assertThat(ports.browsers().open(Zeroconf.NO)).isEmpty();
        for (Zeroconf mode : List.of(Zeroconf.AVAHI, Zeroconf.RESOLVED, Zeroconf.AUTO)) {
            assertThat(ports.browsers().open(mode)).get().extracting(ServiceBrowser::backend).isEqualTo("simulated");
        }
        ports.browsers().open(Zeroconf.AUTO).orElseThrow().start(events::add);
        for (DaemonPorts.Closing adapter : ports.adapters()) {
            adapter.adapter().close();
        }
        runTo(20);
        assertThat(events).isEmpty();
    }
}
