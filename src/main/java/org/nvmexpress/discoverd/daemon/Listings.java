package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.config.Persistence;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The discovered desired set as data: each DC's last good {@link Listing}, the DCs the FC transport
 * announced, the {@link DiscoveryGraph.Walk} over them, and the candidate each discovered unit has
 * as a result. Every change returns the units whose candidate may have changed; {@link #update}
 * then says, unit by unit, what it was and what it is, so the caller touches only those.
 *
 * <p>A new page whose referrals stayed the same (the usual change notice: a subsystem added or
 * removed) costs the size of that page, not of the fabric: the walk stands and only the units of
 * the two pages are looked at. Anything else walks again, linearly in the listings' entries.
 *
 * <p>Loop-confined (its owner, {@link Discovery}, is).
 */
final class Listings {
    /** What discovery wanted for one unit, and wants now; either may be {@code null} (nothing). */
    record Change(Candidate before, Candidate now) {
        boolean changed() {
            return !Objects.equals(before, now);
        }
    }

    private final Map<UnitName, Candidate> announced = new LinkedHashMap<>();
    private final Map<UnitName, Listing> byDc = new HashMap<>();
    private DiscoveryGraph.Walk walk = DiscoveryGraph.Walk.NONE;
    /** For each listed unit, the DCs whose listing names it, in walk order (the walk's, kept up). */
    private final Map<UnitName, List<UnitName>> listers = new LinkedHashMap<>();
    /** What each discovered unit was last {@link #update updated} to. */
    private final Map<UnitName, Candidate> discovered = new LinkedHashMap<>();

    /** Where {@code dc} stands in the walk, or empty when no walk reaches it. */
    Optional<ListingBuilder.Origin> origin(UnitName dc) {
        return Optional.ofNullable(walk.origins().get(dc));
    }

    /** Whether any referrer's entry for {@code dc} asks for a persistent connection; empty when none refers to it. */
    Optional<Boolean> referrerEpcsd(UnitName dc) {
        return Optional.ofNullable(walk.referralEpcsd().get(dc));
    }

    /** The {@code persistent} policy of the scope referral DC {@code dc} is connected with, if it is one. */
    Optional<Persistence> referralPolicy(UnitName dc) {
        return announced.containsKey(dc) ? Optional.empty() : Optional.ofNullable(walk.persistence().get(dc));
    }

    /** The discovered candidate of {@code unit}, as last updated. */
    Optional<Candidate> discovered(UnitName unit) {
        return Optional.ofNullable(discovered.get(unit));
    }

    /** The FC transport announced {@code dc}. */
    Set<UnitName> announce(Candidate dc, List<DiscoveryGraph.Root> staticRoots) {
        announced.put(dc.unit(), dc);
        return walk(staticRoots);
    }

    /** A good page of a DC replaces its listing. */
    Set<UnitName> relist(Listing listing, List<DiscoveryGraph.Root> staticRoots) {
        UnitName dc = listing.dc();
        Listing before = byDc.put(dc, listing);
        if (before == null || !before.referrals().equals(listing.referrals())) {
            return walk(staticRoots);
        }
        Set<UnitName> units = new LinkedHashSet<>(before.listed().keySet());
        units.addAll(listing.listed().keySet());
        for (UnitName unit : units) {
            boolean was = before.listed().containsKey(unit);
            boolean is = listing.listed().containsKey(unit);
            if (was && !is) {
                List<UnitName> dcs = listers.get(unit);
                dcs.remove(dc);
                if (dcs.isEmpty()) {
                    listers.remove(unit);
                }
            } else if (is && !was) {
                listers.computeIfAbsent(unit, u -> new ArrayList<>()).add(dc);
            }
        }
        return units;
    }

    /** The listing of {@code dc} now; empty when it has none. */
    Optional<Listing> listing(UnitName dc) {
        return Optional.ofNullable(byDc.get(dc));
    }

    /** {@code dc} lists nothing any more (it was given up). */
    Set<UnitName> drop(UnitName dc, List<DiscoveryGraph.Root> staticRoots) {
        return byDc.remove(dc) == null ? Set.of() : walk(staticRoots);
    }

    /**
     * Walks again from {@code staticRoots} and the announced DCs; the listings of DCs no walk reaches
     * are dropped. Returns every unit discovery wanted before or wants now.
     */
    Set<UnitName> walk(List<DiscoveryGraph.Root> staticRoots) {
        List<DiscoveryGraph.Root> roots = new ArrayList<>(staticRoots);
        announced.keySet().forEach(unit -> roots.add(new DiscoveryGraph.Root(unit, ListingBuilder.Origin.TOP)));
        walk = DiscoveryGraph.walk(roots, byDc);
        byDc.keySet().retainAll(walk.origins().keySet());
        listers.clear();
        walk.listers().forEach((unit, dcs) -> listers.put(unit, new ArrayList<>(dcs)));
        Set<UnitName> units = new LinkedHashSet<>(announced.keySet());
        units.addAll(listers.keySet());
        units.addAll(discovered.keySet());
        return units;
    }

    /** Recomputes {@code unit}'s discovered candidate: its announcement and every listing naming it. */
    Change update(UnitName unit) {
        Candidate now = announced.get(unit);
        for (UnitName dc : listers.getOrDefault(unit, List.of())) {
            Candidate listed = byDc.get(dc).listed().get(unit).candidate();
            now = now == null ? listed : now.withMoreSources(listed.sources());
        }
        Candidate before = now == null ? discovered.remove(unit) : discovered.put(unit, now);
        return new Change(before, now);
    }
}
