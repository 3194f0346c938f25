package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;

/**
 * "Does this live controller realise this candidate?", the one question behind linking a new
 * device, the reconnect gate's owner check and adoption (ARCHITECTURE §8 "Identity"): the
 * connection-identity matcher on the candidate's {@link Candidate#identity()} (its TID with the host
 * NQN it connects with), the same answer {@link HostSnapshot#liveFor} gives the passes. A controller
 * being deleted or dead realises nothing.
 *
 * <p>Immutable and thread-safe.
 */
final class Identity {
    private static final Set<String> NOT_LIVE = Set.of("deleting", "deleting (no IO)", "dead");

    private final ConnectionIdentityMatcher matcher;

    Identity(ConnectionIdentityMatcher matcher) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    boolean realises(Candidate candidate, LiveController live) {
        if (live.state() != null && NOT_LIVE.contains(live.state())) {
            return false;
        }
        return matcher.match(candidate.identity(), candidate.role(), live).matches();
    }
}
