package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;

/**
 * Where the loop's gate checks get the exclusion lists (reference §11, §15 item 18): a view the
 * check asks, refreshed only when the lists changed since the previous one was read. Blocking
 * (it may stat or read the files): called by the gate check on a worker, never on the loop.
 */
interface ExclusionSource {

    /**
     * The lists as they are now: {@code previous} again when they did not change since it was
     * read, else a new one with a higher {@link Exclusions#version()}.
     */
    Exclusions refresh(Exclusions previous);

    /**
     * The lists and their version, so the loop can tell that they changed.
     *
     * @param view    what the gate asks
     * @param version grows each time the lists were found changed; 0 before the first read
     */
    record Exclusions(ExclusionView view, long version) {
        static final Exclusions NONE_READ = new Exclusions(tid -> new org.nvmexpress.discoverd.exclusion.MatchResult
                .NotExcluded(java.util.List.of()), 0);

        public Exclusions {
            Objects.requireNonNull(view, "view");
        }
    }

    /**
     * The lists on disk, read again on every question (their fail-open matcher): always current,
     * so the version never moves. Each question is file I/O, which is why only workers ask.
     */
    static ExclusionSource reading(ExclusionLists lists) {
        Objects.requireNonNull(lists, "lists");
        Exclusions live = new Exclusions(lists::match, 1);
        return previous -> live;
    }
}
