package org.nvmexpress.discoverd.kernel.admin;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * The port to the three system calls an admin passthrough makes, so that the ENOTTY fallback and
 * the return-value convention are tested with a fake and no device. Production: {@link LibcIoctl}.
 */
public interface Ioctl {

    /** {@code open(device, O_RDONLY | O_CLOEXEC)}: the file descriptor. */
    int openReadOnly(Path device) throws ErrnoException;

    /**
     * {@code ioctl(fd, request, argument)}.
     *
     * @param request  the unsigned 32-bit request number, e.g. {@link PassthroughStruct#NVME_IOCTL_ADMIN64_CMD}
     * @param argument the native memory the request reads and writes
     * @return the call's non-negative return value (for NVMe passthrough: 0 or an NVMe status)
     * @throws ErrnoException when the call returned -1
     */
    int ioctl(int fd, long request, Pointer argument) throws ErrnoException;

    void close(int fd) throws ErrnoException;
}
