package org.nvmexpress.discoverd.ini;

import java.util.Objects;

/**
 * One finding about a text input, with where it is: printed as {@code FILE:LINE: error: message}
 * (or {@code FILE: ...} when it concerns the whole file, line 0).
 *
 * @param severity whether the finding rejects what it is in (error) or is only reported (warning)
 * @param file     the file as the user named it (after {@code --root} rerooting)
 * @param line     1-based line, or 0 for the file as a whole
 * @param message  what is wrong, naming the offending value
 */
public record Diagnostic(Severity severity, String file, int line, String message) {

    public enum Severity {
        ERROR,
        WARNING;

        String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line out of range: " + line);
        }
    }

    public static Diagnostic error(String file, int line, String message) {
        return new Diagnostic(Severity.ERROR, file, line, message);
    }

    public static Diagnostic warning(String file, int line, String message) {
        return new Diagnostic(Severity.WARNING, file, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE} or {@code FILE} for line 0. */
    public String location() {
        return line == 0 ? file : file + ":" + line;
    }

    /** {@code FILE:LINE: message}, the form the C daemon logs. */
    public String withoutSeverity() {
        return location() + ": " + message;
    }

    /** {@code FILE:LINE: error: message}, the form {@code config check} prints. */
    @Override
    public String toString() {
        return location() + ": " + severity.label() + ": " + message;
    }
}
