package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidField;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * Answers "does this live controller realise this desired TID?" (ARCHITECTURE §8 "Identity").
 * The C daemon compares a TID built from sysfs with the desired one as canonical strings, and they
 * almost never agree: sysfs always carries a host NQN, its {@code src_addr} was taken for a pinned
 * {@code host_traddr}, {@code host_iface} was lost, and addresses are spelled as whoever connected
 * typed them. Startup adoption, the registry-owner check and "still desired" then fail
 * (reference §4.3, §15 items 10, 11, 16, 31). This matcher compares field by field instead, in
 * canonical order, and names the first field that differs:
 *
 * <ul>
 *   <li>A field the desired TID leaves unset (absent or empty) matches any live value, except the
 *       two below that have a default.</li>
 *   <li>{@code transport}, {@code nqn}: equal text. A desired well-known discovery NQN also matches
 *       a discovery controller that reports its unique discovery NQN, because sysfs shows the NQN
 *       from Identify Controller, not the one connected to (on kernels without {@code cntrltype}
 *       any controller at that address is taken to be one).</li>
 *   <li>{@code traddr}: the same address ({@link AddressComparison}): IPv6 spellings and
 *       IPv4-mapped forms for tcp/rdma, WWNs whatever their case for fc.</li>
 *   <li>{@code trsvcid}: unset means the role's default (tcp 8009 for a DC, 4420 for an IOC; rdma
 *       4420); transports without a default match any.</li>
 *   <li>{@code host-traddr}: the kernel reports {@code host_traddr} only for a pinned connection,
 *       and kernel 6.1+ TCP reports the source address it uses as {@code src_addr} in any case. A
 *       desired host-traddr is compared with the live {@code host_traddr} when there is one, else
 *       with {@code src_addr}: an unpinned connection that leaves from the desired address carries
 *       the traffic the way a pinned one would, and tearing it down only to pin it would break a
 *       working path. With neither (an unpinned connection on an older kernel) it differs, since
 *       nothing shows the desired pin holds. {@code src_addr} never counts as a pin otherwise: a
 *       desired TID without host-traddr matches whatever {@code src_addr} says.</li>
 *   <li>{@code host-iface}: equal to the {@code host_iface} in the live {@code address}.</li>
 *   <li>{@code hostnqn}: an explicit one must equal the live host NQN; unset means the system
 *       default host NQN ({@code /etc/nvme/hostnqn}, read once by the caller, see
 *       {@link HostNqnFile}); any live host NQN matches when there is no system default, and a
 *       controller that shows none is not held against an unset one.</li>
 *   <li>{@code hostid}: equal, ignoring case (it is a UUID).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class ConnectionIdentityMatcher {
    private final String systemHostnqn;

    /** @param systemHostnqn the host's default host NQN, empty when the host has none */
    public ConnectionIdentityMatcher(Optional<String> systemHostnqn) {
        this.systemHostnqn = Objects.requireNonNull(systemHostnqn, "systemHostnqn").orElse(null);
    }

    /**
     * Compares {@code live} with {@code desired}.
     *
     * @param role what the desired controller is, for the default service id
     */
    public IdentityMatch match(TransportId desired, Role role, LiveController live) {
        Comparison comparison = new Comparison(Objects.requireNonNull(desired, "desired"),
                Objects.requireNonNull(role, "role"), Objects.requireNonNull(live, "live"));
        for (TidField field : TidField.values()) {
            String difference = comparison.difference(field);
            if (difference != null) {
                return new IdentityMatch.Different(field, difference);
            }
        }
        return IdentityMatch.SAME;
    }

    /** The first of {@code candidates} (in their order) that realises {@code desired}. */
    public Optional<LiveController> findFirst(TransportId desired, Role role, Collection<LiveController> candidates) {
        return candidates.stream().filter(live -> match(desired, role, live).matches()).findFirst();
    }

    /** One comparison; each method returns what differs, or {@code null} when the field matches. */
    private final class Comparison {
        private final TransportId desired;
        private final Role role;
        private final LiveController live;
        private final ControllerAddress address;
        private final String transport;

        Comparison(TransportId desired, Role role, LiveController live) {
            this.desired = desired;
            this.role = role;
            this.live = live;
            this.address = live.address();
            this.transport = isSet(desired.transport()) ? desired.transport() : live.transport();
        }

        String difference(TidField field) {
            return switch (field) {
                case TRANSPORT -> exact(desired.transport(), live.transport());
                case TRADDR -> address(desired.traddr(), address.traddr());
                case TRSVCID -> trsvcid();
                case NQN -> nqn();
                case HOST_TRADDR -> hostTraddr();
                case HOST_IFACE -> exact(desired.hostIface(), address.hostIface());
                case HOSTNQN -> hostnqn();
                case HOSTID -> isSet(desired.hostid()) && !desired.hostid().equalsIgnoreCase(live.hostid())
                        ? values(desired.hostid(), live.hostid()) : null;
            };
        }

        private String exact(String wanted, String actual) {
            return isSet(wanted) && !wanted.equals(actual) ? values(wanted, actual) : null;
        }

        private String address(String wanted, String actual) {
            if (!isSet(wanted) || (actual != null && AddressComparison.sameAddress(transport, wanted, actual))) {
                return null;
            }
            return values(wanted, actual);
        }

        private String trsvcid() {
            String wanted = desired.trsvcid();
            String note = "";
            if (!isSet(wanted)) {
                wanted = role.defaultTrsvcid(transport);
                note = " (default for a " + role + ")";
            }
            if (wanted == null || (address.trsvcid() != null
                    && AddressComparison.sameService(wanted, address.trsvcid()))) {
                return null;
            }
            return "desired " + quote(wanted) + note + ", live " + quote(address.trsvcid());
        }

        private String nqn() {
            String wanted = desired.nqn();
            if (ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN.equals(wanted) && live.subsysnqn() != null
                    && !wanted.equals(live.subsysnqn())) {
                // A unique discovery NQN: any discovery controller answers to the well-known one.
                return live.isDiscovery() || live.cntrltype() == null ? null
                        : values(wanted, live.subsysnqn()) + " (cntrltype " + quote(live.cntrltype())
                        + ", not a discovery controller)";
            }
            return exact(wanted, live.subsysnqn());
        }

        private String hostTraddr() {
            String wanted = desired.hostTraddr();
            if (!isSet(wanted) || address.hostTraddr() != null) {
                return address(wanted, address.hostTraddr());
            }
            if (address.srcAddr() == null) {
                return "desired " + quote(wanted) + ", live neither host_traddr nor src_addr";
            }
            return address(wanted, address.srcAddr()) == null ? null
                    : "desired " + quote(wanted) + ", live src_addr " + quote(address.srcAddr()) + " (not pinned)";
        }

        private String hostnqn() {
            if (isSet(desired.hostnqn())) {
                return exact(desired.hostnqn(), live.hostnqn());
            }
            if (systemHostnqn == null || live.hostnqn() == null || systemHostnqn.equals(live.hostnqn())) {
                return null;
            }
            return "desired the system default " + quote(systemHostnqn) + ", live " + quote(live.hostnqn());
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    private static String values(String wanted, String actual) {
        return "desired " + quote(wanted) + ", live " + quote(actual);
    }

    private static String quote(String value) {
        return value == null ? "none" : "'" + value + "'";
    }
}
