package org.nvmexpress.discoverd.kernel.fc;

import java.nio.file.Path;
import java.util.Objects;

/** The FC scan request could not be written; the message names the attribute file and why. */
public final class FcKickstartException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public FcKickstartException(Path path, String reason, Throwable cause) {
        super("cannot request FC discovery through " + path + ": " + reason, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The {@code nvme_discovery} attribute (under the root). */
    public Path path() {
        return path;
    }
}
