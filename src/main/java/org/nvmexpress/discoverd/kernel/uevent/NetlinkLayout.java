package org.nvmexpress.discoverd.kernel.uevent;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Byte offsets of the C structs the uevent socket exchanges with the kernel, written out instead of
 * reflected by JNA's {@code Structure} so the layout can be read and tested. Linux ABIs put every
 * pointer-sized field ({@code void *}, {@code size_t}) at a multiple of the pointer size, so one
 * number, {@code pointerSize} (8 on 64-bit, 4 on 32-bit), fixes every offset:
 *
 * <pre>
 * struct sockaddr_nl { u16 nl_family @0; u16 pad @2; u32 nl_pid @4; u32 nl_groups @8; }   12 bytes
 * struct ucred       { pid_t pid @0; uid_t uid @4; gid_t gid @8; }                         12 bytes
 * struct pollfd      { int fd @0; short events @4; short revents @6; }                      8 bytes
 * struct iovec       { void *iov_base @0; size_t iov_len @P; }                               2P bytes
 * struct msghdr      { void *msg_name @0; socklen_t msg_namelen @P; struct iovec *msg_iov @2P;
 *                      size_t msg_iovlen @3P; void *msg_control @4P; size_t msg_controllen @5P;
 *                      int msg_flags @6P; }                                                   7P bytes
 * struct cmsghdr     { size_t cmsg_len @0; int cmsg_level @P; int cmsg_type @P+4; data @align(P+8) }
 * </pre>
 *
 * @param pointerSize bytes in a pointer and in a {@code size_t}: 4 or 8
 */
record NetlinkLayout(int pointerSize) {
    static final int SOCKADDR_NL_BYTES = 12;
    static final int NL_FAMILY_OFFSET = 0;
    static final int NL_PID_OFFSET = 4;
    static final int NL_GROUPS_OFFSET = 8;

    static final int UCRED_BYTES = 12;
    static final int UCRED_PID_OFFSET = 0;
    static final int UCRED_UID_OFFSET = 4;
    static final int UCRED_GID_OFFSET = 8;

    static final int POLLFD_BYTES = 8;
    static final int POLLFD_EVENTS_OFFSET = 4;
    static final int POLLFD_REVENTS_OFFSET = 6;

    NetlinkLayout {
        if (pointerSize != 4 && pointerSize != 8) {
            throw new IllegalArgumentException("pointerSize must be 4 or 8: " + pointerSize);
        }
    }

    /** The layout of the running JVM's ABI. */
    static NetlinkLayout host() {
        return new NetlinkLayout(Native.POINTER_SIZE);
    }

    int iovecBytes() {
        return 2 * pointerSize;
    }

    int iovLenOffset() {
        return pointerSize;
    }

    int msghdrBytes() {
        return 7 * pointerSize;
    }

    int msgNameOffset() {
        return 0;
    }

    int msgNameLenOffset() {
        return pointerSize;
    }

    int msgIovOffset() {
        return 2 * pointerSize;
    }

    int msgIovLenOffset() {
        return 3 * pointerSize;
    }

    int msgControlOffset() {
        return 4 * pointerSize;
    }

    int msgControlLenOffset() {
        return 5 * pointerSize;
    }

    int msgFlagsOffset() {
        return 6 * pointerSize;
    }

    int cmsgLevelOffset() {
        return pointerSize;
    }

    int cmsgTypeOffset() {
        return pointerSize + 4;
    }

    /** {@code CMSG_ALIGN}: rounds up to a multiple of the pointer size. */
    int cmsgAlign(int bytes) {
        return (bytes + pointerSize - 1) & -pointerSize;
    }

    /** Where a control message's data starts: the aligned {@code cmsghdr} size. */
    int cmsgDataOffset() {
        return cmsgAlign(pointerSize + 8);
    }

    /** {@code CMSG_LEN(n)}: the {@code cmsg_len} of a message carrying {@code n} data bytes. */
    int cmsgLen(int dataBytes) {
        return cmsgDataOffset() + dataBytes;
    }

    /** {@code CMSG_SPACE(n)}: the buffer room one control message of {@code n} data bytes takes. */
    int cmsgSpace(int dataBytes) {
        return cmsgDataOffset() + cmsgAlign(dataBytes);
    }

    /** Writes a {@code size_t}; on 32-bit, {@code value} must fit 32 unsigned bits. */
    void putSize(Pointer p, long offset, long value) {
        if (pointerSize == 8) {
            p.setLong(offset, value);
        } else if (value >= 0 && value <= 0xffff_ffffL) {
            p.setInt(offset, (int) value);
        } else {
            throw new IllegalArgumentException("size_t value out of range for 32 bits: " + value);
        }
    }

    /** Reads a {@code size_t} (unsigned; a 32-bit value above 2^31 stays positive). */
    long getSize(Pointer p, long offset) {
        return pointerSize == 8 ? p.getLong(offset) : Integer.toUnsignedLong(p.getInt(offset));
    }
}
