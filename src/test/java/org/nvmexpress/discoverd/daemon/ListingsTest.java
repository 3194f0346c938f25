package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.config.Persistence;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * {@link Listings} without a walk where the walk would not change (a page's own units, a first
 * page that refers only to roots) gives what a walk after every page gives: the same candidates,
 * with their sources in walk order, the same DCs reached, the same referrers' words.
 */
final class ListingsTest {
    private static final TransportId ROOT_0 = dcTid("10.0.9.0");
    private static final TransportId ROOT_1 = dcTid("10.0.9.1");
    private static final List<TransportId> REFERRALS = List.of(dcTid("10.0.8.1"), dcTid("10.0.8.2"), dcTid("10.0.8.3"));
    /** Named as an I/O controller by some pages and as a discovery controller by others. */
    private static final TransportId EITHER = dcTid("10.0.7.7");
    private static final List<DiscoveryGraph.Root> ROOTS = List.of(
            new DiscoveryGraph.Root(ROOT_0.unitName(), ListingBuilder.Origin.TOP),
            new DiscoveryGraph.Root(ROOT_1.unitName(), ListingBuilder.Origin.TOP));

    private static TransportId dcTid(String traddr) {
        return TransportId.builder().transport("tcp").traddr(traddr).trsvcid("8009")
                .nqn(ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN).build();
    }

    private static Listing.Listed entry(TransportId tid, Role role, UnitName by, int index, boolean epcsd,
            Persistence persistence) {
        UnitRequest request = new UnitRequest(tid, role, false, ConnectOptions.of(tid, null, Params.EMPTY));
        return new Listing.Listed(new Candidate(request, List.of(new Source.Listed(by, index))), epcsd, persistence);
    }

    private static Listing listing(TransportId dc, List<Listing.Listed> entries) {
        Map<UnitName, Listing.Listed> listed = new LinkedHashMap<>();
        entries.forEach(e -> listed.putIfAbsent(e.candidate().unit(), e));
        return new Listing(dc.unitName(), 1, listed, Optional.empty(), List.of(), 0);
    }

    /** Relists and updates every unit it says may have changed, as {@code Discovery} does. */
    private static void relist(Listings listings, Listing listing) {
        listings.relist(listing, ROOTS).forEach(listings::update);
    }

    /** Relists, then walks, updating every unit either names: the reference. */
    private static void relistAndWalk(Listings listings, Listing listing) {
        Set<UnitName> units = new LinkedHashSet<>(listings.relist(listing, ROOTS));
        units.addAll(listings.walk(ROOTS));
        units.forEach(listings::update);
    }

    @Test
    void aFirstPageReadOutOfWalkOrderTakesItsWalkOrderPlace() {
        TransportId ioc = IoControllers.tid("10.0.0.1");
        Listings listings = new Listings();
        listings.walk(ROOTS);
        relist(listings, listing(ROOT_1, List.of(entry(ioc, Role.IOC, ROOT_1.unitName(), 0, false, Persistence.AUTO))));
        relist(listings, listing(ROOT_0, List.of(entry(ioc, Role.IOC, ROOT_0.unitName(), 3, false, Persistence.AUTO))));
        assertThat(listings.discovered(ioc.unitName()).orElseThrow().sources())
                .containsExactly(new Source.Listed(ROOT_0.unitName(), 3), new Source.Listed(ROOT_1.unitName(), 0));
    }

    @Test
    void pagesReadInAnyOrderGiveWhatAWalkAfterEachGives() {
        for (long seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            Listings fast = new Listings();
            Listings reference = new Listings();
            fast.walk(ROOTS);
            reference.walk(ROOTS);
            List<TransportId> dcs = new ArrayList<>(List.of(ROOT_0, ROOT_1));
            dcs.addAll(REFERRALS);
            dcs.add(EITHER);
            List<UnitName> universe = new ArrayList<>(dcs.stream().map(TransportId::unitName).toList());
            for (int i = 0; i < 6; i++) {
                universe.add(IoControllers.tid("10.0.0." + i).unitName());
            }
            for (int step = 0; step < 200; step++) {
                TransportId dc = dcs.get(random.nextInt(dcs.size()));
                if (fast.origin(dc.unitName()).isEmpty()) {
                    continue; // Discovery reads only the DCs a walk reaches
                }
                Listing page = randomPage(random, dc, dcs);
                relist(fast, page);
                relistAndWalk(reference, page);
                for (UnitName unit : universe) {
                    String where = "seed " + seed + ", step " + step + ", " + unit;
                    assertThat(fast.discovered(unit)).as(where).isEqualTo(reference.discovered(unit));
                    assertThat(fast.origin(unit)).as(where).isEqualTo(reference.origin(unit));
                    assertThat(fast.referrerEpcsd(unit)).as(where).isEqualTo(reference.referrerEpcsd(unit));
                    assertThat(fast.referralPolicy(unit)).as(where).isEqualTo(reference.referralPolicy(unit));
                }
            }
        }
    }

    /** A page of {@code dc}: some I/O controllers, some referrals (roots among them), now and then {@link #EITHER}. */
    private static Listing randomPage(Random random, TransportId dc, List<TransportId> dcs) {
        List<Listing.Listed> entries = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < 6; i++) {
            if (random.nextInt(3) > 0) {
                entries.add(entry(IoControllers.tid("10.0.0." + i), Role.IOC, dc.unitName(), index++, false,
                        Persistence.AUTO));
            }
        }
        for (TransportId other : dcs) {
            if (!other.equals(dc) && !other.equals(EITHER) && random.nextInt(4) == 0) {
                entries.add(entry(other, Role.DC, dc.unitName(), index++, random.nextBoolean(),
                        Persistence.values()[random.nextInt(Persistence.values().length)]));
            }
        }
        if (!dc.equals(EITHER) && random.nextInt(6) == 0) {
            entries.add(entry(EITHER, random.nextBoolean() ? Role.IOC : Role.DC, dc.unitName(), index, false,
                    Persistence.AUTO));
        }
        java.util.Collections.shuffle(entries, random);
        return listing(dc, entries);
    }
}
