package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.FabricsKey;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.dlp.DcContext;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.DlpProblem;
import org.nvmexpress.discoverd.dlp.EntryTarget;
import org.nvmexpress.discoverd.dlp.EntryTargets;
import org.nvmexpress.discoverd.dlp.Subtype;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Turns a discovery controller's page into its {@link Listing} (reference §2.4, §5.5, §5.6). Pure,
 * and linear in the page: one pass over the entries, a map for the duplicates.
 *
 * <ul>
 * <li>Each entry becomes a controller through {@link EntryTargets} (host side inherited from the
 *     DC); a rejected one (unknown transport, a field no TID can carry) is skipped with its reason.</li>
 * <li>Connect options come from the scope the DC was reached through (reference §8.6): the file
 *     scope of the configured DC at the root of its referral chain, or the main file's when there is
 *     none (boot tables, FC) — the same scope for the whole chain, where the C daemon falls back to
 *     the top level below the first referral.</li>
 * <li>An entry that requires a secure channel (TREQ, or a TCP port that speaks TLS) is connected
 *     with {@code --tls} when its scope configures TLS, and skipped with the reason otherwise
 *     (the C daemon ignores TREQ and fails for ever, §15 item 29).</li>
 * <li>The DC's entry for itself gives only its EPCSD bit; a referral to the DC itself is dropped; a
 *     referral deeper than {@link #MAX_REFERRAL_DEPTH} is skipped (§15 item 30).</li>
 * <li>DUPRETINFO does not gate an entry; entries that name one unit collapse into the first.</li>
 * </ul>
 */
final class ListingBuilder {
    /** libnvme's {@code NVMF_MAX_REFERRAL_DEPTH}. */
    static final int MAX_REFERRAL_DEPTH = 8;

    private ListingBuilder() {
    }

    /**
     * Where a discovery controller stands in the walk.
     *
     * @param scope the configured DC at the root of its chain, or {@code null} (main file scope)
     * @param depth 0 for a configured, boot or FC DC; its referrer's depth + 1 for a referral
     */
    record Origin(ResolvedConnection scope, int depth) {
        static final Origin TOP = new Origin(null, 0);
    }

    static Listing build(Candidate dc, Origin origin, DiscoveryLogPage page, FabricsConfig fabrics) {
        DcContext context = DcContext.of(dc.tid());
        Map<UnitName, Listing.Listed> listed = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        int moreSkipped = 0;
        Optional<Boolean> selfEpcsd = Optional.empty();
        for (DiscoveryLogEntry entry : page.entries()) {
            EntryTarget target = EntryTargets.of(entry, context);
            String why = null;
            if (target instanceof EntryTarget.Rejected rejected) {
                why = rejected.problem().toString();
            } else {
                EntryTarget.Connectable c = (EntryTarget.Connectable) target;
                if (c.subtype() == Subtype.CURRENT) {
                    selfEpcsd = Optional.of(c.epcsd());
                    continue;
                }
                UnitName unit = c.tid().unitName();
                if (unit.equals(dc.unit()) || listed.containsKey(unit)) {
                    continue; // itself, or a unit an earlier entry gave: one controller
                }
                if (c.role() == Role.DC && origin.depth() + 1 > MAX_REFERRAL_DEPTH) {
                    why = problem(entry, "a referral deeper than " + MAX_REFERRAL_DEPTH + " discovery controllers: not followed");
                } else {
                    Params params = fabrics.resolveDiscovered(origin.scope(), c.role()).orElse(Params.EMPTY);
                    if (c.requiresSecureChannel() && !params.configuresTls()) {
                        why = problem(entry, "requires a secure channel (treq " + spelled(c.secureChannel()) + ", sectype "
                                + spelled(c.sectype()) + ") and no TLS key is configured for it: not connected");
                    } else {
                        listed.put(unit, listed(dc, c, params, origin));
                    }
                }
            }
            if (why != null) {
                if (skipped.size() < Listing.MAX_SKIPPED) {
                    skipped.add(why);
                } else {
                    moreSkipped++;
                }
            }
        }
        return new Listing(dc.unit(), page.genctr(), listed, selfEpcsd, skipped, moreSkipped);
    }

    private static Listing.Listed listed(Candidate dc, EntryTarget.Connectable c, Params scoped, Origin origin) {
        Params params = c.requiresSecureChannel() ? scoped.with(FabricsKey.TLS, "true") : scoped;
        String hostid = origin.scope() == null ? null : origin.scope().hostid();
        UnitRequest request = new UnitRequest(c.tid(), c.role(), false, ConnectOptions.of(c.tid(), hostid, params));
        Candidate candidate = new Candidate(request, List.of(new Source.Listed(dc.unit(), c.entry().index())));
        return new Listing.Listed(candidate, c.epcsd(), params.persistence());
    }

    private static String spelled(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String problem(DiscoveryLogEntry entry, String message) {
        return DlpProblem.entry(entry.index(), entry.offset(), message).toString();
    }
}
