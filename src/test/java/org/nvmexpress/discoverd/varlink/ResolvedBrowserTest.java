package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.NetworkInterface;
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
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.mdns.ServiceInstance;

/**
 * {@link ResolvedBrowser} against a recorded exchange with systemd-resolved 258, replayed by
 * {@link FakeResolved}: no resolved with {@code BrowseServices} runs on these machines (Debian 12
 * has systemd 252). The messages are in the shape systemd 258 builds them:
 * {@code browserServiceData} entries as {@code mdns_browser_manage_services_answer} in
 * {@code src/resolve/resolved-dns-browse-services.c} appends them (updateFlag, family, name, type,
 * domain, ifindex; notified only when the array is not empty, with {@code continues}), and the
 * {@code ResolveService} reply as {@code resolve_service_all_complete} in
 * {@code src/resolve/resolved-varlink.c} builds it (services with port and addresses as byte
 * arrays; {@code txt} items through {@code octescape()}; canonical; flags), both declared in
 * {@code src/shared/varlink-io.systemd.Resolve.c}.
 */
final class ResolvedBrowserTest {
    private static final String NQN = "nqn.2014-08.org.nvmexpress.discovery";
    /** ifindex 1 is the loopback on Linux: a name the browser finds for itself. */
    private static final String ADDED = """
            {"parameters":{"browserServiceData":[{"updateFlag":"added","family":2,"name":"NVMe CDC",\
            "type":"_nvme-disc._tcp","domain":"local","ifindex":1}]},"continues":true}""";
    private static final String REMOVED = ADDED.replace("\"added\"", "\"removed\"");
    private static final String RESOLVED = """
            {"parameters":{"services":[{"priority":0,"weight":0,"port":8009,"hostname":"array-a.local",\
            "addresses":[{"ifindex":1,"family":10,"address":[32,1,13,184,0,0,0,0,0,0,0,0,0,0,0,2]},\
            {"ifindex":1,"family":2,"address":[192,0,2,2]}]}],\
            "txt":["p=tcp","NQN=%s","note=a\\\\134b"],\
            "canonical":{"name":"NVMe CDC","type":"_nvme-disc._tcp","domain":"local"},"flags":8}}""".formatted(NQN);

    @TempDir
    Path dir;
    private Path socket;
    private FakeResolved resolved;
    private ResolvedBrowser browser;
    private final BlockingQueue<BrowseEvent> events = new LinkedBlockingQueue<>();
    private ServiceInstance.Key key;

    @BeforeEach
    void names() throws Exception {
        socket = dir.resolve("io.systemd.Resolve");
        key = new ServiceInstance.Key("NVMe CDC", ServiceInstance.TYPE_TCP, "local",
                NetworkInterface.getByIndex(1).getName(), false);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (resolved != null) {
            resolved.close();
        }
    }

    private void startBoth() throws Exception {
        resolved = new FakeResolved(socket);
        resolved.resolveReplies.put("NVMe CDC", RESOLVED);
        browser = new ResolvedBrowser(socket, Duration.ofMillis(10));
        browser.start(events::add);
    }

    private ServiceInstance announced() {
        return new ServiceInstance(key, "192.0.2.2", 8009, Map.of("p", "tcp", "nqn", NQN, "note", "a\\b"));
    }

    @Test
    void addedUpdateResolvedToAddressOfItsFamilyPortAndTxt() throws Exception {
        startBoth();
        resolved.push(ServiceInstance.TYPE_TCP, ADDED);
        assertThat(next()).isEqualTo(new BrowseEvent.Announced(announced()));
        assertThat(resolved.calls).anySatisfy(c -> {
            assertThat(c.path("method").asText()).isEqualTo(ResolvedWire.RESOLVE);
            assertThat(c.path("parameters").toString()).isEqualTo(
                    "{\"name\":\"NVMe CDC\",\"type\":\"_nvme-disc._tcp\",\"domain\":\"local\",\"ifindex\":1,"
                            + "\"family\":2,\"flags\":24}");
        });
        assertThat(resolved.calls).filteredOn(c -> c.path("method").asText().equals(ResolvedWire.BROWSE))
                .extracting(c -> c.path("more").asBoolean()).containsOnly(true);
    }

