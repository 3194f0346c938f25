package org.nvmexpress.discoverd.exclusion;

import java.util.Objects;

/**
 * One line of an exclusion-list file, classified as reference §11.2 does.
 *
 * @param number       1-based line number
 * @param kind         what the line is
 * @param text         the line as decoded, without its line break and untrimmed
 * @param value        the section name for {@link Kind#SECTION}, the trimmed text after {@code =}
 *                     for {@link Kind#ENTRY} and {@link Kind#STRAY}, else empty
 * @param inExclusions whether the line is read inside an {@code [exclusions]} section (for a
 *                     header: whether it opens one)
 * @param start        offset of the line's first byte in the file
 * @param end          offset just past the line, its {@code \n} included when it has one
 */
record ListLine(int number, Kind kind, String text, String value, boolean inExclusions, int start, int end) {

    enum Kind {
        /** Blank or a {@code #} comment. */
        BLANK_OR_COMMENT,
        /** {@code [name]}, anything after {@code ]} ignored. */
        SECTION,
        /** {@code [} without {@code ]}: junk that also ends the current section. */
        MALFORMED_HEADER,
        /** No {@code =}, or a key other than {@code exclusion}: ignored by everyone. */
        FOREIGN,
        /** {@code exclusion = ...} outside {@code [exclusions]}: ignored on read, refused on write. */
        STRAY,
        /** {@code exclusion = ...} inside {@code [exclusions]}: an entry, valid or not. */
        ENTRY
    }

    ListLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        if (number < 1 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad line position: line " + number + " bytes " + start + "-" + end);
        }
    }
}
