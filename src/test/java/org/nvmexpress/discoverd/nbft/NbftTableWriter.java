package org.nvmexpress.discoverd.nbft;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a valid NBFT from a spec, for tests that need tables no firmware wrote (reference §7.2):
 *
 * <pre>{@code
 * byte[] table = new NbftTableWriter()
 *         .host("nqn.2014-08.org.nvmexpress:uuid:…", hostId, 0x07)
 *         .hfi(new HfiSpec(1).mac("52:54:00:b8:19:b9").ip("192.168.49.50", 24))
 *         .ssns(new SsnsSpec(1).target("192.168.49.10", "4420").nqn("nqn.…").hfis(1))
 *         .build();
 * }</pre>
 *
 * <p>Layout, as the tables in the fixtures: header (64 bytes) at 0, control descriptor (64) at 64,
 * host descriptor (32) at 128, then the HFI, SSNS, security and discovery lists in that order
 * (an empty list is all zero in the control descriptor), then the heap. Heap objects are laid out
 * in the order descriptors add them; their offsets count from the table start. The header's length
 * is the table size and the checksum makes the bytes sum to 0 mod 256. {@link #layout()} gives
 * the offsets, so tests can break one field with {@link NbftTableBytes}.
 */
final class NbftTableWriter {
    static final int HEADER_SIZE = 64;
    static final int CONTROL_OFFSET = 64;
    static final int HOST_OFFSET = 128;
    static final int HOST_SIZE = 32;
    static final int VALID = 0x01;

    /** Where the lists and the heap of the table being written start. */
    record Layout(int hfiList, int ssnsList, int securityList, int discoveryList, int heap) {
        int hfi(int i) {
            return hfiList + i * HfiSpec.DESCRIPTOR_SIZE;
        }

        int ssns(int i) {
            return ssnsList + i * SsnsSpec.DESCRIPTOR_SIZE;
        }

        int security(int i) {
            return securityList + i * SecuritySpec.DESCRIPTOR_SIZE;
        }

        int discovery(int i) {
            return discoveryList + i * DiscoverySpec.DESCRIPTOR_SIZE;
        }
    }

    private String oemId = "NVMEJ ";
    private String oemTableId = "TESTNBFT";
    private int oemRevision;
    private String creatorId = "JAVA";
    private int creatorRevision;
    private int minorRevision;
    private String driverDevicePath;
    private int controlFlags = VALID;
    private String hostNqn = "nqn.2014-08.org.nvmexpress:uuid:00000000-0000-0000-0000-000000000000";
    private byte[] hostId = new byte[16];
    private int hostFlags = VALID;
    private final List<HfiSpec> hfis = new ArrayList<>();
    private final List<SsnsSpec> subsystems = new ArrayList<>();
    private final List<SecuritySpec> profiles = new ArrayList<>();
    private final List<DiscoverySpec> discoveries = new ArrayList<>();
    private boolean shareHeapStrings;

    /** Header identity: 6 and 8 characters, padded with spaces or cut. */
    NbftTableWriter oem(String id, String tableId, int revision) {
        oemId = id;
        oemTableId = tableId;
        oemRevision = revision;
        return this;
    }

    /** 4 characters, padded with spaces or cut. */
    NbftTableWriter creator(String id, int revision) {
        creatorId = id;
        creatorRevision = revision;
        return this;
    }

    /** 0 (NBFT 1.0, the default) or 1 (1.1); a parser refuses more. */
    NbftTableWriter minorRevision(int value) {
        minorRevision = value;
        return this;
    }

    /** The header's driver device path signature string; absent by default. */
    NbftTableWriter driverDevicePath(String value) {
        driverDevicePath = value;
        return this;
    }

    /** Default VALID. */
    NbftTableWriter controlFlags(int value) {
        controlFlags = value;
        return this;
    }

    /**
     * @param nqn   the host NQN; {@code null} leaves the heap object absent (a parser rejects that)
     * @param id    16 raw bytes
     * @param flags bit0 VALID, bit1 HOSTID_CONFIGURED, bit2 HOSTNQN_CONFIGURED, bits 4:3 primary admin
     */
    NbftTableWriter host(String nqn, byte[] id, int flags) {
        if (id.length != 16) {
            throw new IllegalArgumentException("host id must be 16 bytes: " + id.length);
        }
        hostNqn = nqn;
        hostId = id.clone();
        hostFlags = flags;
        return this;
    }

    NbftTableWriter hfi(HfiSpec spec) {
        hfis.add(spec);
        return this;
    }

    NbftTableWriter ssns(SsnsSpec spec) {
        subsystems.add(spec);
        return this;
    }

    NbftTableWriter security(SecuritySpec spec) {
        profiles.add(spec);
        return this;
    }

    NbftTableWriter discovery(DiscoverySpec spec) {
        discoveries.add(spec);
        return this;
    }

    /** Equal strings share one heap object (an NQN every SSNS names, say); by default each has its own. */
    NbftTableWriter shareHeapStrings() {
        shareHeapStrings = true;
        return this;
    }

    Layout layout() {
        int hfiList = HOST_OFFSET + HOST_SIZE;
        int ssnsList = hfiList + hfis.size() * HfiSpec.DESCRIPTOR_SIZE;
        int securityList = ssnsList + subsystems.size() * SsnsSpec.DESCRIPTOR_SIZE;
        int discoveryList = securityList + profiles.size() * SecuritySpec.DESCRIPTOR_SIZE;
        int heap = discoveryList + discoveries.size() * DiscoverySpec.DESCRIPTOR_SIZE;
        return new Layout(hfiList, ssnsList, securityList, discoveryList, heap);
    }

    byte[] build() {
        Layout layout = layout();
        NbftHeap heap = new NbftHeap(layout.heap(), shareHeapStrings);
        ByteBuffer table = NbftHeap.littleEndian(layout.heap());
        NbftHeap.Ref devicePath = heap.string(driverDevicePath);
        NbftHeap.Ref nqn = heap.string(hostNqn);
        table.put(HOST_OFFSET, (byte) 2).put(HOST_OFFSET + 1, (byte) hostFlags).put(HOST_OFFSET + 2, hostId);
        nqn.put(table, HOST_OFFSET + 18);
        for (int i = 0; i < hfis.size(); i++) {
            table.put(layout.hfi(i), hfis.get(i).descriptor(heap));
        }
        for (int i = 0; i < subsystems.size(); i++) {
            table.put(layout.ssns(i), subsystems.get(i).descriptor(heap));
        }
        for (int i = 0; i < profiles.size(); i++) {
            table.put(layout.security(i), profiles.get(i).descriptor(heap));
        }
        for (int i = 0; i < discoveries.size(); i++) {
            table.put(layout.discovery(i), discoveries.get(i).descriptor(heap));
        }
        control(table, layout);
        byte[] heapBytes = heap.toByteArray();
        header(table, layout.heap() + heapBytes.length, layout.heap(), heapBytes.length, devicePath);
        byte[] bytes = Arrays.copyOf(table.array(), layout.heap() + heapBytes.length);
        System.arraycopy(heapBytes, 0, bytes, layout.heap(), heapBytes.length);
        NbftTableBytes.fixChecksum(bytes);
        return bytes;
    }

    private void header(ByteBuffer t, int length, int heapOffset, int heapLength, NbftHeap.Ref devicePath) {
        t.put(0, "NBFT".getBytes(StandardCharsets.US_ASCII)).putInt(4, length).put(8, (byte) 1);
        t.put(10, padded(oemId, 6)).put(16, padded(oemTableId, 8)).putInt(24, oemRevision);
        t.put(28, padded(creatorId, 4)).putInt(32, creatorRevision);
        t.putInt(36, heapOffset).putInt(40, heapLength);
        devicePath.put(t, 44);
        t.put(50, (byte) minorRevision);
    }

    private void control(ByteBuffer t, Layout layout) {
        int c = CONTROL_OFFSET;
        t.put(c, (byte) 1).put(c + 1, (byte) 1).putShort(c + 4, (short) 64).put(c + 6, (byte) controlFlags);
        new NbftHeap.Ref(HOST_OFFSET, HOST_SIZE).put(t, c + 8);
        t.put(c + 14, (byte) 1);
        list(t, c + 16, layout.hfiList(), HfiSpec.DESCRIPTOR_SIZE, hfis.size());
        list(t, c + 24, layout.ssnsList(), SsnsSpec.DESCRIPTOR_SIZE, subsystems.size());
        list(t, c + 32, layout.securityList(), SecuritySpec.DESCRIPTOR_SIZE, profiles.size());
        list(t, c + 40, layout.discoveryList(), DiscoverySpec.DESCRIPTOR_SIZE, discoveries.size());
    }

    /** offset u32, descriptor length u16, version u8, count u8; all zero for an empty list. */
    private static void list(ByteBuffer t, int at, int offset, int descriptorLength, int count) {
        if (count > 0xFF) {
            throw new IllegalArgumentException("a list holds at most 255 descriptors: " + count);
        }
        if (count > 0) {
            t.putInt(at, offset).putShort(at + 4, (short) descriptorLength).put(at + 6, (byte) 1);
            t.put(at + 7, (byte) count);
        }
    }

    private static byte[] padded(String text, int size) {
        byte[] bytes = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), size);
        for (int i = text.length(); i < size; i++) {
            bytes[i] = ' ';
        }
        return bytes;
    }
}
