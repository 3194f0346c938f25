package org.nvmexpress.discoverd.kernel.uevent;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.lang.ref.Reference;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.Errno;

/**
 * A userspace {@code NETLINK_KOBJECT_UEVENT} socket that sends crafted uevents to group 1 or 2, as
 * a test that plays the kernel or udevd. Needs {@code CAP_NET_ADMIN}; use it inside a private network
 * namespace so no real listener on the host sees the forgeries. The kernel stamps its port id, which
 * is never 0, so the standard {@link SenderPolicy} rejects it on the kernel group.
 */
final class UeventSender implements AutoCloseable {
    private static final int CLONE_NEWNET = 0x40000000;

    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, Pointer address, int length) throws LastErrorException;

        int getsockname(int fd, Pointer address, IntByReference length) throws LastErrorException;

        NativeLong sendmsg(int fd, Pointer message, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int unshare(int flags) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private final int fd;
    private final long portId;
    private final NetlinkLayout layout = NetlinkLayout.host();

    private UeventSender(int fd, long portId) {
        this.fd = fd;
        this.portId = portId;
    }

    /** Moves the calling thread (only it) into a new, empty network namespace. */
    static void unshareNetworkNamespace() {
        Holder.LIBC.unshare(CLONE_NEWNET);
    }

    static UeventSender open() {
        LibC libc = Holder.LIBC;
        int fd = libc.socket(NetlinkUeventSocket.AF_NETLINK, NetlinkUeventSocket.SOCK_DGRAM
                | NetlinkUeventSocket.SOCK_CLOEXEC, NetlinkUeventSocket.NETLINK_KOBJECT_UEVENT);
        Memory address = new Memory(NetlinkLayout.SOCKADDR_NL_BYTES);
        address.clear();
        address.setShort(NetlinkLayout.NL_FAMILY_OFFSET, (short) NetlinkUeventSocket.AF_NETLINK);
        libc.bind(fd, address, NetlinkLayout.SOCKADDR_NL_BYTES); // port id 0 asks the kernel to choose one
        IntByReference length = new IntByReference(NetlinkLayout.SOCKADDR_NL_BYTES);
        libc.getsockname(fd, address, length);
        return new UeventSender(fd, Integer.toUnsignedLong(address.getInt(NetlinkLayout.NL_PID_OFFSET)));
    }

    long portId() {
        return portId;
    }

    /** Sends {@code payload} to multicast group mask {@code group} with the caller's own credentials. */
    void send(byte[] payload, int group) {
        send(payload, group, Optional.empty());
    }

    /** Sends with the given {@code SCM_CREDENTIALS} (root may claim any uid). */
    void send(byte[] payload, int group, Optional<Sender.Credentials> credentials) {
        Memory name = new Memory(NetlinkLayout.SOCKADDR_NL_BYTES);
        name.clear();
        name.setShort(NetlinkLayout.NL_FAMILY_OFFSET, (short) NetlinkUeventSocket.AF_NETLINK);
        name.setInt(NetlinkLayout.NL_GROUPS_OFFSET, group);
        Memory data = new Memory(Math.max(1, payload.length));
        data.write(0, payload, 0, payload.length);
        Memory iovec = new Memory(layout.iovecBytes());
        iovec.setPointer(0, data);
        layout.putSize(iovec, layout.iovLenOffset(), payload.length);
        Memory header = new Memory(layout.msghdrBytes());
        header.clear();
        header.setPointer(layout.msgNameOffset(), name);
        header.setInt(layout.msgNameLenOffset(), NetlinkLayout.SOCKADDR_NL_BYTES);
        header.setPointer(layout.msgIovOffset(), iovec);
        layout.putSize(header, layout.msgIovLenOffset(), 1);
        Optional<Memory> control = credentials.map(c -> attach(header, c));
        try {
            Holder.LIBC.sendmsg(fd, header, 0);
        } catch (LastErrorException e) {
            // Broadcasting also "unicasts" to port 0, which has no receiver: harmless (sd-device ignores it too).
            if (e.getErrorCode() != Errno.ECONNREFUSED.number()) {
                throw e;
            }
        } finally {
            // The header holds only raw addresses: keep the memory they point at alive until sendmsg returned.
            Reference.reachabilityFence(name);
            Reference.reachabilityFence(data);
            Reference.reachabilityFence(iovec);
            Reference.reachabilityFence(control);
        }
    }

    private Memory attach(Memory header, Sender.Credentials c) {
        int space = layout.cmsgSpace(NetlinkLayout.UCRED_BYTES);
        Memory control = new Memory(space);
        control.clear();
        layout.putSize(control, 0, layout.cmsgLen(NetlinkLayout.UCRED_BYTES));
        control.setInt(layout.cmsgLevelOffset(), NetlinkUeventSocket.SOL_SOCKET);
        control.setInt(layout.cmsgTypeOffset(), NetlinkUeventSocket.SCM_CREDENTIALS);
        control.setInt(layout.cmsgDataOffset() + NetlinkLayout.UCRED_PID_OFFSET, c.pid());
        control.setInt(layout.cmsgDataOffset() + NetlinkLayout.UCRED_UID_OFFSET, c.uid());
        control.setInt(layout.cmsgDataOffset() + NetlinkLayout.UCRED_GID_OFFSET, c.gid());
        header.setPointer(layout.msgControlOffset(), control);
        layout.putSize(header, layout.msgControlLenOffset(), space);
        return control;
    }

    @Override
    public void close() {
        Holder.LIBC.close(fd);
    }
}
