package org.nvmexpress.discoverd.nbft;

import java.util.Optional;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * Reads an HFI descriptor and its TCP transport info (reference §7.2, §7.3). The host name and the
 * extended info only describe the interface: a bad one is left out with a warning, the HFI stays.
 */
final class HfiReader implements DescriptorReader<NbftHfi> {
    private static final int TCP_TRANSPORT = 3;
    /** The transport info's fields end at byte 117 (the PCIe segment); it must hold them all. */
    private static final int TCP_INFO_MIN = 117;
    /** The HFI extended info's fields end at byte 20. */
    private static final int EXT_INFO_SIZE = 20;
    private static final int DHCP_OVERRIDE = 0x04;

    private final TableBytes t;

    HfiReader(TableBytes t) {
        this.t = t;
    }

    @Override
    public NbftHfi read(int off, Consumer<String> note) throws FieldException {
        DescriptorReader.checkValidAndId(t.u8(off + 2), t.u8(off), 3, "0x%02x");
        int index = t.u8(off + 1);
        int trtype = t.u8(off + 3);
        if (trtype != TCP_TRANSPORT) {
            throw new FieldException("transport type " + trtype + " is not TCP (3)");
        }
        HeapSlice info = t.heapObject(off + 16, "transport info")
                .orElseThrow(() -> new FieldException("transport info is absent"));
        if (info.length() < TCP_INFO_MIN) {
            throw new FieldException("transport info at offset " + info.offset() + " is " + info.length()
                    + " bytes, shorter than its " + TCP_INFO_MIN + " bytes of fields");
        }
        return new NbftHfi(index, tcpInfo(info.offset(), index, note));
    }

    private NbftTcpInfo tcpInfo(int io, int index, Consumer<String> note) throws FieldException {
        int flags = t.u8(io + 6);
        try {
            DescriptorReader.checkValidAndId(flags, t.u8(io), 7, "0x%02x");
        } catch (FieldException e) {
            throw new FieldException("transport info at offset " + io + ": " + e.getMessage());
        }
        int version = t.u8(io + 1);
        if (version != 1) {
            throw new FieldException("transport info at offset " + io + ": version " + version + ", expected 1");
        }
        int infoIndex = t.u16(io + 4);
        if (infoIndex != index) {
            note.accept("transport info at offset " + io + " names HFI " + infoIndex + ", the descriptor " + index
                    + " (kept)");
        }
        Optional<NumericAddress> dhcpServer = (flags & DHCP_OVERRIDE) != 0 ? Optional.of(t.address(io + 88)) : Optional.empty();
        boolean v11 = t.u8(io + 3) >= 2;
        DhcpClientId dhcp = v11 ? dhcpClientId(io + 110, note) : DhcpClientId.NONE;
        return new NbftTcpInfo(t.u32(io + 7), t.bytes(io + 11, 6), t.u16(io + 17), t.u8(io + 19), t.address(io + 20),
                t.u8(io + 36), t.address(io + 37), t.u16(io + 54), t.address(io + 56), t.address(io + 72), dhcpServer,
                hostName(io + 104, note), flags, v11 ? t.u8(io + 116) : 0, dhcp.iaid(), dhcp.duid());
    }

    private Optional<String> hostName(int field, Consumer<String> note) {
        try {
            return t.heapString(field, "host name");
        } catch (FieldException e) {
            note.accept(e.getMessage() + " (host name left out)");
            return Optional.empty();
        }
    }

    /** The DHCP client identity of the extended info, applied only when it is valid and says it has one. */
    private DhcpClientId dhcpClientId(int field, Consumer<String> note) {
        try {
            Optional<HeapSlice> ext = t.heapObject(field, "extended info");
            if (ext.isEmpty()) {
                return DhcpClientId.NONE;
            }
            int e = ext.get().offset();
            if (ext.get().length() < EXT_INFO_SIZE) {
                throw new FieldException("extended info at offset " + e + " is " + ext.get().length()
                        + " bytes, shorter than " + EXT_INFO_SIZE);
            }
            if (t.u8(e) != 0x0a || t.u8(e + 1) != 1) {
                throw new FieldException(String.format("extended info at offset %d is not an HFI extended info"
                        + " (structure ID %d, version %d)", e, t.u8(e), t.u8(e + 1)));
            }
            long flags = t.u32(e + 4);
            if ((flags & 0x3) != 0x3) {
                return DhcpClientId.NONE;
            }
            Optional<HeapSlice> iaid = t.heapObject(e + 8, "DHCP IAID");
            if (iaid.isPresent() && iaid.get().length() != 4) {
                throw new FieldException("DHCP IAID is " + iaid.get().length() + " bytes, expected 4");
            }
            NbftBytes duid = t.heapBytes(e + 14, "DHCP DUID");
            if (duid.length() > NbftTcpInfo.MAX_DUID_BYTES) {
                throw new FieldException("DHCP DUID is " + duid.length() + " bytes, at most "
                        + NbftTcpInfo.MAX_DUID_BYTES + " allowed");
            }
            long iaidValue = iaid.isEmpty() ? 0 : t.u32(iaid.get().offset());
            return new DhcpClientId(iaidValue, duid);
        } catch (FieldException e) {
            note.accept(e.getMessage() + " (extended info left out)");
            return DhcpClientId.NONE;
        }
    }

    /** The DHCP IAID and DUID of an interface; zero and empty when the table has none. */
    private record DhcpClientId(long iaid, NbftBytes duid) {
        static final DhcpClientId NONE = new DhcpClientId(0, NbftBytes.EMPTY);
    }
}
