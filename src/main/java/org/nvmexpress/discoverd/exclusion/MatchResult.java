package org.nvmexpress.discoverd.exclusion;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.ini.Diagnostic;

/**
 * The answer of {@link ExclusionLists#match} and {@link ExclusionSnapshot#match}: excluded by a
 * given entry, or not excluded. Either way {@link #skipped()} lists the files that could not be
 * read and were treated as empty (fail-open), so a caller can tell the administrator without
 * blocking the connection.
 */
public sealed interface MatchResult permits MatchResult.Excluded, MatchResult.NotExcluded {

    /** Files treated as empty because they could not be read, each with why. */
    List<Diagnostic> skipped();

    /** True for {@link Excluded}. */
    default boolean excluded() {
        return this instanceof Excluded;
    }

    /**
     * The first entry that matched, in match order (the default list, then the drop-ins by name).
     *
     * @param file  the list file, under the root
     * @param line  the entry's 1-based line in that file
     * @param entry the entry as written
     */
    record Excluded(Path file, int line, ExclusionEntry entry, List<Diagnostic> skipped) implements MatchResult {
        public Excluded {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(entry, "entry");
            if (line < 1) {
                throw new IllegalArgumentException("line out of range: " + line);
            }
            skipped = List.copyOf(skipped);
        }
    }

    /** No valid entry of any readable list matched. */
    record NotExcluded(List<Diagnostic> skipped) implements MatchResult {
        public NotExcluded {
            skipped = List.copyOf(skipped);
        }
    }
}
