package org.nvmexpress.discoverd.dlp;

import java.util.Objects;

/**
 * What is wrong with a Discovery Log Page, and where: printed as {@code WHERE at offset N: message}.
 * As an error ({@link DlpDecodeException}) it rejects the page; as a warning the page stands and,
 * for an entry, the message says what became of it.
 *
 * @param where   {@code header}, or {@code entry K} with K the entry's 0-based position in the page
 * @param offset  the byte offset from the start of the page (the header, or the start of the entry,
 *                or the field concerned)
 * @param message what is wrong, naming the offending value
 */
public record DlpProblem(String where, long offset, String message) {
    public DlpProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
        if (offset < 0) {
            throw new IllegalArgumentException("offset out of range: " + offset);
        }
    }

    /** A problem in the header, at byte {@code offset} of the page. */
    static DlpProblem header(long offset, String message) {
        return new DlpProblem("header", offset, message);
    }

    /** A problem with entry {@code index}, which starts at byte {@code offset} of the page. */
    public static DlpProblem entry(int index, long offset, String message) {
        return new DlpProblem("entry " + index, offset, message);
    }

    @Override
    public String toString() {
        return where + " at offset " + offset + ": " + message;
    }
}
