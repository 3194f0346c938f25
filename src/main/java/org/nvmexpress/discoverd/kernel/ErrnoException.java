package org.nvmexpress.discoverd.kernel;

import java.util.Objects;

/**
 * A system call that failed, with its {@link Errno}: callers branch on {@link #errno()}, people read
 * the message, which names the call, the path or device, and the errno by name.
 */
public final class ErrnoException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    /** @param what the call and its subject, e.g. {@code "open /dev/nvme3"} */
    public ErrnoException(String what, Errno errno) {
        super(Objects.requireNonNull(what, "what") + ": " + Objects.requireNonNull(errno, "errno"));
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}
