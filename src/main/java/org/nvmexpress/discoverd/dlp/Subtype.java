package org.nvmexpress.discoverd.dlp;

/**
 * What an entry describes (reference §5.4, §5.6): a referral to another discovery controller, an
 * I/O subsystem, or the discovery controller that serves the page ("self entry").
 */
public enum Subtype {
    /** {@code NVME_NQN_DISC} (1): another discovery controller, connected as a DC. */
    REFERRAL(1, "referral", "discovery subsystem referral"),
    /** {@code NVME_NQN_NVME} (2): an I/O subsystem, connected as an IOC. */
    NVME(2, "nvme", "nvme subsystem"),
    /** {@code NVME_NQN_CURR} (3): the serving DC itself; only its EPCSD flag is used. */
    CURRENT(3, "current", "current discovery subsystem"),
    /** Any other value: ignored, as upstream ignores it. */
    UNRECOGNIZED(-1, Names.UNRECOGNIZED, Names.UNRECOGNIZED);

    private final int code;
    private final String key;
    private final String libnvmeName;

    Subtype(int code, String key, String libnvmeName) {
        this.code = code;
        this.key = key;
        this.libnvmeName = libnvmeName;
    }

    public static Subtype of(int subtype) {
        for (Subtype s : values()) {
            if (s.code == subtype) {
                return s;
            }
        }
        return UNRECOGNIZED;
    }

    /** The {@code subtype} value; -1 for {@link #UNRECOGNIZED}. */
    public int code() {
        return code;
    }

    /** The short name for scripts: {@code referral}, {@code nvme}, {@code current} or {@code unrecognized}. */
    public String key() {
        return key;
    }

    /** libnvme's {@code libnvmf_subtype_str}, e.g. {@code nvme subsystem}, for people. */
    public String libnvmeName() {
        return libnvmeName;
    }

    /** Whether the entry names a discovery controller (a referral or the serving DC itself). */
    public boolean isDiscovery() {
        return this == REFERRAL || this == CURRENT;
    }
}
