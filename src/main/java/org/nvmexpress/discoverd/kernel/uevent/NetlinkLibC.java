package org.nvmexpress.discoverd.kernel.uevent;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The libc calls the uevent socket needs, and nothing else. {@code ssize_t}, {@code size_t} and
 * {@code nfds_t} are C {@code long}s on Linux, hence {@link NativeLong}.
 */
interface NetlinkLibC extends Library {
    int socket(int domain, int type, int protocol) throws LastErrorException;

    int setsockopt(int fd, int level, int option, Pointer value, int length) throws LastErrorException;

    int bind(int fd, Pointer address, int length) throws LastErrorException;

    int getsockname(int fd, Pointer address, IntByReference length) throws LastErrorException;

    NativeLong recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    int pipe2(int[] fds, int flags) throws LastErrorException;

    NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** Loaded on first use, not when a class that mentions it is initialised. */
    final class Holder {
        static final NetlinkLibC LIBC = Native.load("c", NetlinkLibC.class);

        private Holder() {
        }
    }
}
