package org.nvmexpress.discoverd.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.systemd.PrivateDbusDaemon;

/**
 * {@link AvahiBrowser} against real avahi-daemons (TESTING §2 "mDNS"): the browser's avahi-daemon
 * in one network namespace, the discovery controller's in another, a veth pair between them, each
 * on its own private bus; {@code avahi-publish} announces on the far side. Checks what the adapter
 * makes of avahi's real signals and replies: the announcement resolved (address, port, TXT, the
 * interface named by avahi in its own namespace), the goodbye when the publisher stops, avahi
 * absent at start, avahi restarted under a running browser, and the system bus restarted under it.
 */
final class AvahiBrowserIT {
    private static final String NQN = "nqn.2014-08.org.nvmexpress.discovery";
    private static final long WAIT_SEC = 30;

    @TempDir
    Path dir;
    private AvahiNetwork network;
    private PrivateDbusDaemon busA;
    private PrivateDbusDaemon busB;
    private AvahiBrowser browser;
    private final BlockingQueue<BrowseEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void startNetwork() throws Exception {
        assumeThat(ProcessHandle.current().info().user().orElse("")).as("needs root for ip netns").isEqualTo("root");
        for (Path tool : new Path[] {AvahiNetwork.AVAHI_DAEMON, AvahiNetwork.AVAHI_PUBLISH, AvahiNetwork.IP,
                PrivateDbusDaemon.DBUS_DAEMON}) {
            assumeThat(Files.isExecutable(tool))
                    .as("needs %s (Debian packages avahi-daemon avahi-utils iproute2 dbus); .ci/run installs them",
                            tool).isTrue();
        }
        network = new AvahiNetwork(dir);
        network.create();
        busA = new PrivateDbusDaemon(Files.createDirectory(dir.resolve("a")));
        busA.start();
        busB = new PrivateDbusDaemon(Files.createDirectory(dir.resolve("b")));
        busB.start();
        network.startAvahi("B", busB.address());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (network != null) {
            network.close();
        }
        if (busA != null) {
            busA.close();
        }
        if (busB != null) {
            busB.close();
        }
    }

    @Test
    void announcementGoodbyeAndAvahiRestartSeenThroughRealAvahi() throws Exception {
        browser = new AvahiBrowser(busA.address(), Duration.ofMillis(200));
        browser.start(events::add);
        assertThat(next()).as("avahi-daemon not there at start").isInstanceOf(BrowseEvent.BrowserLost.class);

        Process avahiA = network.startAvahi("A", busA.address());
        assertThat(next()).isEqualTo(new BrowseEvent.BrowserBack());

        long published = System.nanoTime();
        Process tcp = network.publish(busB.address(), "NVMe CDC", ServiceInstance.TYPE_TCP, 8009, "p=tcp",
                "NQN=" + NQN, "flag");
        ServiceInstance.Key tcpKey = new ServiceInstance.Key("NVMe CDC", ServiceInstance.TYPE_TCP, "local", "vA", false);
        assertThat(next()).isEqualTo(new BrowseEvent.Announced(
                new ServiceInstance(tcpKey, "192.0.2.2", 8009, Map.of("p", "tcp", "nqn", NQN, "flag", ""))));
        System.err.printf("AvahiBrowserIT: announced after %d ms%n", millisSince(published));

        Process udp = network.publish(busB.address(), "NVMe RoCE CDC", ServiceInstance.TYPE_UDP, 4420, "p=roce");
        assertThat(next()).isEqualTo(new BrowseEvent.Announced(new ServiceInstance(
                new ServiceInstance.Key("NVMe RoCE CDC", ServiceInstance.TYPE_UDP, "local", "vA", false),
                "192.0.2.2", 4420, Map.of("p", "roce"))));
        AvahiNetwork.stop(udp);
        assertThat(next()).isInstanceOf(BrowseEvent.Withdrawn.class);

        long restarted = System.nanoTime();
        AvahiNetwork.stop(avahiA);
        assertThat(next()).isInstanceOf(BrowseEvent.BrowserLost.class);
        avahiA = network.startAvahi("A", busA.address());
        assertThat(next()).isEqualTo(new BrowseEvent.BrowserBack());
        assertThat(next()).as("the announcement again, from the restarted avahi-daemon")
                .isInstanceOf(BrowseEvent.Announced.class)
                .extracting(e -> ((BrowseEvent.Announced) e).instance().key()).isEqualTo(tcpKey);
        System.err.printf("AvahiBrowserIT: avahi-daemon restart to announcement again in %d ms%n",
                millisSince(restarted));

        busA.kill();
        assertThat(next()).as("the system bus gone").isInstanceOf(BrowseEvent.BrowserLost.class);
        // avahi-daemon 0.8 exits when it loses its bus ("Disconnected from D-Bus, exiting"), as
        // systemd's Restart= would then start it again: so does the test.
        assertThat(avahiA.waitFor(WAIT_SEC, TimeUnit.SECONDS)).as("avahi-daemon exits with its bus").isTrue();
        busA.start();
        avahiA = network.startAvahi("A", busA.address());
        assertThat(next()).as("the system bus back").isEqualTo(new BrowseEvent.BrowserBack());
        assertThat(next()).as("the announcement again, through the new connection")
                .isInstanceOf(BrowseEvent.Announced.class);

        long stopped = System.nanoTime();
        AvahiNetwork.stop(tcp);
        assertThat(next()).as("the goodbye when avahi-publish stops").isEqualTo(new BrowseEvent.Withdrawn(tcpKey));
        System.err.printf("AvahiBrowserIT: withdrawn %d ms after avahi-publish stopped%n", millisSince(stopped));

        browser.close();
        publishAfterClose();
    }

    /** After close, nothing more reaches the sink, whatever avahi still says. */
    private void publishAfterClose() throws Exception {
        events.clear();
        Process late = network.publish(busB.address(), "Late CDC", ServiceInstance.TYPE_TCP, 8009, "p=tcp");
        assertThat(events.poll(3, TimeUnit.SECONDS)).isNull();
        AvahiNetwork.stop(late);
    }

    private BrowseEvent next() throws InterruptedException {
        BrowseEvent event = events.poll(WAIT_SEC, TimeUnit.SECONDS);
        assertThat(event).as("an event within %d s", WAIT_SEC).isNotNull();
        return event;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