    @Test
    void removedUpdateIsAWithdrawal() throws Exception {
        startBoth();
        resolved.push(ServiceInstance.TYPE_TCP, ADDED);
        next();
        resolved.push(ServiceInstance.TYPE_TCP, REMOVED);
        assertThat(next()).isEqualTo(new BrowseEvent.Withdrawn(key));
    }

    @Test
    void streamEndIsALossAndTheNextStreamTheReturn() throws Exception {
        startBoth();
        resolved.push(ServiceInstance.TYPE_TCP, ADDED);
        next();
        resolved.push(ServiceInstance.TYPE_TCP, FakeResolved.END);
        assertThat(next()).isInstanceOf(BrowseEvent.BrowserLost.class);
        assertThat(next()).isEqualTo(new BrowseEvent.BrowserBack());
        resolved.push(ServiceInstance.TYPE_TCP, ADDED);
        assertThat(next()).isEqualTo(new BrowseEvent.Announced(announced()));
    }

    @Test
    void resolvedAbsentAtStartIsALossThenItsArrivalAReturn() throws Exception {
        browser = new ResolvedBrowser(socket, Duration.ofMillis(10));
        browser.start(events::add);
        assertThat(next()).isInstanceOf(BrowseEvent.BrowserLost.class);
        resolved = new FakeResolved(socket);
        resolved.resolveReplies.put("NVMe CDC", RESOLVED);
        assertThat(next()).isEqualTo(new BrowseEvent.BrowserBack());
        resolved.push(ServiceInstance.TYPE_TCP, ADDED);
        assertThat(next()).isEqualTo(new BrowseEvent.Announced(announced()));
    }

    @Test
    void resolvedWithoutBrowseServicesIsOneLoss() throws Exception {
        resolved = new FakeResolved(socket);
        resolved.browseError = "org.varlink.service.MethodNotFound";
        browser = new ResolvedBrowser(socket, Duration.ofMillis(10));
        browser.start(events::add);
        assertThat(next()).isEqualTo(new BrowseEvent.BrowserLost("systemd-resolved offers no BrowseServices"));
    }

    @Test
    void instanceThatDoesNotResolveIsSkipped() throws Exception {
        startBoth();
        resolved.push(ServiceInstance.TYPE_TCP, ADDED.replace("NVMe CDC", "Gone CDC"));
        resolved.push(ServiceInstance.TYPE_TCP, ADDED);
        assertThat(next()).isEqualTo(new BrowseEvent.Announced(announced()));
    }

    @Test
    void nothingReachesTheSinkAfterClose() throws Exception {
        startBoth();
        browser.close();
        resolved.push(ServiceInstance.TYPE_TCP, ADDED);
        resolved.close();
        assertThat(events).isEmpty();
    }

    @Test
    void offeredWhenTheInterfaceDescriptionDeclaresBrowseServices() throws Exception {
        resolved = new FakeResolved(socket);
        assertThat(ResolvedBrowser.offeredAt(socket)).isFalse();
        // The declaration as systemd 258's sd-varlink-idl prints it, comments and all.
        resolved.description = """
                interface io.systemd.Resolve

                # Starts browsing for DNS-SD services of specified type.
                method BrowseServices(
                	domain: ?string,
                	type: ?string,
                	ifindex: ?int,
                	flags: ?int
                ) -> (
                	browserServiceData: []ServiceData
                )
                """;
        assertThat(ResolvedBrowser.offeredAt(socket)).isTrue();
        assertThat(ResolvedBrowser.offeredAt(dir.resolve("absent"))).isFalse();
    }

    private BrowseEvent next() throws InterruptedException {
        BrowseEvent e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("an event within 10 s").isNotNull();
        return e;
    }
}
