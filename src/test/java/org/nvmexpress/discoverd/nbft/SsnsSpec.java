package org.nvmexpress.discoverd.nbft;

import java.nio.ByteBuffer;

/**
 * One subsystem namespace (SSNS) for {@link NbftTableWriter}: the 128-byte descriptor, its address,
 * service id, NQN and secondary-HFI list in the heap, and optionally its extended info (reference
 * §7.2). A {@code null} address, service id or NQN leaves the heap object absent (length 0), as
 * does an empty secondary-HFI list.
 */
final class SsnsSpec {
    static final int VALID = 0x0001;
    static final int EXTENDED_INFO_IN_USE = 0x0010;
    static final int DISCOVERED_NAMESPACE = 0x0040;
    static final int DESCRIPTOR_SIZE = 128;
    static final int EXT_INFO_SIZE_REV10 = 18;
    static final int EXT_INFO_SIZE_REV11 = 23;

    private final int index;
    private int flags = VALID;
    private int trtype = 3;
    private int trflags;
    private int discoveryIndex;
    private String traddr;
    private String trsvcid;
    private int portId;
    private long nsid;
    private int nidType;
    private byte[] nid = new byte[16];
    private int securityIndex;
    private int primaryHfi;
    private byte[] secondaryHfis = new byte[0];
    private String nqn;
    private byte[] extendedInfo;
    private String rootPath;

    /** @param index the descriptor's {@code index} (u16) */
    SsnsSpec(int index) {
        this.index = index;
    }

    /** {@link #VALID}, {@link #EXTENDED_INFO_IN_USE}, …, written as given; default VALID. */
    SsnsSpec flags(int value) {
        flags = value;
        return this;
    }

    SsnsSpec trtype(int value) {
        trtype = value;
        return this;
    }

    /** bit0 VALID, bit1 header digest, bit2 data digest. */
    SsnsSpec trflags(int value) {
        trflags = value;
        return this;
    }

    /** The primary discovery controller's index; 0 = none. */
    SsnsSpec discoveryIndex(int value) {
        discoveryIndex = value;
        return this;
    }

    /** The subsystem's address (stored as 16 bytes) and service id, e.g. {@code "192.0.2.5", "4420"}. */
    SsnsSpec target(String address, String serviceId) {
        traddr = address;
        trsvcid = serviceId;
        return this;
    }

    SsnsSpec portId(int value) {
        portId = value;
        return this;
    }

    SsnsSpec nsid(long value) {
        nsid = value;
        return this;
    }

    /** Namespace id type (1 EUI-64, 2 NGUID, 3 UUID) and 16 bytes as hex. */
    SsnsSpec nid(int type, String hex) {
        nidType = type;
        nid = NbftHeap.hex(hex);
        return this;
    }

    /** The security profile's index; 0 = none. */
    SsnsSpec securityIndex(int value) {
        securityIndex = value;
        return this;
    }

    /** The primary HFI's index and the secondary list (may be empty: the object is then absent). */
    SsnsSpec hfis(int primary, int... secondary) {
        primaryHfi = primary;
        secondaryHfis = new byte[secondary.length];
        for (int i = 0; i < secondary.length; i++) {
            secondaryHfis[i] = (byte) secondary[i];
        }
        return this;
    }

    SsnsSpec nqn(String value) {
        nqn = value;
        return this;
    }

    /**
     * Revision 1.0 extended info (18 bytes: id 9, version 1, this index, {@code extFlags}, cntlid,
     * asqsz, DHCP root path). A parser applies it only with {@link #EXTENDED_INFO_IN_USE}.
     */
    SsnsSpec extendedInfo(int extFlags, int cntlid, int asqsz, String dhcpRootPath) {
        ByteBuffer b = NbftHeap.littleEndian(EXT_INFO_SIZE_REV10);
        b.put(0, (byte) 9).put(1, (byte) 1).putShort(2, (short) index).putInt(4, extFlags);
        b.putShort(8, (short) cntlid).putShort(10, (short) asqsz);
        extendedInfo = b.array();
        rootPath = dhcpRootPath;
        return this;
    }

    /** Makes the extended info revision 1.1 (23 bytes) with these fields; call after the other. */
    SsnsSpec extendedInfo11(int naed, int cipeec, int cto, int nceec) {
        if (extendedInfo == null) {
            throw new IllegalStateException("extendedInfo11 extends extendedInfo: call that first");
        }
        ByteBuffer b = NbftHeap.littleEndian(EXT_INFO_SIZE_REV11).put(0, extendedInfo);
        b.put(18, (byte) naed).put(19, (byte) cipeec).putShort(20, (short) cto).put(22, (byte) nceec);
        extendedInfo = b.array();
        return this;
    }

    /** Adds the heap objects to {@code heap}; returns the descriptor. */
    byte[] descriptor(NbftHeap heap) {
        ByteBuffer d = NbftHeap.littleEndian(DESCRIPTOR_SIZE);
        d.put(0, (byte) 4).putShort(1, (short) index).putShort(3, (short) flags).put(5, (byte) trtype);
        d.putShort(6, (short) trflags).put(8, (byte) discoveryIndex);
        heap.bytes(traddr == null ? null : NbftHeap.ip(traddr)).put(d, 10);
        heap.string(trsvcid).put(d, 16);
        d.putShort(22, (short) portId).putInt(24, (int) nsid).put(28, (byte) nidType).put(29, nid);
        d.put(45, (byte) securityIndex).put(46, (byte) primaryHfi);
        heap.bytes(secondaryHfis).put(d, 48);
        heap.string(nqn).put(d, 54);
        if (extendedInfo != null) {
            ByteBuffer ext = ByteBuffer.wrap(extendedInfo.clone()).order(d.order());
            heap.string(rootPath).put(ext, 12);
            heap.bytes(ext.array()).put(d, 60);
        }
        return d.array();
    }
}
