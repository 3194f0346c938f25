package org.nvmexpress.discoverd.nbft;

import java.util.Objects;

/**
 * A descriptor of a parsed table that gives no boot controller, and why. (Descriptors the parser
 * dropped are not here: they are the table's {@link NbftTable#warnings() warnings}.)
 *
 * @param table  the table file as the user named it
 * @param source the table's file name and the descriptor: {@code NBFT SSNS 3}, {@code NBFT DD 1},
 *               or with its HFI, {@code NBFT SSNS 2 via HFI 1}, when one of an SSNS's controllers
 *               is skipped
 * @param kind   why, for programs
 * @param reason why, for people: {@code security profile 1 unsupported}
 */
public record SkippedDescriptor(String table, String source, Kind kind, String reason) {
    /** Why a descriptor gives no controller. */
    public enum Kind {
        /** An SSNS with the well-known discovery NQN: the firmware's record of a failed boot attempt. */
        UNAVAILABLE,
        /** It links a security profile; authenticated or secure-channel boot is not supported. */
        SECURITY_UNSUPPORTED,
        /** A discovery descriptor whose URI cannot be read or names no numeric address. */
        URI_INVALID,
        /** A discovery descriptor whose URI names a transport other than tcp. */
        UNSUPPORTED_TRANSPORT,
        /** A discovery descriptor that an available SSNS links to: its namespaces are already there. */
        REFERENCED,
        /** The same TID and connect options as a controller before it (one SSNS per namespace). */
        DUPLICATE,
        /** The same TID, hence the same unit, as a controller before it, with other connect options. */
        CONFLICT,
        /** A field longer than a TID or connect option can carry: an NQN over 223 bytes, a trsvcid over 32. */
        TOO_LONG,
        /**
         * Past what one derivation keeps (4,096 controllers, 4,096 skipped descriptors): one entry,
         * for the first left out, says how many were.
         */
        LIMIT
    }

    public SkippedDescriptor {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code SOURCE: REASON}. */
    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
