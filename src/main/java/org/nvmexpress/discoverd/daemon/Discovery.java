package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.Persistence;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.systemd.UnitManager;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The discovered part of the desired set (reference §2.4-§2.7, §15 items 12-15, 29-30): what the
 * discovery controllers list, kept per DC as its last good {@link Listing}, walked from the DCs
 * desired for a reason of their own ({@link DiscoveryGraph}), and put on the same tracker, gate and
 * retry machinery as everything else.
 *
 * <ul>
 * <li>A DC of ours that is connected has its page read ({@link LogFetches}); so has one that sends
 *     a change notice or a rediscover. A DC another orchestrator owns is never connected by us, so
 *     never read (the C daemon walks every DC that appears, §15 item 12).</li>
 * <li>A good page replaces that DC's listing: what it newly lists is tracked and goes through the
 *     gate; what no reachable DC lists any more stops being desired — not disconnected (the daemon
 *     is connect-only), only not reconnected when it drops.</li>
 * <li>A discovered DC (a referral, an FC announcement) is desired from the moment it is seen,
 *     retried, and given up after {@code dc-giveup-timeout}; configured and boot DCs never.</li>
 * <li>After each good page the EPCSD policy ({@link Parking}) decides whether the connection is
 *     held.</li>
 * </ul>
 *
 * <p>Loop-confined.
 */
final class Discovery implements ControllerTracker.Listener, LogFetches.Sink, Connections.GiveUp {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Connections connections;
    private final Attempts attempts;
    private final Parking parking;
    private final ControllerLog log = new ControllerLog(LOG);
    final LogFetches fetches;
    private DesiredSet staticSet = DesiredSet.EMPTY;
    private FabricsConfig fabrics = FabricsConfig.EMPTY;
    private DaemonConfig daemon = DaemonConfig.DEFAULTS;
    private List<DiscoveryGraph.Root> staticRoots = List.of();
    /** The {@code persistent} policy of each static DC: its own connection's, or the main file's for a boot DC. */
    private Map<UnitName, Persistence> staticPolicies = Map.of();
    private final Listings listings = new Listings();
    private Runnable fcControllerLost = () -> { };
    /** Whether an mDNS-announced DC that keeps failing is given up ({@link MdnsDiscovery}: sticky). */
    private Connections.GiveUp announcedGiveUp = Connections.GiveUp.NEVER;
    private ControlEvents events;

