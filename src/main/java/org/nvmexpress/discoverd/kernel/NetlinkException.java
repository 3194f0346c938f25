package org.nvmexpress.discoverd.kernel;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.util.Optional;

/**
 * A system call on the uevent socket failed. The message names the call and the errno by name
 * ({@code bind(NETLINK_KOBJECT_UEVENT, group 2): EPERM (operation not permitted)}).
 */
public final class NetlinkException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    NetlinkException(String call, LastErrorException cause) {
        super(call + ": " + ErrnoName.describe(cause.getErrorCode()), cause);
        this.errno = cause.getErrorCode();
    }

    /** The errno by name, or empty for a number {@link ErrnoName} does not list. */
    public Optional<ErrnoName> errno() {
        return ErrnoName.of(errno);
    }
}
