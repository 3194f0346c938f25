package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * What a reconciliation pass decided for one candidate, in the order the daemon acts. The daemon
 * carries these out; {@code --dry-run} prints them, one JSON object per line (a contract: scripts
 * read it), so the two can never disagree.
 *
 * <p>Every decision may carry a {@link #note()}: something the administrator should know about how
 * it was reached that does not change what it is, e.g. that the runtime state named this unit for a
 * recycled instance number and was not believed (reference §15 item 31). Never a secret.
 */
public sealed interface Decision {

    /** How the decision was reached, when that is worth telling; one line, never a secret. */
    Optional<String> note();

    /** Create and start the candidate's transient unit. */
    record Start(Candidate candidate, Optional<String> note) implements Decision {
        public Start {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(note, "note");
        }

        public Start(Candidate candidate) {
            this(candidate, Optional.empty());
        }
    }

    /**
     * The candidate is already connected as {@code device}: track it, connect nothing.
     *
     * @param recordOwner the registry owner to record because the controller has none (connected by
     *                    the initramfs before any orchestrator ran); empty when it has one already
     */
    record Adopt(Candidate candidate, DeviceName device, Optional<String> recordOwner, Optional<String> note)
            implements Decision {
        public Adopt {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(recordOwner, "recordOwner");
            Objects.requireNonNull(note, "note");
        }

        public Adopt(Candidate candidate, DeviceName device, Optional<String> recordOwner) {
            this(candidate, device, recordOwner, Optional.empty());
        }
    }

    /**
     * Not connected, and why.
     *
     * @param role      the controller's role; empty for unusable input that never got as far as
     *                  naming one (a syntax error in a fabrics file: the whole file is left out)
     * @param tid       the controller, when the input went as far as naming one
     * @param candidate the candidate, when there is one (excluded, foreign owner); empty for
     *                  unusable input that never became a candidate
     * @param detail    one line for the administrator: {@code excluded by FILE:LINE: ENTRY},
     *                  {@code owned by OWNER (nvme4)}, or the file, line and problem; never a secret
     */
    record Skip(Optional<Role> role, Optional<TransportId> tid, Optional<Candidate> candidate, SkipReason reason,
            String detail, Optional<String> note) implements Decision {
        public Skip {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(tid, "tid");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(note, "note");
        }

        /** A skip whose role is known, without a note. */
        public Skip(Role role, Optional<TransportId> tid, Optional<Candidate> candidate, SkipReason reason,
                String detail) {
            this(Optional.of(role), tid, candidate, reason, detail, Optional.empty());
        }

        /** The skip of {@code candidate} for {@code reason}. */
        public static Skip of(Candidate candidate, SkipReason reason, String detail, Optional<String> note) {
            return new Skip(Optional.of(candidate.role()), Optional.of(candidate.tid()), Optional.of(candidate),
                    reason, detail, note);
        }

        /** Bad input that names no controller (and maybe no role): always {@link SkipReason#UNUSABLE}. */
        public static Skip unusable(Optional<Role> role, String detail) {
            return new Skip(role, Optional.empty(), Optional.empty(), SkipReason.UNUSABLE, detail, Optional.empty());
        }
    }
}
