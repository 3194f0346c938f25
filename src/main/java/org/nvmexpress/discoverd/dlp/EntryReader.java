package org.nvmexpress.discoverd.dlp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nvmexpress.discoverd.tid.CWhitespace;

/**
 * Reads one entry at its place in a page whose length was checked to hold it (reference §5.4),
 * sanitising its strings as libnvme does (§5.3 step 5) and reporting what is odd about it.
 */
final class EntryReader {
    private static final int TRSVCID = 32;
    private static final int TRSVCID_SIZE = 32;
    private static final int SUBNQN = 256;
    private static final int TRADDR = 512;
    private static final int STRING_SIZE = 256;
    private static final int TSAS = 768;

    private final byte[] page;
    private final int index;
    private final int base;
    private final List<DlpProblem> warnings;

    private EntryReader(byte[] page, int index, List<DlpProblem> warnings) {
        this.page = page;
        this.index = index;
        this.base = (int) DiscoveryLogDecoder.entryOffset(index);
        this.warnings = warnings;
    }

    /** Entry {@code index} of {@code page} (long enough to hold it); warnings are added to {@code warnings}. */
    static DiscoveryLogEntry read(byte[] page, int index, List<DlpProblem> warnings) {
        return new EntryReader(page, index, warnings).read();
    }

    private DiscoveryLogEntry read() {
        int trtype = u8(0);
        int subtype = u8(2);
        TransportType transport = TransportType.of(trtype);
        if (transport == TransportType.UNRECOGNIZED) {
            warn("transport type " + trtype + " is not rdma (1), fc (2), tcp (3) or loop (254);"
                    + " the entry is never connected");
        }
        if (Subtype.of(subtype) == Subtype.UNRECOGNIZED) {
            warn("subtype " + subtype + " is not referral (1), nvme (2) or current (3); the entry is ignored");
        }
        String traddr = text("traddr", TRADDR, STRING_SIZE);
        if (transport == TransportType.FC && traddr.indexOf(',') >= 0) {
            String fixed = traddr.replaceFirst(",", ":");
            warn("FC traddr '" + traddr + "' separates its names with ',' instead of ':'; read as '" + fixed + "'");
            traddr = fixed;
        }
        return new DiscoveryLogEntry(index, base, trtype, u8(1), subtype, new TransportRequirements(u8(3)),
                u16(4), u16(6), u16(8), new EntryFlags(u16(10)), text("trsvcid", TRSVCID, TRSVCID_SIZE),
                text("subnqn", SUBNQN, STRING_SIZE), traddr, tsas(transport));
    }

    private TransportSpecific tsas(TransportType transport) {
        switch (transport) {
            case RDMA:
                return new TransportSpecific.Rdma(u8(TSAS), u8(TSAS + 1), u8(TSAS + 2), u16(TSAS + 8));
            case TCP:
                return new TransportSpecific.Tcp(u8(TSAS));
            default:
                return new TransportSpecific.Unused();
        }
    }

    /**
     * The string field at {@code at}: as libnvme, its last byte is forced to NUL (so a field with no
     * NUL loses its last byte; a warning when that byte was text, not the space padding the
     * specification prescribes for trsvcid and traddr), the text ends at the first NUL, and trailing
     * C white space is removed. Bytes are read as UTF-8, since an NQN may
     * be UTF-8; malformed sequences become U+FFFD, which {@link EntryTargets} refuses to connect.
     */
    private String text(String field, int at, int size) {
        int start = base + at;
        int last = start + size - 1;
        int end = start;
        while (end < last && page[end] != 0) {
            end++;
        }
        byte dropped = page[last];
        if (end == last && dropped != 0 && !CWhitespace.isSpace((char) dropped)) {
            warn(field + " fills all " + size + " bytes without a NUL; its last byte is dropped, as libnvme does");
        }
        while (end > start && page[end - 1] > 0 && CWhitespace.isSpace((char) page[end - 1])) {
            end--;
        }
        return new String(page, start, end - start, StandardCharsets.UTF_8);
    }

    private int u8(int at) {
        return page[base + at] & 0xff;
    }

    /** Little-endian, as every field of the page. */
    private int u16(int at) {
        return u8(at) | u8(at + 1) << 8;
    }

    private void warn(String message) {
        warnings.add(DlpProblem.entry(index, base, message));
    }
}
