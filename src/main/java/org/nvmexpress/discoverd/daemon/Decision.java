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
 */
public sealed interface Decision {

    /** Create and start the candidate's transient unit. */
    record Start(Candidate candidate) implements Decision {
        public Start {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /**
     * The candidate is already connected as {@code device}: track it, connect nothing.
     *
     * @param recordOwner the registry owner to record because the controller has none (connected by
     *                    the initramfs before any orchestrator ran); empty when it has one already
     */
    record Adopt(Candidate candidate, DeviceName device, Optional<String> recordOwner) implements Decision {
        public Adopt {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(recordOwner, "recordOwner");
        }
    }

    /**
     * Not connected, and why.
     *
     * @param role      the controller's role
     * @param tid       the controller, when the input went as far as naming one
     * @param candidate the candidate, when there is one (excluded, foreign owner); empty for
     *                  unusable input that never became a candidate
     * @param detail    one line for the administrator: {@code excluded by FILE: ENTRY},
     *                  {@code owned by OWNER (nvme4)}, or the file, line and problem; never a secret
     */
    record Skip(Role role, Optional<TransportId> tid, Optional<Candidate> candidate, SkipReason reason, String detail)
            implements Decision {
        public Skip {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(tid, "tid");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
