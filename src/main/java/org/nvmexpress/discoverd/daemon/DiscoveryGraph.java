package org.nvmexpress.discoverd.daemon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Which discovered controllers are desired now: whatever the listings of the discovery controllers
 * reachable from the roots list (reference §2.4-§2.5, fixed). The roots are the DCs that are desired
 * for a reason of their own: configured, in a boot table, announced by the FC transport. A walk
 * from them, breadth first, over the referrals of each DC's last good {@link Listing}:
 *
 * <ul>
 * <li>terminates on any referral graph, loops included: each DC is visited once;</li>
 * <li>follows no referral deeper than {@link ListingBuilder#MAX_REFERRAL_DEPTH};</li>
 * <li>forgets what only an unreachable DC lists: a DC that a fresh page of its referrer no
 *     longer names takes its own listing, and what it lists, with it — two referral DCs that list
 *     each other do not keep each other desired.</li>
 * </ul>
 *
 * <p>Linear in the listings' entries. Pure.
 */
final class DiscoveryGraph {

    private DiscoveryGraph() {
    }

    /**
     * A DC desired for a reason of its own.
     *
     * @param unit   its unit
     * @param origin its scope, depth 0
     */
    record Root(UnitName unit, ListingBuilder.Origin origin) {
        Root {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * What the walk found. What the referrers' entries say of a referral DC (EPCSD, the scope's
     * {@code persistent} policy) is read from its {@code listers}' listings, not kept here, so a
     * change of those entries alone does not need a walk.
     *
     * @param listers  for every listed controller, the DCs reached whose listing names it in the
     *                 role the first of them gives it, in walk order
     * @param origins  every DC reached (the roots included) with its scope and depth
     * @param order    every DC reached, numbered in walk order (the roots first): where a DC goes
     *                 among the listers of a unit without a walk
     * @param twoRoles whether some unit is named in two roles (the later namings are left out)
     */
    record Walk(Map<UnitName, List<UnitName>> listers, Map<UnitName, ListingBuilder.Origin> origins,
            Map<UnitName, Integer> order, boolean twoRoles) {
        static final Walk NONE = new Walk(Map.of(), Map.of(), Map.of(), false);

        Walk {
            listers = Collections.unmodifiableMap(new LinkedHashMap<>(listers));
            origins = Map.copyOf(origins);
            order = Map.copyOf(order);
        }
    }

    static Walk walk(List<Root> roots, Map<UnitName, Listing> listings) {
        Map<UnitName, ListingBuilder.Origin> origins = new HashMap<>();
        Map<UnitName, Integer> order = new HashMap<>();
        Deque<UnitName> queue = new ArrayDeque<>();
        for (Root root : roots) {
            if (origins.putIfAbsent(root.unit(), root.origin()) == null) {
                order.put(root.unit(), order.size());
                queue.add(root.unit());
            }
        }
        Map<UnitName, List<UnitName>> listers = new LinkedHashMap<>();
        Map<UnitName, Role> roles = new HashMap<>();
        boolean twoRoles = false;
        while (!queue.isEmpty()) {
            UnitName dc = queue.removeFirst();
            Listing listing = listings.get(dc);
            if (listing == null) {
                continue; // not read yet, or never read well: it lists nothing
            }
            ListingBuilder.Origin origin = origins.get(dc);
            for (Listing.Listed listed : listing.listed().values()) {
                Candidate candidate = listed.candidate();
                UnitName unit = candidate.unit();
                if (roles.putIfAbsent(unit, candidate.role()) != null && roles.get(unit) != candidate.role()) {
                    twoRoles = true;
                    continue; // one unit named in two roles: the first stands
                }
                listers.computeIfAbsent(unit, u -> new ArrayList<>()).add(dc);
                if (candidate.role() == Role.DC && origin.depth() < ListingBuilder.MAX_REFERRAL_DEPTH
                        && !origins.containsKey(unit)) {
                    origins.put(unit, new ListingBuilder.Origin(origin.scope(), origin.depth() + 1));
                    order.put(unit, order.size());
                    queue.add(unit);
                }
            }
        }
        return new Walk(listers, origins, order, twoRoles);
    }
}
