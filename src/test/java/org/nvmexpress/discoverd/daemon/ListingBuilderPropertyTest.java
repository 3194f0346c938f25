package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.DlpDecodeException;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;

/**
 * A hostile page costs a bounded listing (STYLE: parsers keep a bounded number of diagnostics):
 * whatever the mix of entries, the listing has at most one controller per unit and words for at
 * most {@link Listing#MAX_SKIPPED} skipped entries, and every entry is accounted for — counted,
 * never timed.
 */
final class ListingBuilderPropertyTest {
    private static final Candidate DC = candidate();

    /** One entry of a hostile page, and what it must become. */
    private enum Kind { IOC, REFERRAL, SELF, UNKNOWN_TRANSPORT, NEEDS_TLS, EMPTY_NQN, SEPARATOR_IN_NQN }

    @Property(tries = 200)
    void everyEntryIsListedCollapsedOrCountedAsSkipped(@ForAll("pages") List<Integer> spec) throws DlpDecodeException {
        DlpWriter writer = new DlpWriter().genctr(1);
        Set<String> distinct = new HashSet<>();
        int skippedExpected = 0;
        for (int code : spec) {
            Kind kind = Kind.values()[code % Kind.values().length];
            // Good entries repeat among 1,024 addresses (duplicates collapse); bad ones stay apart from them.
            String network = kind.ordinal() >= Kind.UNKNOWN_TRANSPORT.ordinal() ? "10.1." : "10.0.";
            String address = network + (code / 256 % 4) + "." + (code % 256);
            switch (kind) {
                case IOC -> {
                    writer.entry(DlpWriter.tcp(address, "4420", DaemonHarness.VOL));
                    distinct.add("ioc " + address);
                }
                case REFERRAL -> {
                    writer.entry(DaemonDiscoveryTest.referral(address));
                    distinct.add("dc " + address);
                }
                case SELF -> writer.entry(DaemonDiscoveryTest.referral(address).subtype(3));
                case UNKNOWN_TRANSPORT -> writer.entry(DlpWriter.tcp(address, "4420", DaemonHarness.VOL).trtype(9));
                case NEEDS_TLS -> writer.entry(DlpWriter.tcp(address, "4420", DaemonHarness.VOL).treq(0x1));
                case EMPTY_NQN -> writer.entry(DlpWriter.tcp(address, "4420", ""));
                case SEPARATOR_IN_NQN -> writer.entry(DlpWriter.tcp(address, "4420", ";;;;" + ";".repeat(200)));
            }
            if (kind.ordinal() >= Kind.UNKNOWN_TRANSPORT.ordinal()) {
                skippedExpected++;
            }
        }
        DiscoveryLogPage page = DiscoveryLogDecoder.decode(writer.build());
        Listing listing = ListingBuilder.build(DC, ListingBuilder.Origin.TOP, page, FabricsConfig.EMPTY);

        assertThat(listing.listed()).hasSize(distinct.size());
        assertThat(listing.skipped()).hasSizeLessThanOrEqualTo(Listing.MAX_SKIPPED);
        assertThat(listing.skipped().size() + listing.moreSkipped()).isEqualTo(skippedExpected);
    }

    @Provide
    Arbitrary<List<Integer>> pages() {
        return Arbitraries.integers().between(0, 4 * 256 * 7 - 1).list().ofMaxSize(600);
    }

    private static Candidate candidate() {
        var tid = DaemonDiscoveryTest.dc("10.9.9.9");
        return new Candidate(new UnitRequest(tid, Role.DC, false, ConnectOptions.of(tid, null, Params.EMPTY)),
                List.of(new Source.Configured("/etc/nvme/nvme-fabrics.conf", 2)));
    }
}
