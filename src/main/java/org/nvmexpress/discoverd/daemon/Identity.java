package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;

/**
 * "Does this live controller realise this candidate?", the one question behind linking a new
 * device, the reconnect gate's owner check and adoption (ARCHITECTURE §8 "Identity"): the
 * connection-identity matcher on the candidate's {@link Candidate#identity()} (its TID with the host
 * NQN it connects with), the same answer {@link HostSnapshot#liveFor} gives the passes. A controller
 * being deleted or dead realises nothing ({@link LiveControllers#isUsable}).
 *
 * <p>Immutable and thread-safe.
 */
final class Identity {
    private final ConnectionIdentityMatcher matcher;

    Identity(ConnectionIdentityMatcher matcher) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    boolean realises(Candidate candidate, LiveController live) {
        return LiveControllers.isUsable(live) && matcher.match(candidate.identity(), candidate.role(), live).matches();
    }
}
