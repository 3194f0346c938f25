package org.nvmexpress.discoverd.ini;

import java.util.Objects;

/**
 * A file that could not be read as INI text at all: missing, not a regular file, too large,
 * unreadable, containing a NUL byte or invalid UTF-8. The {@link #diagnostic()} names the file (and
 * the line, for content problems).
 */
public final class IniReadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the file could not be read; {@link #MISSING} is usually not an error for callers. */
    public enum Reason {
        MISSING,
        NOT_REGULAR_FILE,
        TOO_LARGE,
        UNREADABLE,
        NUL_BYTE,
        NOT_UTF8
    }

    private final Reason reason;
    private final transient Diagnostic diagnostic;

    IniReadException(Reason reason, Diagnostic diagnostic) {
        super(diagnostic.withoutSeverity());
        this.reason = Objects.requireNonNull(reason, "reason");
        this.diagnostic = diagnostic;
    }

    public Reason reason() {
        return reason;
    }

    /** The problem as an error diagnostic. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
