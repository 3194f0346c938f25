package org.nvmexpress.discoverd.kernel.uevent;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nvmexpress.discoverd.config.UeventGroup;
import org.nvmexpress.discoverd.kernel.Errno;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code NETLINK_KOBJECT_UEVENT} socket bound to one multicast group: 1 for the kernel's uevents,
 * 2 for udev's (reference §4.1). It asks for a large receive buffer, so a burst of device changes
 * fits, and for the sender's credentials ({@code SO_PASSCRED}), so the policy can check them.
 *
 * <p><b>Stopping.</b> Netlink sockets do not implement {@code shutdown(2)}, and closing a descriptor
 * another thread is blocked on is a race (the number may be reused at once). So the reader blocks in
 * {@code poll(2)} on the socket <em>and</em> the read end of a pipe; {@link #wakeUp()} sets a flag
 * and writes one byte to the pipe, and the reader returns {@link UeventSocket.Closed}. Datagrams are
 * then read with {@code MSG_DONTWAIT} until {@code EAGAIN}, which ends a burst.
 */
public final class NetlinkUeventSocket implements UeventSocket {
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkUeventSocket.class);

    static final int AF_NETLINK = 16;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_KOBJECT_UEVENT = 15;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_PASSCRED = 16;
    static final int SO_RCVBUFFORCE = 33;
    static final int SCM_CREDENTIALS = 2;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final short POLLIN = 1;

    /** Bytes read per datagram: one more than a valid uevent may have, so a longer one shows. */
    static final int RECEIVE_BYTES = UeventDecoder.MAX_MESSAGE_BYTES + 1;

    private final NetlinkLibC libc;
    private final NetlinkLayout layout;
    private final int fd;
    private final int wakeRead;
    private final int wakeWrite;
    private final long portId;
    private final RecvBuffers buffers;
    private final AtomicBoolean woken = new AtomicBoolean();
    /** True after {@code EAGAIN}: the next receive must wait in poll before reading. Reader only. */
    private boolean mustWait = true;
    /** The descriptors are closed. Guarded by {@code this}. */
    private boolean released;

    private NetlinkUeventSocket(NetlinkLibC libc, int fd, int wakeRead, int wakeWrite, long portId) {
        this.libc = libc;
        this.layout = NetlinkLayout.host();
        this.fd = fd;
        this.wakeRead = wakeRead;
        this.wakeWrite = wakeWrite;
        this.portId = portId;
        this.buffers = new RecvBuffers(layout, RECEIVE_BYTES);
    }

    /**
     * Opens a socket bound to {@code group} with a receive buffer of {@code receiveBufferBytes}.
     * {@code SO_RCVBUFFORCE} (beyond {@code net.core.rmem_max}) needs {@code CAP_NET_ADMIN}; without
     * it the plain {@code SO_RCVBUF}, capped by the kernel, is used without complaint.
     */
    public static NetlinkUeventSocket open(UeventGroup group, int receiveBufferBytes) throws NetlinkException {
        NetlinkLibC libc = NetlinkLibC.Holder.LIBC;
        int fd = call("socket(AF_NETLINK, SOCK_DGRAM, NETLINK_KOBJECT_UEVENT)",
                () -> libc.socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_KOBJECT_UEVENT));
        int[] pipe = {-1, -1};
        try {
            setReceiveBuffer(libc, fd, receiveBufferBytes);
            setInt(libc, fd, SO_PASSCRED, 1, "setsockopt(SO_PASSCRED)");
            long port = bind(libc, fd, netlinkGroup(group));
            call("pipe2", () -> libc.pipe2(pipe, O_CLOEXEC | O_NONBLOCK));
            return new NetlinkUeventSocket(libc, fd, pipe[0], pipe[1], port);
        } catch (NetlinkException e) {
            closeAll(libc, fd, pipe[0], pipe[1]).forEach(e::addSuppressed);
            throw e;
        }
    }

    /** The netlink multicast group number: the kernel's is 1, udev's is 2. */
    static int netlinkGroup(UeventGroup group) {
        return switch (group) {
            case KERNEL -> 1;
            case UDEV -> 2;
        };
    }

    /** This socket's own port id, as the kernel assigned it. */
    public long portId() {
        return portId;
    }

    @Override
    public Received receive() throws IOException {
        while (true) {
            if (woken.get()) {
                return new Closed();
            }
            if (mustWait) {
                if (!waitReadable()) {
                    return new Closed();
                }
                mustWait = false;
            }
            try {
                int length = libc.recvmsg(fd, buffers.prepare(), MSG_DONTWAIT).intValue();
                return new Datagram(buffers.payload(length), buffers.sender());
            } catch (LastErrorException e) {
                int errno = e.getErrorCode();
                if (errno == Errno.EAGAIN.number()) {
                    mustWait = true;
                    return new Drained();
                } else if (errno == Errno.ENOBUFS.number()) {
                    return new Overflow();
                } else if (errno != Errno.EINTR.number()) {
                    throw new NetlinkException("recvmsg(NETLINK_KOBJECT_UEVENT)", e);
                }
            }
        }
    }

    /** Blocks until the socket has data (true) or the wake-up pipe was written (false). */
    private boolean waitReadable() throws NetlinkException {
        Memory fds = new Memory(2L * NetlinkLayout.POLLFD_BYTES);
        fds.clear();
        fds.setInt(0, fd);
        fds.setShort(NetlinkLayout.POLLFD_EVENTS_OFFSET, POLLIN);
        fds.setInt(NetlinkLayout.POLLFD_BYTES, wakeRead);
        fds.setShort(NetlinkLayout.POLLFD_BYTES + NetlinkLayout.POLLFD_EVENTS_OFFSET, POLLIN);
        while (true) {
            try {
                libc.poll(fds, new NativeLong(2), -1);
                short wake = fds.getShort(NetlinkLayout.POLLFD_BYTES + NetlinkLayout.POLLFD_REVENTS_OFFSET);
                // Any event on the socket (data, or POLLERR for a pending ENOBUFS) is for recvmsg.
                return wake == 0 && !woken.get();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Errno.EINTR.number()) {
                    throw new NetlinkException("poll(NETLINK_KOBJECT_UEVENT)", e);
                }
            }
        }
    }

    /**
     * Synchronised with {@link #close()}: once the descriptors are closed their numbers may belong to
     * someone else, so a late wake-up must not write to them.
     */
    @Override
    public synchronized void wakeUp() {
        if (released || !woken.compareAndSet(false, true)) {
            return;
        }
        Memory one = new Memory(1);
        one.setByte(0, (byte) 1);
        try {
            libc.write(wakeWrite, one, new NativeLong(1));
        } catch (LastErrorException e) {
            // EAGAIN: the pipe is full, so the reader is woken already. Anything else is a bug.
            if (e.getErrorCode() != Errno.EAGAIN.number()) {
                LOG.error("uevent monitor - cannot wake the reader: {}", new Errno(e.getErrorCode()));
            }
        }
    }

    /** Closes the socket and the pipe; later calls do nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        List<NetlinkException> failures = closeAll(libc, fd, wakeRead, wakeWrite);
        if (!failures.isEmpty()) {
            NetlinkException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void setReceiveBuffer(NetlinkLibC libc, int fd, int bytes) throws NetlinkException {
        try {
            setInt(libc, fd, SO_RCVBUFFORCE, bytes, "setsockopt(SO_RCVBUFFORCE)");
        } catch (NetlinkException e) {
            if (!e.errno().equals(Errno.EPERM)) {
                throw e;
            }
            LOG.debug("uevent monitor - no CAP_NET_ADMIN for SO_RCVBUFFORCE; using SO_RCVBUF, capped by rmem_max");
            setInt(libc, fd, SO_RCVBUF, bytes, "setsockopt(SO_RCVBUF)");
        }
    }

    private static void setInt(NetlinkLibC libc, int fd, int option, int value, String what)
            throws NetlinkException {
        Memory v = new Memory(4);
        v.setInt(0, value);
        call(what, () -> libc.setsockopt(fd, SOL_SOCKET, option, v, 4));
    }

    /** Binds to {@code group} with a kernel-chosen port id, and returns that port id. */
    private static long bind(NetlinkLibC libc, int fd, int group) throws NetlinkException {
        Memory address = new Memory(NetlinkLayout.SOCKADDR_NL_BYTES);
        address.clear();
        address.setShort(NetlinkLayout.NL_FAMILY_OFFSET, (short) AF_NETLINK);
        address.setInt(NetlinkLayout.NL_GROUPS_OFFSET, group);
        call("bind(NETLINK_KOBJECT_UEVENT, group " + group + ")",
                () -> libc.bind(fd, address, NetlinkLayout.SOCKADDR_NL_BYTES));
        IntByReference length = new IntByReference(NetlinkLayout.SOCKADDR_NL_BYTES);
        call("getsockname(NETLINK_KOBJECT_UEVENT)", () -> libc.getsockname(fd, address, length));
        return Integer.toUnsignedLong(address.getInt(NetlinkLayout.NL_PID_OFFSET));
    }

    /** A libc call that returns an int and signals failure through errno. */
    @FunctionalInterface
    private interface IntCall {
        int run();
    }

    private static int call(String what, IntCall call) throws NetlinkException {
        try {
            return call.run();
        } catch (LastErrorException e) {
            throw new NetlinkException(what, e);
        }
    }

    /** Closes every descriptor that is open ({@code >= 0}); returns the failures. */
    private static List<NetlinkException> closeAll(NetlinkLibC libc, int... fds) {
        List<NetlinkException> failures = new ArrayList<>();
        for (int each : fds) {
            if (each >= 0) {
                try {
                    libc.close(each);
                } catch (LastErrorException e) {
                    failures.add(new NetlinkException("close(" + each + ")", e));
                }
            }
        }
        return failures;
    }
}
