package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The {@link ConnectionIdentityMatcher}'s answer for many desired TIDs against one sysfs scan,
 * without comparing each desired TID with every live controller: adopting 10,000 controllers at
 * startup would otherwise be 10^8 comparisons.
 *
 * <p>Controllers are bucketed by transport, address, service id and subsystem NQN, each normalised
 * as the matcher compares it ({@link AddressComparison#addressKey}, {@link AddressComparison#serviceKey}),
 * so a controller the matcher calls the same as a desired TID is always in the bucket that TID
 * selects. The bucket is only a shortlist: the matcher still decides, so every other field and
 * rule (host address or {@code src_addr}, host NQN default, scopes) holds exactly as in
 * {@link ConnectionIdentityMatcher#findFirst}, which this answers identically. Where the desired TID
 * leaves a key field to the matcher's "any" (no trsvcid and no default for the transport, no NQN,
 * the well-known discovery NQN that any discovery controller answers to) the lookup takes every
 * bucket below that level; without a transport or traddr it compares with every controller.
 *
 * <p>Construction is O(n), a lookup O(candidates). Immutable and thread-safe once built.
 */
public final class LiveControllerIndex {
    /** Order of the controllers in the collection the index was built from. */
    private static final Comparator<Entry> BY_POSITION = Comparator.comparingInt(Entry::position);

    private final ConnectionIdentityMatcher matcher;
    private final List<LiveController> all;

    /** Endpoint, then service key, then subsystem NQN; each list in construction order. */
    private final Map<Endpoint, Map<String, Map<String, List<Entry>>>> buckets = new HashMap<>();

    /** Transport and {@link AddressComparison#addressKey}; either may be {@code null} for a live controller. */
    private record Endpoint(String transport, String addressKey) {
    }

    /** A controller and its place in the collection the index was built from. */
    private record Entry(int position, LiveController controller) {
    }

    private LiveControllerIndex(ConnectionIdentityMatcher matcher, List<LiveController> all) {
        this.matcher = matcher;
        this.all = all;
        for (int i = 0; i < all.size(); i++) {
            LiveController live = all.get(i);
            Endpoint endpoint = new Endpoint(live.transport(),
                    AddressComparison.addressKey(live.transport(), live.address().traddr()));
            buckets.computeIfAbsent(endpoint, e -> new HashMap<>())
                    .computeIfAbsent(AddressComparison.serviceKey(live.address().trsvcid()), s -> new HashMap<>())
                    .computeIfAbsent(live.subsysnqn(), n -> new ArrayList<>())
                    .add(new Entry(i, live));
        }
    }

    /**
     * Indexes {@code controllers}, in their iteration order: "first" below means first in that order,
     * which is instance order for a list from {@link Sysfs#controllers()}.
     */
    public static LiveControllerIndex of(ConnectionIdentityMatcher matcher, Collection<LiveController> controllers) {
        Objects.requireNonNull(matcher, "matcher");
        return new LiveControllerIndex(matcher, List.copyOf(controllers));
    }

    /** The first controller that realises {@code desired}: {@code matcher.findFirst(desired, role, controllers)}. */
    public Optional<LiveController> find(TransportId desired, Role role) {
        Optional<List<List<Entry>>> shortlist = shortlist(desired, role);
        if (shortlist.isEmpty()) {
            return matcher.findFirst(desired, role, all);
        }
        Entry first = null;
        for (List<Entry> bucket : shortlist.get()) {
            for (Entry entry : bucket) {
                if (first != null && entry.position() > first.position()) {
                    break; // positions ascend within a bucket: nothing later here can come first
                }
                if (matcher.match(desired, role, entry.controller()).matches()) {
                    first = entry;
                    break;
                }
            }
        }
        return Optional.ofNullable(first).map(Entry::controller);
    }

    /** Every controller that realises {@code desired}, in construction order. */
    public List<LiveController> findAll(TransportId desired, Role role) {
        Optional<List<List<Entry>>> shortlist = shortlist(desired, role);
        if (shortlist.isEmpty()) {
            return all.stream().filter(live -> matcher.match(desired, role, live).matches()).toList();
        }
        return shortlist.get().stream().flatMap(List::stream)
                .filter(entry -> matcher.match(desired, role, entry.controller()).matches())
                .sorted(BY_POSITION).map(Entry::controller).toList();
    }

    /** How many controllers the index holds. */
    public int size() {
        return all.size();
    }

    /**
     * The buckets that can hold a match for {@code desired}; empty when its transport or traddr is
     * unset, which the matcher lets match any controller.
     */
    private Optional<List<List<Entry>>> shortlist(TransportId desired, Role role) {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(role, "role");
        String transport = desired.transport();
        if (!isSet(transport) || !isSet(desired.traddr())) {
            return Optional.empty();
        }
        Map<String, Map<String, List<Entry>>> byService =
                buckets.get(new Endpoint(transport, AddressComparison.addressKey(transport, desired.traddr())));
        List<List<Entry>> lists = new ArrayList<>();
        if (byService == null) {
            return Optional.of(lists);
        }
        // As the matcher: an unset trsvcid is the role's default; no default for the transport is "any".
        String service = isSet(desired.trsvcid()) ? desired.trsvcid() : role.defaultTrsvcid(transport);
        Collection<Map<String, List<Entry>>> byNqn = service == null ? byService.values()
                : optional(byService.get(AddressComparison.serviceKey(service)));
        String nqn = desired.nqn();
        boolean anyNqn = !isSet(nqn) || ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN.equals(nqn);
        for (Map<String, List<Entry>> subsystems : byNqn) {
            if (anyNqn) {
                lists.addAll(subsystems.values());
            } else {
                lists.addAll(optional(subsystems.get(nqn)));
            }
        }
        return Optional.of(lists);
    }

    private static <T> List<T> optional(T value) {
        return value == null ? List.of() : List.of(value);
    }

    /** As the matcher reads a desired field: absent or empty is unset. */
    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
