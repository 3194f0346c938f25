package org.nvmexpress.discoverd.nbft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a well-formed NBFT read at their §7.2 positions with plain {@link ByteBuffer} code,
 * following the control descriptor and heap references but applying none of the parse rules. Two
 * tables with equal descriptions carry the same content, wherever their heaps put it. Test-only,
 * independent of the real parser, so that it can check the {@link NbftTableWriter} against firmware
 * tables; it trusts its input and throws on a table that is not well formed.
 */
final class NbftStructure {
    private final ByteBuffer b;
    private final Map<String, String> fields = new LinkedHashMap<>();

    private NbftStructure(byte[] table) {
        b = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code "hfi[0].info.ip" -> "00000000000000000000ffffc0a83132"}, in table order. */
    static Map<String, String> describe(byte[] table) {
        NbftStructure s = new NbftStructure(table);
        s.header();
        s.control();
        s.host(s.u32(72));
        s.list(80, "hfi", s::hfi);
        s.list(96, "security", s::security);
        s.list(104, "discovery", s::discovery);
        s.list(88, "ssns", s::ssns);
        return s.fields;
    }

    private void header() {
        put("header.signature", ascii(0, 4));
        put("header.revision", u8(8) + "." + u8(50));
        put("header.oem", ascii(10, 6) + "|" + ascii(16, 8) + "|" + u32(24));
        put("header.creator", ascii(28, 4) + "|" + u32(32));
        put("header.driver_dev_path", string(44));
    }

    private void control() {
        int c = NbftTableWriter.CONTROL_OFFSET;
        put("control.id", u8(c) + " rev " + u8(c + 1) + "." + u8(c + 2) + " csl " + u16(c + 4));
        put("control.flags", hex(u8(c + 6)));
        put("control.host", u16(c + 12) + " bytes v" + u8(c + 14));
        String[] names = {"hfi", "ssns", "security", "discovery"};
        for (int i = 0; i < names.length; i++) {
            int at = c + 16 + 8 * i;
            put("control." + names[i], u8(at + 7) == 0 ? "none" : u8(at + 7) + " x " + u16(at + 4) + " v" + u8(at + 6));
        }
    }

    private void host(int h) {
        put("host.id", u8(h) + " flags " + hex(u8(h + 1)));
        put("host.host_id", bytes(h + 2, 16));
        put("host.nqn", string(h + 18));
    }

    private void list(int controlAt, String name, DescriptorReader reader) {
        int offset = u32(controlAt);
        int length = u16(controlAt + 4);
        for (int i = 0; i < u8(controlAt + 7); i++) {
            reader.read(name + "[" + i + "].", offset + i * length);
        }
    }

    private interface DescriptorReader {
        void read(String prefix, int at);
    }

    private void hfi(String p, int d) {
        put(p + "descriptor", "id " + u8(d) + " index " + u8(d + 1) + " flags " + hex(u8(d + 2)) + " trtype " + u8(d + 3));
        int i = u32(d + 16);
        put(p + "info", "id " + u8(i) + " v" + u8(i + 1) + " trtype " + u8(i + 2) + " trinfo v" + u8(i + 3)
                + " hfi " + u16(i + 4) + " flags " + hex(u8(i + 6)) + " length " + u16(d + 20));
        put(p + "info.pci_sbdf", String.valueOf(u32(i + 7)));
        put(p + "info.mac", bytes(i + 11, 6));
        put(p + "info.vlan", String.valueOf(u16(i + 17)));
        put(p + "info.ip_origin", String.valueOf(u8(i + 19)));
        put(p + "info.ip", bytes(i + 20, 16) + "/" + u8(i + 36));
        put(p + "info.gateway", bytes(i + 37, 16) + " metric " + u16(i + 54));
        put(p + "info.dns", bytes(i + 56, 16) + " " + bytes(i + 72, 16));
        put(p + "info.dhcp_server", bytes(i + 88, 16));
        put(p + "info.host_name", string(i + 104));
        put(p + "info.pcie_seg_num", String.valueOf(u8(i + 116)));
        int x = u32(i + 110);
        put(p + "info.ext", u16(i + 114) == 0 ? "(absent)" : "id " + u8(x) + " v" + u8(x + 1) + " hfi " + u16(x + 2)
                + " flags " + hex(u32(x + 4)) + " iaid " + object(x + 8) + " duid " + object(x + 14));
    }

