package org.nvmexpress.discoverd.nbft;

import java.util.Objects;

/**
 * The host descriptor: the identity the firmware booted with (reference §7.2).
 *
 * @param id    the host ID, 16 raw bytes in table order (see {@link #idText()})
 * @param nqn   the host NQN
 * @param flags the descriptor's flags byte: bit 0 valid, bit 1 host ID configured, bit 2 host NQN
 *              configured, bits 4:3 primary administrative host
 */
public record NbftHost(NbftBytes id, String nqn, int flags) {
    /** Bits 4:3 of the flags: whether this host is the primary administrative host. */
    public enum PrimaryAdminHost {
        NOT_INDICATED,
        UNSELECTED,
        SELECTED,
        RESERVED
    }

    public NbftHost {
        Ranges.length("id", Objects.requireNonNull(id, "id"), 16);
        Objects.requireNonNull(nqn, "nqn");
        Ranges.u8("flags", flags);
    }

    public boolean hostIdConfigured() {
        return (flags & 0x02) != 0;
    }

    public boolean hostNqnConfigured() {
        return (flags & 0x04) != 0;
    }

    public PrimaryAdminHost primaryAdminHost() {
        return PrimaryAdminHost.values()[(flags >> 3) & 0x3];
    }

    /**
     * The host ID as UUID text, the bytes taken in table order. This is how libnvme's
     * {@code connect-all --nbft} formats it; firmware often stores the UUID of the host NQN in the
     * mixed-endian GUID order, so the two may differ in their first three groups (reference §7.3).
     */
    public String idText() {
        String hex = id.hex();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
