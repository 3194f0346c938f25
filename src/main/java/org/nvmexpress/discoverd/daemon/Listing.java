package org.nvmexpress.discoverd.daemon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.Persistence;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * What one discovery controller's last good log page asks for ({@link ListingBuilder}): the
 * controllers it lists, one per unit in page order, and what it says about itself. Replaced whole
 * by the next good page; never touched by a failed fetch.
 *
 * @param dc        the discovery controller's unit
 * @param genctr    the page's generation counter
 * @param listed    the I/O controllers and the referral DCs by unit, in page order (duplicates collapsed by TID)
 * @param selfEpcsd the EPCSD bit of the page's entry for the DC itself, when it has one
 * @param skipped   the entries that are not connected, each with why ({@code entry N at offset O: …}),
 *                  at most {@link #MAX_SKIPPED}
 * @param moreSkipped how many more were skipped than {@code skipped} shows
 */
record Listing(UnitName dc, long genctr, Map<UnitName, Listed> listed, Optional<Boolean> selfEpcsd, List<String> skipped,
        int moreSkipped) {

    /** The most skipped entries one listing keeps words for: a hostile page costs a bounded log. */
    static final int MAX_SKIPPED = 16;

    Listing {
        Objects.requireNonNull(dc, "dc");
        listed = Collections.unmodifiableMap(new LinkedHashMap<>(listed));
        Objects.requireNonNull(selfEpcsd, "selfEpcsd");
        skipped = List.copyOf(skipped);
    }

    /**
     * One controller the page lists.
     *
     * @param candidate   what connects it, its one source this page's entry
     * @param epcsd       the entry's EPCSD bit (for a referral: the parent's word on the DC it refers to)
     * @param persistence for a referral DC, the {@code persistent} policy of the scope it is connected with
     */
    record Listed(Candidate candidate, boolean epcsd, Persistence persistence) {
        Listed {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(persistence, "persistence");
        }
    }

    /** How many I/O controllers and referrals it lists, for the log. */
    String summary() {
        long referrals = listed.values().stream().filter(l -> l.candidate().role() == Role.DC).count();
        int skippedAll = skipped.size() + moreSkipped;
        return (listed.size() - referrals) + " I/O controller" + (listed.size() - referrals == 1 ? "" : "s") + ", "
                + referrals + " referral" + (referrals == 1 ? "" : "s")
                + (skippedAll == 0 ? "" : ", " + skippedAll + " entr" + (skippedAll == 1 ? "y" : "ies") + " skipped")
                + " (genctr " + Long.toUnsignedString(genctr) + ")";
    }
}
