package org.nvmexpress.discoverd.kernel;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The libc calls the connector and the admin passthrough make on device nodes: open, read, write,
 * ioctl, close. Java's channels report a failed call as an {@code IOException} whose message is the
 * only trace of the errno, and the callers here must tell ENOTTY from EINVAL from ECONNREFUSED: hence
 * JNA, with {@link LastErrorException} turned into {@link ErrnoException}.
 */
public final class DeviceCalls {
    public static final int O_RDONLY = 0;
    public static final int O_RDWR = 2;
    public static final int O_CLOEXEC = 0x80000;

    /** The libc functions, declared with the C types JNA maps exactly. */
    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        int ioctl(int fd, NativeLong request, Pointer argument) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    /** Loaded on first use, not when a class that merely refers to this one is initialised. */
    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private DeviceCalls() {
    }

    public static int open(String path, int flags) throws ErrnoException {
        try {
            return Holder.LIBC.open(path, flags);
        } catch (LastErrorException e) {
            throw failure("open " + path, e);
        }
    }

    public static int read(int fd, Pointer buffer, int count, String what) throws ErrnoException {
        try {
            return Holder.LIBC.read(fd, buffer, new NativeLong(count)).intValue();
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    public static int write(int fd, Pointer buffer, int count, String what) throws ErrnoException {
        try {
            return Holder.LIBC.write(fd, buffer, new NativeLong(count)).intValue();
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /** {@code request} is the unsigned 32-bit ioctl number, e.g. {@code 0xC0504E47L}. */
    public static int ioctl(int fd, long request, Pointer argument, String what) throws ErrnoException {
        try {
            return Holder.LIBC.ioctl(fd, new NativeLong(request, true), argument);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    public static void close(int fd, String what) throws ErrnoException {
        try {
            Holder.LIBC.close(fd);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    private static ErrnoException failure(String what, LastErrorException e) {
        ErrnoException failure = new ErrnoException(what, new Errno(e.getErrorCode()));
        failure.initCause(e);
        return failure;
    }
}
