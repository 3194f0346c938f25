package org.nvmexpress.discoverd.tid;

import java.util.function.Function;

/** The eight fields, in canonical order, with their text-form keys. */
public enum TidField {
    TRANSPORT("transport", TransportId::transport),
    TRADDR("traddr", TransportId::traddr),
    TRSVCID("trsvcid", TransportId::trsvcid),
    NQN("nqn", TransportId::nqn),
    HOST_TRADDR("host-traddr", TransportId::hostTraddr),
    HOST_IFACE("host-iface", TransportId::hostIface),
    HOSTNQN("hostnqn", TransportId::hostnqn),
    HOSTID("hostid", TransportId::hostid);

    private final String key;
    private final Function<TransportId, String> getter;

    TidField(String key, Function<TransportId, String> getter) {
        this.key = key;
        this.getter = getter;
    }

    /** The key in the {@code key=value} forms, e.g. {@code host-traddr}. */
    public String key() {
        return key;
    }

    /** This field's value in {@code tid}, or {@code null} when absent. */
    public String get(TransportId tid) {
        return getter.apply(tid);
    }

    /** The field for a text-form key, or {@code null} when the key is not one of the eight. */
    public static TidField forKey(String key) {
        for (TidField f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
