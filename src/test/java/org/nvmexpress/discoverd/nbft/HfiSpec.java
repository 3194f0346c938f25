package org.nvmexpress.discoverd.nbft;

import java.nio.ByteBuffer;

/**
 * One host fabric interface for {@link NbftTableWriter}: the 32-byte HFI descriptor and its
 * 128-byte TCP transport info in the heap (reference §7.2). Unset addresses are all-zero (IPv6
 * {@code ::}); set {@code "0.0.0.0"} for the IPv4-mapped zero real tables carry.
 */
final class HfiSpec {
    static final int VALID = 0x01;
    static final int GLOBAL_ROUTE = 0x02;
    static final int DHCP_OVERRIDE = 0x04;
    static final int IPADDR_AUTOCONF = 0x08;
    static final int DESCRIPTOR_SIZE = 32;
    static final int INFO_SIZE = 128;
    static final int EXT_INFO_SIZE = 20;

    private final int index;
    private int descriptorFlags = VALID;
    private int trtype = 3;
    private int flags = VALID;
    private int trinfoVersion = 1;
    private int pciSbdf;
    private byte[] mac = new byte[6];
    private int vlan;
    private int ipOrigin;
    private String ip;
    private int prefix;
    private String gateway;
    private int routeMetric;
    private String primaryDns;
    private String secondaryDns;
    private String dhcpServer;
    private String hostName;
    private int pcieSegment;
    private boolean hasExtendedInfo;
    private long dhcpIaid;
    private byte[] dhcpDuid;

    /** @param index the descriptor's {@code index}, which SSNS and discovery descriptors refer to */
    HfiSpec(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    /** The descriptor's flags (bit0 VALID); default VALID. */
    HfiSpec descriptorFlags(int value) {
        descriptorFlags = value;
        return this;
    }

    HfiSpec trtype(int value) {
        trtype = value;
        return this;
    }

    /** The transport info's flags: {@link #VALID}, {@link #GLOBAL_ROUTE}, {@link #DHCP_OVERRIDE}, …; default VALID. */
    HfiSpec flags(int value) {
        flags = value;
        return this;
    }

    /** Default 1; 2 or more makes {@code pcie_seg_num} and the extended info valid (§7.3). */
    HfiSpec trinfoVersion(int value) {
        trinfoVersion = value;
        return this;
    }

    HfiSpec pciSbdf(int value) {
        pciSbdf = value;
        return this;
    }

    HfiSpec mac(String text) {
        mac = NbftHeap.mac(text);
        return this;
    }

    HfiSpec vlan(int value) {
        vlan = value;
        return this;
    }

    HfiSpec origin(int value) {
        ipOrigin = value;
        return this;
    }

    /** The interface's address and prefix length: {@code "192.168.49.50", 24} or an IPv6 address. */
    HfiSpec ip(String address, int prefixLength) {
        ip = address;
        prefix = prefixLength;
        return this;
    }

    HfiSpec gateway(String address) {
        gateway = address;
        return this;
    }

    HfiSpec routeMetric(int value) {
        routeMetric = value;
        return this;
    }

    HfiSpec dns(String primary, String secondary) {
        primaryDns = primary;
        secondaryDns = secondary;
        return this;
    }

    /** Written always; a parser shows it only with {@link #DHCP_OVERRIDE}. */
    HfiSpec dhcpServer(String address) {
        dhcpServer = address;
        return this;
    }

    HfiSpec hostName(String name) {
        hostName = name;
        return this;
    }

    HfiSpec pcieSegment(int value) {
        pcieSegment = value;
        return this;
    }

    /**
     * The HFI extended info (id 0x0A, version 1, flags VALID|DCI) with a DHCP IAID and DUID. Read
     * only when {@link #trinfoVersion} is 2 or more.
     */
    HfiSpec extendedInfo(long iaid, byte[] duid) {
        hasExtendedInfo = true;
        dhcpIaid = iaid;
        dhcpDuid = duid.clone();
        return this;
    }

    /** Adds the transport info (and what it points to) to {@code heap}; returns the descriptor. */
    byte[] descriptor(NbftHeap heap) {
        NbftHeap.Ref hostNameRef = heap.string(hostName);
        NbftHeap.Ref extRef = hasExtendedInfo ? heap.bytes(extendedInfo(heap)) : NbftHeap.Ref.ABSENT;
        NbftHeap.Ref infoRef = heap.bytes(info(hostNameRef, extRef));
        ByteBuffer d = NbftHeap.littleEndian(DESCRIPTOR_SIZE);
        d.put(0, (byte) 3).put(1, (byte) index).put(2, (byte) descriptorFlags).put(3, (byte) trtype);
        infoRef.put(d, 16);
        return d.array();
    }

    private byte[] info(NbftHeap.Ref hostNameRef, NbftHeap.Ref extRef) {
        ByteBuffer b = NbftHeap.littleEndian(INFO_SIZE);
        b.put(0, (byte) 7).put(1, (byte) 1).put(2, (byte) trtype).put(3, (byte) trinfoVersion);
        b.putShort(4, (short) index).put(6, (byte) flags).putInt(7, pciSbdf).put(11, mac);
        b.putShort(17, (short) vlan).put(19, (byte) ipOrigin).put(20, NbftHeap.ip(ip)).put(36, (byte) prefix);
        b.put(37, NbftHeap.ip(gateway)).putShort(54, (short) routeMetric);
        b.put(56, NbftHeap.ip(primaryDns)).put(72, NbftHeap.ip(secondaryDns)).put(88, NbftHeap.ip(dhcpServer));
        hostNameRef.put(b, 104);
        extRef.put(b, 110);
        b.put(116, (byte) pcieSegment);
        return b.array();
    }

    private byte[] extendedInfo(NbftHeap heap) {
        NbftHeap.Ref iaidRef = heap.bytes(NbftHeap.littleEndian(4).putInt(0, (int) dhcpIaid).array());
        NbftHeap.Ref duidRef = heap.bytes(dhcpDuid);
        ByteBuffer b = NbftHeap.littleEndian(EXT_INFO_SIZE);
        b.put(0, (byte) 0x0A).put(1, (byte) 1).putShort(2, (short) index).putInt(4, 0x03);
        iaidRef.put(b, 8);
        duidRef.put(b, 14);
        return b.array();
    }
}
