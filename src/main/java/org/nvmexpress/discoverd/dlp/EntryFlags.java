package org.nvmexpress.discoverd.dlp;

import java.util.StringJoiner;

/**
 * The entry's {@code eflags} (reference §5.4): bit 0 {@code DUPRETINFO} (this entry repeats
 * information another entry gives; the daemon skips it), bit 1 {@code EPCSD} (explicit persistent
 * connection support for discovery: the DC wants to stay connected), bit 2 {@code NCC} (no CDC
 * connectivity). The raw value is kept, so reserved bits are not lost.
 *
 * @param value the 16-bit field
 */
public record EntryFlags(int value) {
    public static final int DUPRETINFO = 0x1;
    public static final int EPCSD = 0x2;
    public static final int NCC = 0x4;

    public EntryFlags {
        Names.unsigned("eflags", value, 16);
    }

    public boolean duplicateReturnInformation() {
        return (value & DUPRETINFO) != 0;
    }

    public boolean explicitPersistentConnection() {
        return (value & EPCSD) != 0;
    }

    public boolean noCdcConnectivity() {
        return (value & NCC) != 0;
    }

    /**
     * What libnvme's {@code libnvmf_eflags_str} prints: {@code none}, or the set flags in the order
     * EPCSD, DUPRETINFO, NCC joined by {@code ", "}; {@code unrecognized} when a reserved bit is set.
     */
    public String libnvmeName() {
        if (value > (DUPRETINFO | EPCSD | NCC)) {
            return Names.UNRECOGNIZED;
        }
        if (value == 0) {
            return "none";
        }
        StringJoiner out = new StringJoiner(", ");
        if (explicitPersistentConnection()) {
            out.add("explicit discovery connections");
        }
        if (duplicateReturnInformation()) {
            out.add("duplicate discovery information");
        }
        if (noCdcConnectivity()) {
            out.add("no cdc connectivity");
        }
        return out.toString();
    }
}
