package org.nvmexpress.discoverd.dlp;

/**
 * The entry's {@code adrfam} (reference §5.4), named as libnvme's {@code libnvmf_adrfam_str} names
 * it; except 254, the kernel's {@code NVMF_ADDR_FAMILY_LOOP}, which libnvme has no name for
 * ({@code unrecognized}) and we call {@code loop}, so that a loop target's page reads sensibly.
 * Informational: the transport decides how {@code traddr} is read.
 */
public enum AddressFamily {
    PCI(0, "pci"),
    IPV4(1, "ipv4"),
    IPV6(2, "ipv6"),
    INFINIBAND(3, "infiniband"),
    FIBRE_CHANNEL(4, "fibre-channel"),
    LOOP(254, "loop"),
    UNRECOGNIZED(-1, Names.UNRECOGNIZED);

    private final int code;
    private final String libnvmeName;

    AddressFamily(int code, String libnvmeName) {
        this.code = code;
        this.libnvmeName = libnvmeName;
    }

    public static AddressFamily of(int adrfam) {
        for (AddressFamily f : values()) {
            if (f.code == adrfam) {
                return f;
            }
        }
        return UNRECOGNIZED;
    }

    /** The {@code adrfam} value; -1 for {@link #UNRECOGNIZED}. */
    public int code() {
        return code;
    }

    public String libnvmeName() {
        return libnvmeName;
    }
}
