package org.nvmexpress.discoverd.kernel.sysfs;

import java.nio.file.Path;
import java.util.Objects;

/** A sysfs file or directory that could not be used; the message names it and says why. */
public final class SysfsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public SysfsException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The file or directory concerned (under the root). */
    public Path path() {
        return path;
    }
}
