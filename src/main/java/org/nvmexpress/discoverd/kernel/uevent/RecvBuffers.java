package org.nvmexpress.discoverd.kernel.uevent;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * The native memory one {@code recvmsg(2)} fills: a {@code msghdr} pointing at one {@code iovec}
 * (the payload buffer), the sender's {@code sockaddr_nl} and room for one {@code SCM_CREDENTIALS}
 * control message. Allocated once per socket and reused for every datagram; used by the reading
 * thread only.
 */
final class RecvBuffers {
    /** Room for a few control messages, though the kernel sends only the credentials. */
    private static final int CONTROL_MESSAGES = 4;

    private final NetlinkLayout layout;
    private final Memory header;
    private final Memory iovec;
    private final Memory name;
    private final Memory control;
    private final Memory payload;

    RecvBuffers(NetlinkLayout layout, int payloadBytes) {
        this.layout = layout;
        this.header = new Memory(layout.msghdrBytes());
        this.iovec = new Memory(layout.iovecBytes());
        this.name = new Memory(NetlinkLayout.SOCKADDR_NL_BYTES);
        this.control = new Memory((long) CONTROL_MESSAGES * layout.cmsgSpace(NetlinkLayout.UCRED_BYTES));
        this.payload = new Memory(payloadBytes);
        iovec.setPointer(0, payload);
        layout.putSize(iovec, layout.iovLenOffset(), payloadBytes);
    }

    /** Resets the in/out fields of the {@code msghdr} for the next call and returns it. */
    Pointer prepare() {
        header.clear();
        name.clear();
        control.clear();
        header.setPointer(layout.msgNameOffset(), name);
        header.setInt(layout.msgNameLenOffset(), NetlinkLayout.SOCKADDR_NL_BYTES);
        header.setPointer(layout.msgIovOffset(), iovec);
        layout.putSize(header, layout.msgIovLenOffset(), 1);
        header.setPointer(layout.msgControlOffset(), control);
        layout.putSize(header, layout.msgControlLenOffset(), control.size());
        return header;
    }

    /** The first {@code length} payload bytes, at most the buffer's size (longer ones were cut). */
    byte[] payload(int length) {
        return payload.getByteArray(0, (int) Math.min(length, payload.size()));
    }

    /** The sender the kernel wrote into the name and control buffers. */
    Sender sender() {
        long portId = Integer.toUnsignedLong(name.getInt(NetlinkLayout.NL_PID_OFFSET));
        int groups = name.getInt(NetlinkLayout.NL_GROUPS_OFFSET);
        return new Sender(portId, groups, credentials());
    }

    /** Walks the control messages ({@code CMSG_FIRSTHDR}/{@code CMSG_NXTHDR}) for the credentials. */
    private Optional<Sender.Credentials> credentials() {
        long used = Math.min(layout.getSize(header, layout.msgControlLenOffset()), control.size());
        long offset = 0;
        while (offset + layout.cmsgDataOffset() <= used) {
            long length = layout.getSize(control, offset);
            if (length < layout.cmsgDataOffset() || offset + length > used) {
                return Optional.empty();
            }
            int level = control.getInt(offset + layout.cmsgLevelOffset());
            int type = control.getInt(offset + layout.cmsgTypeOffset());
            if (level == NetlinkUeventSocket.SOL_SOCKET && type == NetlinkUeventSocket.SCM_CREDENTIALS
                    && length >= layout.cmsgLen(NetlinkLayout.UCRED_BYTES)) {
                long data = offset + layout.cmsgDataOffset();
                return Optional.of(new Sender.Credentials(control.getInt(data + NetlinkLayout.UCRED_PID_OFFSET),
                        control.getInt(data + NetlinkLayout.UCRED_UID_OFFSET),
                        control.getInt(data + NetlinkLayout.UCRED_GID_OFFSET)));
            }
            offset += layout.cmsgAlign((int) length);
        }
        return Optional.empty();
    }
}