    private void security(String p, int d) {
        put(p + "descriptor", "id " + u8(d) + " index " + u8(d + 1) + " flags " + hex(u16(d + 2))
                + " secret_type " + u8(d + 4));
        put(p + "lists", object(d + 6) + " " + object(d + 12) + " " + object(d + 18) + " " + object(d + 24)
                + " " + object(d + 30));
        put(p + "keypath", string(d + 36));
    }

    private void discovery(String p, int d) {
        put(p + "descriptor", "id " + u8(d) + " flags " + hex(u8(d + 1)) + " index " + u8(d + 2) + " hfi " + u8(d + 3)
                + " security " + u8(d + 4));
        put(p + "uri", string(d + 6));
        put(p + "nqn", string(d + 12));
    }

    private void ssns(String p, int d) {
        put(p + "descriptor", "id " + u8(d) + " index " + u16(d + 1) + " flags " + hex(u16(d + 3)) + " trtype "
                + u8(d + 5) + " trflags " + hex(u16(d + 6)));
        put(p + "links", "discovery " + u8(d + 8) + " security " + u8(d + 45) + " hfi " + u8(d + 46)
                + " secondary " + object(d + 48));
        put(p + "traddr", object(d + 10));
        put(p + "trsvcid", string(d + 16));
        put(p + "namespace", "port " + u16(d + 22) + " nsid " + u32(d + 24) + " nidt " + u8(d + 28) + " nid "
                + bytes(d + 29, 16));
        put(p + "nqn", string(d + 54));
        int x = u32(d + 60);
        int length = u16(d + 64);
        put(p + "ext", length == 0 ? "(absent)" : "length " + length + " id " + u8(x) + " v" + u8(x + 1) + " ssns "
                + u16(x + 2) + " flags " + hex(u32(x + 4)) + " cntlid " + u16(x + 8) + " asqsz " + u16(x + 10)
                + " root_path " + string(x + 12)
                + (length >= 23 ? " rev1.1 " + bytes(x + 18, 2) + " cto " + u16(x + 20) + " " + bytes(x + 22, 1) : ""));
    }

    private void put(String key, String value) {
        fields.put(key, value);
    }

    private int u8(int at) {
        return b.get(at) & 0xff;
    }

    private int u16(int at) {
        return b.getShort(at) & 0xffff;
    }

    private int u32(int at) {
        return b.getInt(at);
    }

    private String ascii(int at, int length) {
        return new String(b.array(), at, length, StandardCharsets.US_ASCII);
    }

    private String bytes(int at, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append(String.format("%02x", u8(at + i)));
        }
        return hex.toString();
    }

    /** The heap object whose reference is at {@code refAt}, as hex. */
    private String object(int refAt) {
        int length = u16(refAt + 4);
        return length == 0 ? "(absent)" : bytes(u32(refAt), length);
    }

    /**
     * The heap string whose reference is at {@code refAt}, up to its NUL. Writers differ on whether
     * the length counts the NUL (the synthetic fixtures do, firmware does not), so the NUL may be at
     * {@code length - 1} or at {@code length}; a string without one is flagged.
     */
    private String string(int refAt) {
        int offset = u32(refAt);
        int length = u16(refAt + 4);
        if (length == 0) {
            return "(absent)";
        }
        int end = Math.min(offset + length + 1, b.capacity());
        for (int i = offset; i < end; i++) {
            if (u8(i) == 0) {
                return ascii(offset, i - offset);
            }
        }
        return ascii(offset, length) + "<no NUL>";
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
