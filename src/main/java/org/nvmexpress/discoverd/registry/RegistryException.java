package org.nvmexpress.discoverd.registry;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry operation that did not happen. The message names the device, the attribute when there
 * is one, the path and the reason; {@link #reason()} is what a caller branches on (no errno).
 */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Reason {
        /** The entry, or the attribute, does not exist. */
        NOT_FOUND,
        /** The value cannot be stored: empty, too long, or containing a line break or NUL. */
        INVALID_VALUE,
        /** The registry directory, or a directory above it, is not a directory. */
        NOT_A_DIRECTORY,
        /** The file system refused, or concurrent writers kept winning the race. */
        IO_FAILURE
    }

    private final Reason reason;
    private final DeviceName device;
    private final AttributeName attribute;
    private final transient Path path;

    /**
     * @param device    the device, null for an operation on the whole registry (a listing)
     * @param attribute the attribute, null for whole-entry operations
     */
    RegistryException(Reason reason, DeviceName device, AttributeName attribute, Path path, String message,
            Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.device = device;
        this.attribute = attribute;
        this.path = Objects.requireNonNull(path, "path");
    }

    public Reason reason() {
        return reason;
    }

    /** The device the operation was about, absent for a listing of the whole registry. */
    public Optional<DeviceName> device() {
        return Optional.ofNullable(device);
    }

    /** The attribute the operation was about, absent for whole-entry operations and listings. */
    public Optional<AttributeName> attribute() {
        return Optional.ofNullable(attribute);
    }

    /** The file or directory the operation failed on. */
    public Path path() {
        return path;
    }
}
