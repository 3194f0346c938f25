package org.nvmexpress.discoverd.nbft;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What is wrong with a table, and where: printed as {@code TABLE: DESCRIPTOR at offset N: message}
 * (or {@code TABLE: DESCRIPTOR: message} when no byte offset applies, e.g. an unreadable file).
 *
 * <p>As an error it rejects the whole table; as a warning it dropped (or qualified) one descriptor
 * and the rest of the table stands.
 *
 * @param table      the table file as the user named it (a path, or the file name in tests)
 * @param descriptor the structure concerned: {@code file}, {@code header}, {@code control descriptor},
 *                   {@code host descriptor}, or a list member by its 0-based position in the table's
 *                   list, e.g. {@code SSNS descriptor 2} (its own {@code index} field may differ)
 * @param offset     the byte offset of that structure from the start of the table, when there is one
 * @param message    what is wrong, naming the offending value
 */
public record NbftProblem(String table, String descriptor, OptionalLong offset, String message) {
    public NbftProblem {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(message, "message");
        if (offset.isPresent() && offset.getAsLong() < 0) {
            throw new IllegalArgumentException("offset out of range: " + offset.getAsLong());
        }
    }

    /** A problem at byte {@code offset} of the table. */
    public static NbftProblem at(String table, String descriptor, long offset, String message) {
        return new NbftProblem(table, descriptor, OptionalLong.of(offset), message);
    }

    /** A problem with the file as a whole, where no byte offset applies. */
    public static NbftProblem ofFile(String table, String message) {
        return new NbftProblem(table, "file", OptionalLong.empty(), message);
    }

    /** {@code DESCRIPTOR at offset N}, or {@code DESCRIPTOR} without an offset. */
    public String location() {
        return offset.isPresent() ? descriptor + " at offset " + offset.getAsLong() : descriptor;
    }

    @Override
    public String toString() {
        return table + ": " + location() + ": " + message;
    }
}
