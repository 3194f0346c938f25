package org.nvmexpress.discoverd.kernel.admin;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import org.nvmexpress.discoverd.kernel.DeviceCalls;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/** {@link Ioctl} on the real system calls, through libc. */
public final class LibcIoctl implements Ioctl {

    @Override
    public int openReadOnly(Path device) throws ErrnoException {
        return DeviceCalls.open(device.toString(), DeviceCalls.O_RDONLY | DeviceCalls.O_CLOEXEC);
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) throws ErrnoException {
        return DeviceCalls.ioctl(fd, request, argument, String.format("ioctl 0x%08X", request));
    }

    @Override
    public void close(int fd) throws ErrnoException {
        DeviceCalls.close(fd, "close");
    }
}
