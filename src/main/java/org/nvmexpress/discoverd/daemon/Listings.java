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
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The discovered desired set as data: each DC's last good {@link Listing}, the DCs the FC transport
 * announced, the {@link DiscoveryGraph.Walk} over them, and the candidate each discovered unit has
 * as a result. Every change returns the units whose candidate may have changed; {@link #update}
 * then says, unit by unit, what it was and what it is, so the caller touches only those.
 *
 * <p>A page that follows the same referrals as the one before (the usual change notice: a subsystem
 * added or removed; a DC's first page when it refers only to roots or to nothing) costs the size of
 * that page, not of the fabric: the walk stands, only the units of the two pages are looked at, and
 * the DC takes its walk-order place among their listers, so the result is the walk's. A referral
 * to a root (a configured, boot or announced DC) is not followed: the root is walked from its own
 * place anyway. Anything else walks again, linearly in the listings' entries; so 100 DCs read one
 * after the other cost the fabric once, not 100 times.
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
        List<Listing.Listed> entries = referrerEntries(dc);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.stream().anyMatch(Listing.Listed::epcsd));
    }

    /** The {@code persistent} policy of the scope referral DC {@code dc} is connected with (its first referrer's), if it is one. */
    Optional<Persistence> referralPolicy(UnitName dc) {
        return announced.containsKey(dc) ? Optional.empty()
                : referrerEntries(dc).stream().findFirst().map(Listing.Listed::persistence);
    }

    /** The entries that name {@code dc} as a discovery controller, in walk order. */
    private List<Listing.Listed> referrerEntries(UnitName dc) {
        List<Listing.Listed> entries = new ArrayList<>();
        for (UnitName referrer : listers.getOrDefault(dc, List.of())) {
            Listing.Listed entry = byDc.get(referrer).listed().get(dc);
            if (entry.candidate().role() == Role.DC) {
                entries.add(entry);
            }
        }
        return entries;
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

    /** {@code dc} is announced no more (an mDNS DC given up): it is a root no longer. */
    Set<UnitName> withdraw(UnitName dc, List<DiscoveryGraph.Root> staticRoots) {
        return announced.remove(dc) == null ? Set.of() : walk(staticRoots);
    }

    /** A good page of a DC replaces its listing. */
    Set<UnitName> relist(Listing listing, List<DiscoveryGraph.Root> staticRoots) {
        UnitName dc = listing.dc();
        Listing before = byDc.put(dc, listing);
        Map<UnitName, Listing.Listed> was = before == null ? Map.of() : before.listed();
        Map<UnitName, Listing.Listed> is = listing.listed();
        if (!walkStands(dc, was, is)) {
            return walk(staticRoots);
        }
        Set<UnitName> units = new LinkedHashSet<>(was.keySet());
        units.addAll(is.keySet());
        for (UnitName unit : units) {
            if (!is.containsKey(unit)) {
                List<UnitName> dcs = listers.get(unit);
                dcs.remove(dc);
                if (dcs.isEmpty()) {
                    listers.remove(unit);
                }
            } else if (!was.containsKey(unit)) {
                addLister(unit, dc);
            }
        }
        return units;
    }

    /**
     * Whether a walk after {@code dc}'s listing went from {@code was} to {@code is} would reach the
     * same DCs in the same order: {@code dc} is reached, it follows the same referrals in the same
     * order, and no unit is (or would be) named in two roles, where which naming counts depends on
     * the walk's order.
     */
    private boolean walkStands(UnitName dc, Map<UnitName, Listing.Listed> was, Map<UnitName, Listing.Listed> is) {
        if (!walk.origins().containsKey(dc) || walk.twoRoles() || !followed(was).equals(followed(is))) {
            return false;
        }
        for (Map.Entry<UnitName, Listing.Listed> entry : is.entrySet()) {
            Listing.Listed other = was.get(entry.getKey());
            List<UnitName> dcs = listers.get(entry.getKey());
            if (other == null && dcs != null) {
                other = byDc.get(dcs.get(0)).listed().get(entry.getKey());
            }
            if (other != null && other.candidate().role() != entry.getValue().candidate().role()) {
                return false;
            }
        }
        return true;
    }

    /** The referrals a walk follows from {@code listed}, in page order (the walk's): to DCs that are not roots. */
    private List<UnitName> followed(Map<UnitName, Listing.Listed> listed) {
        List<UnitName> out = new ArrayList<>();
        listed.forEach((unit, l) -> {
            ListingBuilder.Origin origin = walk.origins().get(unit);
            if (l.candidate().role() == Role.DC && (origin == null || origin.depth() > 0)) {
                out.add(unit);
            }
        });
        return out;
    }

    /** Puts {@code dc} among the listers of {@code unit} where the walk would have: by walk order. */
    private void addLister(UnitName unit, UnitName dc) {
        List<UnitName> dcs = listers.computeIfAbsent(unit, u -> new ArrayList<>());
        int place = walk.order().get(dc);
        int at = dcs.size();
        while (at > 0 && walk.order().get(dcs.get(at - 1)) > place) {
            at--;
        }
        dcs.add(at, dc);
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
