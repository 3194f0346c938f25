package org.nvmexpress.discoverd.daemon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.exclusion.ExclusionSnapshot;
import org.nvmexpress.discoverd.exclusion.MatchResult;

/**
 * Where the loop's gate checks get the exclusion lists (reference §11, §15 item 18): a snapshot,
 * taken again only when the lists changed since the previous one ({@link ExclusionLists#changedSince}:
 * a listing and a {@code stat} per list, nothing parsed), so a retry storm does not re-read and
 * re-parse the lists for every controller. Blocking: called by the gate check on a worker, never on
 * the loop.
 */
@FunctionalInterface
interface ExclusionSource {

    /**
     * The lists as they are now: {@code previous} again when they did not change since it was
     * read, else a new snapshot with a higher {@link Exclusions#version()}.
     */
    Exclusions refresh(Exclusions previous);

    /**
     * One snapshot of the lists and its version, so the loop can tell that they changed.
     *
     * @param snapshot the lists as read, or empty before the first read
     * @param version  grows each time the lists were found changed; 0 before the first read
     */
    record Exclusions(Optional<ExclusionSnapshot> snapshot, long version) {
        static final Exclusions NONE_READ = new Exclusions(Optional.empty(), 0);
        private static final MatchResult NOT_READ = new MatchResult.NotExcluded(List.of());

        public Exclusions {
            Objects.requireNonNull(snapshot, "snapshot");
        }

        /** What the gate asks: the snapshot's answer, no I/O. */
        ExclusionView view() {
            return tid -> snapshot.map(s -> s.match(tid)).orElse(NOT_READ);
        }
    }

    /** The lists under a root, snapshotted when they change. */
    static ExclusionSource of(ExclusionLists lists) {
        Objects.requireNonNull(lists, "lists");
        return previous -> previous.snapshot().isPresent() && !lists.changedSince(previous.snapshot().get()) ? previous
                : new Exclusions(Optional.of(lists.snapshot()), previous.version() + 1);
    }
}
