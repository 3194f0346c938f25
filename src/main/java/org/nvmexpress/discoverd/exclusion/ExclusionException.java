package org.nvmexpress.discoverd.exclusion;

import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.ini.Diagnostic;

/**
 * An exclusion-list operation that did not happen. The {@link Reason} says why (upstream's errno,
 * typed); the message names the list and its file; {@link #problems()} holds one diagnostic per bad
 * line for {@link Reason#INVALID_CONTENT}, else the single problem.
 */
public final class ExclusionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed; nothing was written in any case. */
    public enum Reason {
        /** The entry is not a valid TID with at least one field ({@code -EINVAL}). */
        INVALID_ENTRY,
        /** Text for a whole list has bad lines ({@code -EINVAL}); see {@link #problems()}. */
        INVALID_CONTENT,
        /** The list, or the entry to remove, does not exist ({@code -ENOENT}). */
        NOT_FOUND,
        /** The list to create exists already ({@code -EEXIST}). */
        ALREADY_EXISTS,
        /** The list changed since it was read ({@code -ESTALE}). */
        STALE,
        /** The file is larger than 1 MiB ({@code -EFBIG}). */
        TOO_LARGE,
        /** The list's path is a directory or another non-regular file. */
        NOT_REGULAR_FILE,
        /** The file system refused: permission, read-only, no space, and so on. */
        IO_ERROR
    }

    private final Reason reason;
    private final transient List<Diagnostic> problems;

    ExclusionException(Reason reason, String message, List<Diagnostic> problems) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.problems = List.copyOf(problems);
    }

    /** A failure about the file as a whole; the message is {@code FILE: what}. */
    static ExclusionException ofFile(Reason reason, String file, String what) {
        Diagnostic d = Diagnostic.error(file, 0, what);
        return new ExclusionException(reason, d.withoutSeverity(), List.of(d));
    }

    /** A failure explained by {@code message} alone, attributed to {@code file}. */
    static ExclusionException of(Reason reason, String file, String message) {
        return new ExclusionException(reason, message, List.of(Diagnostic.error(file, 0, message)));
    }

    public Reason reason() {
        return reason;
    }

    /** Each problem with its file and line (line 0: the file as a whole). */
    public List<Diagnostic> problems() {
        return problems;
    }
}
