package org.nvmexpress.discoverd.bench;

import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.dlp.EntryFlags;

/**
 * The Discovery Log Pages the benchmarks decode, written with {@link DlpWriter} (the simulated
 * fabric's page writer), so the bytes are the ones the decoder's tests check it against.
 */
final class BenchPages {
    /** The page size §11 budgets: a 1,024-entry DLP decodes in at most 1 ms. */
    static final int ENTRIES = 1024;
    /** Referrals to other discovery controllers in the page, after the self entry. */
    private static final int REFERRALS = 3;

    private BenchPages() {
    }

    /**
     * A page the size of a large central discovery controller's: the self entry (EPCSD), a few
     * referrals, then I/O subsystem ports over TCP, one address in four IPv6 and one port in eight
     * speaking TLS 1.3, every subsystem a distinct NQN. Strings are padded with spaces, as some
     * targets do, so the decoder trims them as it would in the field.
     */
    static byte[] largeTcpPage() {
        DlpWriter page = new DlpWriter().genctr(42)
                .entry(DlpWriter.tcp("192.168.1.10", "8009", DlpWriter.DISCOVERY_NQN).subtype(3)
                        .eflags(EntryFlags.EPCSD));
        for (int r = 1; r <= REFERRALS; r++) {
            page.entry(DlpWriter.tcp("192.168." + r + ".11", "8009", DlpWriter.DISCOVERY_NQN).subtype(1));
        }
        for (int i = REFERRALS + 1; i < ENTRIES; i++) {
            String traddr = i % 4 == 0 ? "2001:db8:0:" + Integer.toHexString(i) + "::20"
                    : "10." + (i >> 8) + "." + (i & 0xff) + ".20";
            DlpWriter.Entry entry = DlpWriter.tcp(traddr, "4420", "nqn.2024-01.com.example:vol" + i)
                    .portid(1 + i % 4).sectype(i % 8 == 0 ? 2 : 0);
            page.entry(entry);
        }
        return page.build();
    }
}
