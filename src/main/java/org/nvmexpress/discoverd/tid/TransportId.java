package org.nvmexpress.discoverd.tid;

import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A transport identity: the eight optional fields that say which NVMe-oF controller a connection
 * is, sanitised the way libnvme does (reference §12).
 *
 * <p>Every field is {@code null} when absent. An empty string is a present, empty value and is kept
 * distinct from absence, as upstream does: it appears as {@code key=} in the canonical form.
 * Addresses are sanitised by transport when the TID is built (§12.3): for {@code tcp} and
 * {@code rdma}, {@code traddr} and {@code host-traddr} must be numeric and are rewritten to their
 * glibc canonical spelling; for {@code fc} the first comma becomes a colon and the WWN pair is
 * validated; other transports are kept as given.
 *
 * <p><b>Equality is canonical-string equality</b> ({@link #canonical()}), which is also what the unit
 * name hashes. Two TIDs with equal canonical forms have the same {@link #unitName()}. This is not
 * the question "does this live controller realise this TID?": that is the connection-identity
 * matcher's job, because the kernel reports addresses and host identity in other spellings.
 *
 * <p>Not a record: the canonical and compact forms and the unit name are computed once and cached:
 * the daemon hashes, compares and names every controller several times a pass.
 */
public final class TransportId {
    private static final Pattern FC_ADDRESS = Pattern.compile("nn-0x[0-9a-fA-F]{1,16}:pn-0x[0-9a-fA-F]{1,16}");

    private final String transport;
    private final String traddr;
    private final String trsvcid;
    private final String nqn;
    private final String hostTraddr;
    private final String hostIface;
    private final String hostnqn;
    private final String hostid;
    private final String canonical;
    private final String compact;
    private final UnitName unitName;

    private TransportId(Builder b) {
        this.transport = b.transport;
        this.traddr = sanitiseAddress(b.transport, "traddr", b.traddr);
        this.trsvcid = b.trsvcid;
        this.nqn = b.nqn;
        this.hostTraddr = sanitiseAddress(b.transport, "host-traddr", b.hostTraddr);
        this.hostIface = b.hostIface;
        this.hostnqn = b.hostnqn;
        this.hostid = b.hostid;
        this.canonical = renderCanonical();
        this.compact = renderCompact();
        this.unitName = UnitName.ofCanonical(canonical);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this TID's fields, for variations. */
    public Builder toBuilder() {
        return new Builder().transport(transport).traddr(traddr).trsvcid(trsvcid).nqn(nqn)
                .hostTraddr(hostTraddr).hostIface(hostIface).hostnqn(hostnqn).hostid(hostid);
    }

    public String transport() {
        return transport;
    }

    public String traddr() {
        return traddr;
    }

    public String trsvcid() {
        return trsvcid;
    }

    /** The subsystem NQN ({@code nqn=} in the text forms, {@code subsysnqn} in libnvme). */
    public String nqn() {
        return nqn;
    }

    public String hostTraddr() {
        return hostTraddr;
    }

    public String hostIface() {
        return hostIface;
    }

    public String hostnqn() {
        return hostnqn;
    }

    public String hostid() {
        return hostid;
    }

    /** True when all eight fields are absent. */
    public boolean isEmpty() {
        return canonical.isEmpty();
    }

    /**
     * The canonical form (reference §12.5, contract): {@code key=value} pairs joined by {@code ;} in
     * the fixed order transport, traddr, trsvcid, nqn, host-traddr, host-iface, hostnqn, hostid;
     * absent fields omitted, empty ones kept as {@code key=}; no escaping. Drives equality and the
     * unit name.
     */
    public String canonical() {
        return canonical;
    }

    /**
     * The compact form for log messages (§12.6): the present, non-empty values of transport, traddr,
     * trsvcid, nqn, host-iface and host-traddr (iface before traddr, as nvme-stas prints them), in
     * parentheses. Never used for matching.
     */
    public String compact() {
        return compact;
    }

    /** The systemd unit that manages this TID. */
    public UnitName unitName() {
        return unitName;
    }

    /**
     * This TID with the role's default service id when {@code trsvcid} is absent or empty, as the C
     * daemon's {@code tid_new} does (reference §12.2). Unchanged when the transport has no default.
     */
    public TransportId withDefaultTrsvcid(Role role) {
        String port = role.defaultTrsvcid(transport);
        if (port == null || (trsvcid != null && !trsvcid.isEmpty())) {
            return this;
        }
        return toBuilder().trsvcid(port).build();
    }

    /**
     * This TID with a new host identity, by libnvme's {@code set_identity} rules (§12.4): each
     * non-null argument replaces its field; when no host ID results but a host NQN does, the host ID
     * is derived from the NQN's {@code uuid:} part (everything after the first {@code uuid:},
     * verbatim); a host ID without a host NQN is rejected.
     *
     * @throws InvalidTransportIdException when a host ID would be left without a host NQN
     */
    public TransportId withIdentity(String newNqn, String newHostnqn, String newHostid) {
        String effectiveHostnqn = newHostnqn != null ? newHostnqn : hostnqn;
        String effectiveHostid = newHostid != null ? newHostid : hostid;
        if (effectiveHostid == null && effectiveHostnqn != null) {
            int uuid = effectiveHostnqn.indexOf("uuid:");
            if (uuid >= 0) {
                effectiveHostid = effectiveHostnqn.substring(uuid + "uuid:".length());
            }
        }
        if (effectiveHostid != null && effectiveHostnqn == null) {
            throw new InvalidTransportIdException("hostid '" + effectiveHostid + "' without a hostnqn: "
                    + "a host is one (hostnqn, hostid) pair");
        }
        return toBuilder().nqn(newNqn != null ? newNqn : nqn)
                .hostnqn(effectiveHostnqn).hostid(effectiveHostid).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportId other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The compact form. */
    @Override
    public String toString() {
        return compact;
    }

    private static String sanitiseAddress(String transport, String field, String address) {
        if (address == null || transport == null) {
            return address;
        }
        switch (transport) {
            case "tcp", "rdma":
                return NumericAddress.canonicalise(address).orElseThrow(() -> new InvalidTransportIdException(
                        field + " '" + address + "' is not a numeric IPv4 or IPv6 address (transport " + transport + ")"));
            case "fc":
                String normalised = address.replaceFirst(",", ":");
                if (!FC_ADDRESS.matcher(normalised).matches()) {
                    throw new InvalidTransportIdException(field + " '" + address
                            + "' is not an FC address of the form nn-0x<WWNN>:pn-0x<WWPN>");
                }
                return normalised;
            default:
                return address;
        }
    }

    private String renderCanonical() {
        StringJoiner out = new StringJoiner(";");
        for (TidField f : TidField.values()) {
            String value = f.get(this);
            if (value != null) {
                out.add(f.key() + "=" + value);
            }
        }
        return out.toString();
    }

    private String renderCompact() {
        StringJoiner out = new StringJoiner(", ", "(", ")");
        for (String value : new String[] {transport, traddr, trsvcid, nqn, hostIface, hostTraddr}) {
            if (value != null && !value.isEmpty()) {
                out.add(value);
            }
        }
        return out.toString();
    }

    /** Collects fields; {@link #build()} sanitises them. The only mutable form of a TID. */
    public static final class Builder {
        private String transport;
        private String traddr;
        private String trsvcid;
        private String nqn;
        private String hostTraddr;
        private String hostIface;
        private String hostnqn;
        private String hostid;

        private Builder() {
        }

        public Builder transport(String v) {
            transport = v;
            return this;
        }

        public Builder traddr(String v) {
            traddr = v;
            return this;
        }

        public Builder trsvcid(String v) {
            trsvcid = v;
            return this;
        }

        public Builder nqn(String v) {
            nqn = v;
            return this;
        }

        public Builder hostTraddr(String v) {
            hostTraddr = v;
            return this;
        }

        public Builder hostIface(String v) {
            hostIface = v;
            return this;
        }

        public Builder hostnqn(String v) {
            hostnqn = v;
            return this;
        }

        public Builder hostid(String v) {
            hostid = v;
            return this;
        }

        /** Sets one field by its key. */
        public Builder set(TidField field, String value) {
            switch (Objects.requireNonNull(field, "field")) {
                case TRANSPORT -> transport = value;
                case TRADDR -> traddr = value;
                case TRSVCID -> trsvcid = value;
                case NQN -> nqn = value;
                case HOST_TRADDR -> hostTraddr = value;
                case HOST_IFACE -> hostIface = value;
                case HOSTNQN -> hostnqn = value;
                case HOSTID -> hostid = value;
                default -> throw new AssertionError(field);
            }
            return this;
        }

        /**
         * The sanitised TID.
         *
         * @throws InvalidTransportIdException when an address is not valid for the transport
         */
        public TransportId build() {
            return new TransportId(this);
        }
    }
}
