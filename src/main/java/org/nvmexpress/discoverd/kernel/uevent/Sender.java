package org.nvmexpress.discoverd.kernel.uevent;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a uevent datagram, as the kernel reports it: the sender's netlink address and, when the
 * socket has {@code SO_PASSCRED}, its {@code SCM_CREDENTIALS}. The kernel stamps both itself, so a
 * sender cannot forge them (root may claim other credentials, but root is trusted anyway).
 *
 * @param portId      the sender's netlink port id ({@code nl_pid}), 0 to 2^32-1; 0 is the kernel
 * @param groups      the multicast groups the datagram was sent to ({@code nl_groups}); 0 for unicast
 * @param credentials the sender's pid, uid and gid; empty when the datagram carried none
 */
public record Sender(long portId, int groups, Optional<Credentials> credentials) {
    /** Largest netlink port id: it is a {@code u32}. */
    public static final long MAX_PORT_ID = 0xffff_ffffL;

    public Sender {
        if (portId < 0 || portId > MAX_PORT_ID) {
            throw new IllegalArgumentException("portId out of range: " + portId);
        }
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Process credentials ({@code struct ucred}).
     *
     * @param pid the sending process, 0 for the kernel
     * @param uid the sender's user id (unsigned 32-bit, kept as Java's int bits)
     * @param gid the sender's group id (same)
     */
    public record Credentials(int pid, int uid, int gid) {
        /** For log lines: {@code uid 0}, unsigned. */
        public String uidText() {
            return "uid " + Integer.toUnsignedString(uid);
        }
    }

    /** For log lines: {@code netlink port 3281817943 (pid 812, uid 0)}. */
    public String describe() {
        String who = credentials.map(c -> " (pid " + c.pid() + ", " + c.uidText() + ")")
                .orElse(" (no credentials)");
        return "netlink port " + portId + who;
    }
}
