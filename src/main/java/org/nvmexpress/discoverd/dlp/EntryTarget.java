package org.nvmexpress.discoverd.dlp;

import java.util.Objects;
import org.nvmexpress.discoverd.dlp.TransportRequirements.SecureChannel;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * What an entry means to the daemon ({@link EntryTargets#of}): a controller it may connect, or why
 * it must not.
 */
public sealed interface EntryTarget {

    /** The entry this came from. */
    DiscoveryLogEntry entry();

    /**
     * A controller the entry names: its TID (host side inherited from the DC, default service ID
     * applied) and role. The entry's transport requirements are kept, so the daemon can honour a
     * required secure channel that the C daemon ignores (reference §5.5 [ROUGH]).
     *
     * @param entry the entry
     * @param tid   the controller's TID
     * @param role  {@link Role#DC} for a referral or the serving DC itself, {@link Role#IOC} for an I/O subsystem
     */
    record Connectable(DiscoveryLogEntry entry, TransportId tid, Role role) implements EntryTarget {
        public Connectable {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(tid, "tid");
            Objects.requireNonNull(role, "role");
        }

        public Subtype subtype() {
            return entry.kind();
        }

        /** The entry's EPCSD flag: the DC wants a persistent connection. */
        public boolean epcsd() {
            return entry.eflags().explicitPersistentConnection();
        }

        /** TREQ bits 1:0. */
        public SecureChannel secureChannel() {
            return entry.treq().secureChannel();
        }

        /** The TCP port's security type ({@code none} for other transports). */
        public TcpSecurityType sectype() {
            return entry.securityType();
        }

        /** Whether connecting without TLS cannot work: TREQ says required, or the TCP port speaks TLS. */
        public boolean requiresSecureChannel() {
            return secureChannel() == SecureChannel.REQUIRED || sectype().isSecure();
        }
    }

    /**
     * An entry that is never connected, and why. {@code problem} names the entry, its offset and the
     * reason, ready to log.
     */
    record Rejected(DiscoveryLogEntry entry, Reason reason, DlpProblem problem) implements EntryTarget {
        public Rejected {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** Why an entry is not connected. */
    enum Reason {
        /** A {@code trtype} that is not rdma, fc, tcp or loop. */
        UNKNOWN_TRANSPORT,
        /** A {@code subtype} that is not referral, nvme or current. */
        UNKNOWN_SUBTYPE,
        /** A string that no TID can carry: empty subnqn, control characters, {@code ;}, bad UTF-8. */
        INVALID_FIELD,
        /** An address its transport does not accept (e.g. a host name on tcp, a malformed FC WWN pair). */
        INVALID_ADDRESS
    }
}
