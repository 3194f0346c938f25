package org.nvmexpress.discoverd.dlp;

/**
 * The TCP {@code sectype} in an entry's TSAS (reference §5.4): the security the port speaks, named as
 * libnvme's {@code libnvmf_sectype_str} names it.
 */
public enum TcpSecurityType {
    /** 0: no security. */
    NONE(0, "none"),
    /** 1: TLS 1.2 (libnvme prints {@code tls}). */
    TLS12(1, "tls"),
    /** 2: TLS 1.3 (libnvme prints {@code tls13}). */
    TLS13(2, "tls13"),
    UNRECOGNIZED(-1, Names.UNRECOGNIZED);

    private final int code;
    private final String libnvmeName;

    TcpSecurityType(int code, String libnvmeName) {
        this.code = code;
        this.libnvmeName = libnvmeName;
    }

    public static TcpSecurityType of(int sectype) {
        for (TcpSecurityType t : values()) {
            if (t.code == sectype) {
                return t;
            }
        }
        return UNRECOGNIZED;
    }

    /** The {@code sectype} value; -1 for {@link #UNRECOGNIZED}. */
    public int code() {
        return code;
    }

    public String libnvmeName() {
        return libnvmeName;
    }

    /** Whether the port speaks TLS (or something we do not know, which is not plain TCP either). */
    public boolean isSecure() {
        return this != NONE;
    }
}
