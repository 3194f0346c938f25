package org.nvmexpress.discoverd.daemon;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.Zeroconf;
import org.nvmexpress.discoverd.mdns.Announcements;
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.mdns.InterfaceConflicts;
import org.nvmexpress.discoverd.mdns.ServiceBrowser;
import org.nvmexpress.discoverd.mdns.ServiceBrowsers;
import org.nvmexpress.discoverd.mdns.ServiceInstance;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS-SD-announced discovery controllers (TP8009), as {@link FcDiscovery} is for FC: the browser of
 * the {@code zeroconf} setting is opened after each pass whose setting differs from the one in use
 * (opening blocks, so on a worker; the old one is closed, also on a worker), started with a sink
 * that posts {@link LoopEvent.FromBrowser} to the loop, and each instance the TXT rule
 * ({@link Announcements}) accepts is a DC desired from then on ({@link Discovery#announced}, source
 * {@code mdns}): through the gate, retried, walked like any DC. When it stops being desired is
 * {@link MdnsRetention}'s rule. The browser's service lost or back forgets nothing: its
 * instances stay as they were, and it re-announces them when it is back.
 *
 * <p>A bad record is said once per instance and reason, and at most {@link #MAX_REPORTED} times a
 * run. Loop-confined.
 */
final class MdnsDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(MdnsDiscovery.class);
    static final int MAX_REPORTED = 256;
    /** The most instances remembered at once; a real fabric announces a handful of DCs. */
    static final int MAX_INSTANCES = 4096;
    /** A DNS label's 63 bytes, which an instance name is (RFC 6763 §4.1.1). */
    static final int MAX_NAME = 63;

    /** What the status shows: the backend in use ({@code none} when not browsing) and the instances it reports now. */
    record Browsing(String backend, int services) {
        static final Browsing NONE = new Browsing("none", 0);
    }

    private final EventLoop loop;
    private final Workers workers;
    private final ServiceBrowsers browsers;
    private final Discovery discovery;
    final MdnsRetention retention;
    private final InterfaceConflicts conflicts = new InterfaceConflicts();
    /** Every instance announced now (valid or not), and the DC of each valid one. */
    private final Map<ServiceInstance.Key, Optional<UnitName>> instances = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private Zeroconf mode = Zeroconf.NO;
    private long generation;
    private ServiceBrowser browser;
    /** The browser whose events count, read by its sink on the adapter's thread. */
    private final AtomicReference<ServiceBrowser> current = new AtomicReference<>();
    private boolean lost;

    MdnsDiscovery(EventLoop loop, Workers workers, ServiceBrowsers browsers, ControllerTracker tracker,
            Discovery discovery) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.browsers = Objects.requireNonNull(browsers, "browsers");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.retention = new MdnsRetention(loop, tracker, discovery);
        discovery.announcedGiveUpWith(retention);
    }

    /** A pass was carried out with {@code config}: a changed {@code zeroconf} opens its browser, closing the old. */
    void reconfigure(DaemonConfig config) {
        assert loop.inLoop();
        retention.limit(config.dcGiveupTimeout());
        if (config.zeroconf() == mode) {
            return;
        }
        LOG.info("zeroconf = {}{}", config.zeroconf().configName(), mode == Zeroconf.NO ? "" : " (was "
                + mode.configName() + ")");
        mode = config.zeroconf();
        long opening = ++generation;
        closeBrowser();
        if (mode != Zeroconf.NO) {
            Zeroconf asked = mode;
            workers.submit("open the " + asked.configName() + " browser", () -> browsers.open(asked),
                    outcome -> new WorkDone.BrowserOpened(opening, outcome));
        }
    }

    void opened(WorkDone.BrowserOpened result) {
        assert loop.inLoop();
        if (result.outcome() instanceof Outcome.Failure<Optional<ServiceBrowser>> failure) {
            if (result.generation() == generation) {
                LOG.error("cannot open the DNS-SD browser (zeroconf = {}): {}; not browsing until a reload changes"
                        + " zeroconf", mode.configName(), failure.reason());
            }
            return;
        }
        Optional<ServiceBrowser> opened = ((Outcome.Success<Optional<ServiceBrowser>>) result.outcome()).value();
        if (result.generation() != generation) {
            opened.ifPresent(this::closeLater); // a later reload changed zeroconf while this one opened
            return;
        }
        if (opened.isEmpty()) {
            LOG.warn("zeroconf = {}: neither systemd-resolved with BrowseServices nor avahi-daemon is here; not"
                    + " browsing", mode.configName());
            return;
        }
        browser = opened.get();
        current.set(browser);
        lost = false;
        LOG.info("browsing for DNS-SD-announced discovery controllers through {}", browser.backend());
        ServiceBrowser started = browser;
        // Once it is replaced its sink goes quiet, so a closing browser's late events do not count.
        browser.start(event -> {
            if (isCurrent(started)) {
                loop.post(new LoopEvent.FromBrowser(event));
            }
        });
    }

    private boolean isCurrent(ServiceBrowser candidate) {
        return current.get() == candidate;
    }

    /** What the browser saw. */
    void on(BrowseEvent event) {
        assert loop.inLoop();
        if (event instanceof BrowseEvent.Announced announced) {
            announced(announced.instance());
        } else if (event instanceof BrowseEvent.Withdrawn withdrawn) {
            Optional.ofNullable(instances.remove(withdrawn.key())).flatMap(u -> u).ifPresent(this::lastInstanceGone);
        } else if (event instanceof BrowseEvent.BrowserLost gone) {
            if (!lost) {
                lost = true;
                LOG.warn("the DNS-SD browser lost its service ({}); every announced DC is kept", gone.reason());
            }
        } else if (lost) {
            lost = false;
            LOG.info("the DNS-SD browser's service is back");
        }
    }

    private void announced(ServiceInstance instance) {
        if (instances.size() >= MAX_INSTANCES && !instances.containsKey(instance.key())) {
            // A link announcing thousands of DCs is an attack or a loop; memory stays bounded.
            report(instance.key(), "over " + MAX_INSTANCES + " instances announced at once");
            return;
        }
        conflicts.seen(instance).ifPresent(LOG::warn);
        Optional<UnitName> before = instances.getOrDefault(instance.key(), Optional.empty());
        Announcements.Reading reading = Announcements.read(instance);
        Optional<UnitName> now = Optional.empty();
        if (reading instanceof Announcements.Ignored ignored) {
            report(instance.key(), ignored.reason());
        } else if (instance.key().name().length() > MAX_NAME || instance.key().name().chars()
                .anyMatch(Character::isISOControl)) {
            // The name becomes the source's text in the log and the status: bounded and printable.
            report(instance.key(), "its instance name is over " + MAX_NAME + " characters or has a control character");
        } else {
            Announcements.Dc dc = (Announcements.Dc) reading;
            now = Optional.of(dc.tid().unitName());
            retention.announced(now.get());
            if (!now.equals(before)) {
                announce(instance, dc);
            }
        }
        instances.put(instance.key(), now);
        if (before.isPresent() && !before.equals(now)) {
            lastInstanceGone(before.get()); // its resolution changed: the old DC may be announced no more
        }
    }

    /** A DC newly announced by this instance: desired from now on (announced again as it was, nothing is walked again). */
    private void announce(ServiceInstance instance, Announcements.Dc dc) {
        UnitRequest request = new UnitRequest(dc.tid(), Role.DC, false,
                ConnectOptions.of(dc.tid(), null, discovery.fabrics().topDcParams()));
        LOG.debug("{} - announced by DNS-SD ({} on {})", dc.tid().compact(), instance.key().name(),
                instance.key().interfaceName());
        Candidate candidate = new Candidate(request, List.of(new Source.Announced(instance.key().name(),
                instance.key().interfaceName())));
        discovery.announced(candidate);
    }

    /** An instance announcing {@code dc} went; when none is left, the retention rule starts. */
    private void lastInstanceGone(UnitName dc) {
        if (!instances.containsValue(Optional.of(dc))) {
            retention.withdrawn(dc);
        }
    }

    private void report(ServiceInstance.Key key, String reason) {
        if (reported.size() < MAX_REPORTED && reported.add(key + "\n" + reason)) {
            LOG.warn("DNS-SD instance {} ({} on {}) ignored: {}", Announcements.quoted(key.name()), key.type(),
                    Announcements.quoted(key.interfaceName()), reason);
        }
    }

    /** The status's view. */
    Browsing browsing() {
        return browser == null ? Browsing.NONE : new Browsing(browser.backend(), instances.size());
    }

    /** The daemon stops: the browser closes here, so no event follows. */
    void stop() {
        generation++;
        current.set(null);
        if (browser != null) {
            ServiceBrowser closing = browser;
            browser = null;
            closing.close();
        }
    }

    /**
     * The browser is replaced: what it reported counts as withdrawn, so the retention rule applies
     * (connected DCs stay; a new browser that still sees one announces it again, which cancels it).
     */
    private void closeBrowser() {
        if (browser != null) {
            LOG.info("no longer browsing through {}", browser.backend());
            current.set(null);
            closeLater(browser);
            browser = null;
        }
        lost = false;
        Set<UnitName> dcs = new LinkedHashSet<>();
        instances.values().forEach(dc -> dc.ifPresent(dcs::add));
        instances.clear();
        dcs.forEach(retention::withdrawn);
    }

    private void closeLater(ServiceBrowser closing) {
        workers.submit("close the " + closing.backend() + " browser", () -> {
            closing.close();
            return closing.backend();
        }, outcome -> new WorkDone.BrowserClosed(outcome));
    }

    void closed(WorkDone.BrowserClosed result) {
        if (result.outcome() instanceof Outcome.Failure<String> failure) {
            LOG.warn("closing the DNS-SD browser failed: {}", failure.reason());
        }
    }
}
