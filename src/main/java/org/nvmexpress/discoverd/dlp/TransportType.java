package org.nvmexpress.discoverd.dlp;

/**
 * The entry's {@code trtype} (reference §5.4), named as libnvme's {@code libnvmf_trtype_str} names it.
 * The daemon connects only the four known transports: an {@link #UNRECOGNIZED} one is reported and
 * never connected (the C daemon passes {@code unrecognized} to {@code nvme connect}, reference §15
 * item 29).
 */
public enum TransportType {
    RDMA(1, "rdma"),
    FC(2, "fc"),
    TCP(3, "tcp"),
    LOOP(254, "loop"),
    /** Any other value, 0 (unspecified) included. */
    UNRECOGNIZED(-1, Names.UNRECOGNIZED);

    private final int code;
    private final String libnvmeName;

    TransportType(int code, String libnvmeName) {
        this.code = code;
        this.libnvmeName = libnvmeName;
    }

    /** The transport for a {@code trtype} value; {@link #UNRECOGNIZED} for every other value. */
    public static TransportType of(int trtype) {
        for (TransportType t : values()) {
            if (t.code == trtype) {
                return t;
            }
        }
        return UNRECOGNIZED;
    }

    /** The {@code trtype} value; -1 for {@link #UNRECOGNIZED}, which stands for many. */
    public int code() {
        return code;
    }

    /** {@code rdma}, {@code fc}, {@code tcp}, {@code loop} or {@code unrecognized}: also the TID's transport. */
    public String libnvmeName() {
        return libnvmeName;
    }
}
