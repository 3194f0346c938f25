package org.nvmexpress.discoverd.kernel.uevent;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import org.nvmexpress.discoverd.kernel.Errno;

/**
 * A system call on the uevent socket failed. The message names the call and the errno by name
 * ({@code bind(NETLINK_KOBJECT_UEVENT, group 2): EPERM (operation not permitted)}).
 */
public final class NetlinkException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    NetlinkException(String call, LastErrorException cause) {
        super(call + ": " + new Errno(cause.getErrorCode()), cause);
        this.errno = cause.getErrorCode();
    }

    /** The errno the call failed with. */
    public Errno errno() {
        return new Errno(errno);
    }
}