    Discovery(EventLoop loop, ControllerTracker tracker, Connections connections, Attempts attempts, UnitManager units,
            Workers workers, DiscoveryLogSource source, RetryPolicy retry) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.parking = new Parking(loop, tracker, units);
        this.fetches = new LogFetches(loop, tracker, workers, source, retry, this);
    }

    /** Where a discovery log that lists other controllers now is announced; set once, when the daemon is built. */
    void announceTo(ControlEvents value) {
        events = Objects.requireNonNull(value, "value");
    }

    /** What to do when an FC controller of ours loses its connection ({@link FcDiscovery}). */
    void onFcControllerLost(Runnable action) {
        fcControllerLost = Objects.requireNonNull(action, "action");
    }

    /** Who decides when a failing mDNS-announced DC is given up; set once, when the daemon is built. */
    void announcedGiveUpWith(Connections.GiveUp value) {
        announcedGiveUp = Objects.requireNonNull(value, "value");
    }

    /** An mDNS DC is announced no more and was unreachable for the give-up time: a root no longer. */
    void unannounced(UnitName dc) {
        assert loop.inLoop();
        apply(listings.withdraw(dc, staticRoots));
    }

    /**
     * A new static desired set (a pass, a host name resolved): the roots follow it, and the listings
     * of DCs no longer reachable are dropped (a DC removed from the configuration takes what it
     * listed along).
     */
    void rebase(DesiredSet desired, DaemonInputs inputs) {
        assert loop.inLoop();
        staticSet = Objects.requireNonNull(desired, "desired");
        fabrics = inputs.fabrics();
        daemon = inputs.daemon();
        staticRoots = staticRoots(desired, fabrics);
        Map<UnitName, Persistence> policies = new HashMap<>();
        staticRoots.forEach(r -> policies.put(r.unit(), r.origin().scope() != null ? r.origin().scope().persistence()
                : fabrics.topDcParams().persistence()));
        staticPolicies = policies;
        apply(listings.walk(staticRoots));
    }

    /** A reload: the discovered DCs that were given up are tried again, their give-up time afresh. */
    void reviveGivenUp() {
        assert loop.inLoop();
        for (TrackedController c : tracker.all()) {
            if (c.state() == ControllerState.GIVEN_UP) {
                revive(c);
            }
        }
    }

    /** A given-up DC is tried again, its give-up time counted afresh. */
    private void revive(TrackedController c) {
        c.failing = false;
        attempts.attempt(c);
    }

    /** The candidate {@code unit} is desired as now: its static one with what lists it, or the discovered one. */
    Optional<Candidate> effective(UnitName unit) {
        assert loop.inLoop();
        Optional<Candidate> fixed = staticSet.get(unit);
        Candidate found = listings.discovered(unit).orElse(null);
        if (fixed.isPresent()) {
            return Optional.of(found == null ? fixed.get() : fixed.get().withMoreSources(found.sources()));
        }
        return Optional.ofNullable(found);
    }

    /** The fabrics configuration in force: the scopes of what is discovered. */
    FabricsConfig fabrics() {
        return fabrics;
    }

    /** A change notice or a rediscover from a device. */
    void on(KernelEvent.DiscoveryLogChanged event) {
        assert loop.inLoop();
        Optional<TrackedController> dc = tracker.byDevice(event.device())
                .filter(c -> c.candidate().role() == Role.DC && c.state() == ControllerState.CONNECTED);
        if (dc.isEmpty()) {
            LOG.debug("{}: {}; not a connected discovery controller of ours, not read", event.device(), event.trigger());
            return;
        }
        log.log(Level.DEBUG, dc.get(), "its discovery log changed (" + event.trigger() + "); reading it again");
        fetches.changed(dc.get());
    }

    /** The FC transport announced a DC: desired from now on, a root of the walk. */
    void announced(Candidate dc) {
        assert loop.inLoop();
        apply(listings.announce(dc, staticRoots));
        tracker.get(dc.unit()).filter(c -> c.state() == ControllerState.GIVEN_UP).ifPresent(this::revive);
    }

    @Override
    public void fetched(TrackedController dc, FetchResult.Fetched page) {
        ListingBuilder.Origin origin = listings.origin(dc.unit()).orElse(null);
        if (origin == null) {
            log.log(Level.DEBUG, dc, "discovery log read, but it is no longer reached by any walk; dropped");
            return;
        }
        Listing listing = ListingBuilder.build(dc.candidate(), origin, page.page(), fabrics);
        reportListing(dc, listings.listing(dc.unit()).orElse(null), listing);
        apply(listings.relist(listing, staticRoots));
        tracker.get(dc.unit()).filter(c -> c.state() == ControllerState.CONNECTED)
                .ifPresent(c -> parking.afterRead(c, persistenceOf(c.unit()), listing.selfEpcsd(),
                        listings.referrerEpcsd(c.unit()), daemon.epcsdPollInterval()));
    }

    private void reportListing(TrackedController dc, Listing before, Listing now) {
        boolean sameSkips = before != null && before.skipped().equals(now.skipped());
        boolean sameUnits = before != null && before.listed().keySet().equals(now.listed().keySet());
        log.log(sameUnits && sameSkips ? Level.DEBUG : Level.INFO, dc, "discovery log: " + now.summary());
        if (!sameUnits && events != null) {
            events.announce("dlp-changed", dc, "discovery log: " + now.summary());
        }
        if (!sameSkips) {
            now.skipped().forEach(why -> log.log(Level.WARN, dc, "discovery log " + why));
            if (now.moreSkipped() > 0) {
                log.log(Level.WARN, dc, "discovery log: " + now.moreSkipped() + " more entries skipped");
            }
        }
    }

    @Override
    public boolean givesUp(TrackedController c, Duration failingFor) {
        if (c.candidate().role() != Role.DC || c.candidate().isStatic()) {
            return false;
        }
        if (c.candidate().sources().stream().anyMatch(Source.Announced.class::isInstance)) {
            return announcedGiveUp.givesUp(c, failingFor); // sticky while announced: its own rule
        }
        if (!daemon.dcGiveupTimeout().reachedAfter(failingFor)) {
            return false;
        }
        tracker.setState(c, ControllerState.GIVEN_UP);
        log.log(Level.WARN, c, "giving up after failing for " + failingFor.toMinutes() + " min (dc-giveup-timeout); "
                + "not retried until the FC transport announces it again or a reload");
        apply(listings.drop(c.unit(), staticRoots));
        return true;
    }

    @Override
    public void changed(TrackedController c) {
        if (c.candidate().role() == Role.DC && c.state() == ControllerState.CONNECTED && c.device().isPresent()
                && c.pending == TrackedController.Pending.NONE) {
            fetches.connected(c);
        }
    }

    @Override
    public void deviceLost(TrackedController c) {
        if (c.candidate().role() == Role.DC) {
            fetches.disconnected(c.unit());
        }
        if ("fc".equals(c.candidate().tid().transport()) && c.state() != ControllerState.PARKED) {
            fcControllerLost.run();
        }
    }

    @Override
    public void forgotten(TrackedController c) {
        fetches.forget(c.unit());
    }

    /** The connected FC discovery controllers of ours: what an FC controller's loss reads again. */
    List<TrackedController> connectedFcDcs() {
        List<TrackedController> out = new ArrayList<>();
        for (TrackedController c : tracker.all()) {
            if (c.candidate().role() == Role.DC && "fc".equals(c.candidate().tid().transport())
                    && c.state() == ControllerState.CONNECTED && c.device().isPresent()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Brings the tracker in line for each of {@code units} whose discovered candidate changed. */
    private void apply(Set<UnitName> units) {
        units.forEach(this::apply);
    }

    private void apply(UnitName unit) {
        Listings.Change change = listings.update(unit);
        if (!change.changed()) {
            return;
        }
        Optional<TrackedController> tracked = tracker.get(unit);
        if (change.now() != null) {
            Candidate candidate = effective(unit).orElseThrow();
            if (tracked.isPresent()) {
                tracked.get().replaceCandidate(candidate);
            } else if (staticSet.get(unit).isEmpty()) {
                attempts.attempt(connections.trackOrUpdate(candidate));
            }
            return;
        }
        tracked.ifPresent(c -> staticSet.get(unit).ifPresentOrElse(c::replaceCandidate, () -> {
            log.log(Level.INFO, c, "no longer listed by any discovery controller; its unit and connection stay as they are");
            tracker.forget(c);
        }));
    }

    /** The {@code persistent} policy of a DC: a static one's own, a referral's scope's, the main file's otherwise. */
    private Persistence persistenceOf(UnitName unit) {
        Persistence policy = staticPolicies.get(unit);
        return policy != null ? policy : listings.referralPolicy(unit).orElse(fabrics.topDcParams().persistence());
    }

    /** The static DCs, each with the scope of its configured connection (none for a boot DC). */
    private static List<DiscoveryGraph.Root> staticRoots(DesiredSet desired, FabricsConfig fabrics) {
        Map<String, ResolvedConnection> byLine = new HashMap<>();
        fabrics.connections().forEach(c -> byLine.put(c.source(), c));
        List<DiscoveryGraph.Root> roots = new ArrayList<>();
        for (Candidate c : desired.inOrder()) {
            if (c.role() != Role.DC) {
                continue;
            }
            ResolvedConnection scope = c.sources().stream().filter(Source.Configured.class::isInstance)
                    .map(s -> byLine.get(s.describe())).filter(Objects::nonNull).findFirst().orElse(null);
            roots.add(new DiscoveryGraph.Root(c.unit(), new ListingBuilder.Origin(scope, 0)));
        }
        return roots;
    }
}
