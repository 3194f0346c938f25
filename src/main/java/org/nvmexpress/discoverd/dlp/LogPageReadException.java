package org.nvmexpress.discoverd.dlp;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A Get Log Page that failed (reference §5.2's return convention): either the system call failed
 * with an errno ({@link Kind#ERRNO}, named when the caller can, e.g. {@code ENOTTY}), or the
 * controller completed the command with a non-zero NVMe status ({@link Kind#NVME_STATUS}, shown in
 * hex). The message is {@code MESSAGE: ENOTTY (errno 25)}, {@code MESSAGE: errno 67} or
 * {@code MESSAGE: NVMe status 0x4002}.
 */
public final class LogPageReadException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Pattern ERRNO_NAME = Pattern.compile("E[A-Z0-9]+");

    /** Which of the two failures this is. */
    public enum Kind {
        ERRNO,
        NVME_STATUS
    }

    private final Kind kind;
    private final String errnoName;
    private final int code;

    private LogPageReadException(Kind kind, String errnoName, int code, String message, String detail) {
        super(message.isEmpty() ? detail : message + ": " + detail);
        this.kind = kind;
        this.errnoName = errnoName;
        this.code = code;
    }

    /**
     * The system call failed.
     *
     * @param name    the errno's symbolic name, e.g. {@code ENOTTY}
     * @param number  the errno's positive value, e.g. 25
     * @param message what was attempted or the system's description, e.g. {@code Inappropriate ioctl for device}
     */
    public static LogPageReadException errno(String name, int number, String message) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        if (!ERRNO_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("errno name out of range: '" + name + "' (like ENOTTY)");
        }
        if (number <= 0) {
            throw new IllegalArgumentException("errno out of range: " + number);
        }
        return new LogPageReadException(Kind.ERRNO, name, number, message, name + " (errno " + number + ")");
    }

    /**
     * The system call failed with an errno the caller has no symbolic name for (the kernel may
     * return any of some 130): {@link #errnoName()} is empty, the message shows the number.
     *
     * @param number  the errno's positive value, e.g. 67
     * @param message what was attempted
     */
    public static LogPageReadException errno(int number, String message) {
        Objects.requireNonNull(message, "message");
        if (number <= 0) {
            throw new IllegalArgumentException("errno out of range: " + number);
        }
        return new LogPageReadException(Kind.ERRNO, null, number, message, "errno " + number);
    }

    /**
     * The controller completed the command with an error.
     *
     * @param status  the positive NVMe status the ioctl returned (status code type and code)
     * @param message what was attempted
     */
    public static LogPageReadException nvmeStatus(int status, String message) {
        Objects.requireNonNull(message, "message");
        if (status <= 0) {
            throw new IllegalArgumentException("NVMe status out of range: " + status);
        }
        return new LogPageReadException(Kind.NVME_STATUS, null, status, message,
                String.format("NVMe status 0x%04x", status));
    }

    public Kind kind() {
        return kind;
    }

    /** The errno's name, for {@link Kind#ERRNO} with a named errno. */
    public Optional<String> errnoName() {
        return Optional.ofNullable(errnoName);
    }

    /** The errno's value, for {@link Kind#ERRNO}. */
    public OptionalInt errno() {
        return kind == Kind.ERRNO ? OptionalInt.of(code) : OptionalInt.empty();
    }

    /** The NVMe status, for {@link Kind#NVME_STATUS}. */
    public OptionalInt nvmeStatus() {
        return kind == Kind.NVME_STATUS ? OptionalInt.of(code) : OptionalInt.empty();
    }
}
