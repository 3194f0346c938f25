package org.nvmexpress.discoverd.exclusion;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@code exclusion = ...} line of a list, valid or not, as the list and remove commands show it.
 *
 * @param line 1-based line number
 * @param text the entry as written (trimmed)
 */
public record EntryLine(int line, String text) {
    public EntryLine {
        Objects.requireNonNull(text, "text");
        if (line < 1) {
            throw new IllegalArgumentException("line out of range: " + line);
        }
    }

    /** Why this entry never matches, or empty when it is valid. */
    public Optional<String> problem() {
        return ExclusionEntry.problemOf(text);
    }
}
