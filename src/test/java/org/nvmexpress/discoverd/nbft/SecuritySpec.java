package org.nvmexpress.discoverd.nbft;

import java.nio.ByteBuffer;

/**
 * One security profile for {@link NbftTableWriter}: the 64-byte descriptor, its five policy lists
 * and key path in the heap (reference §7.2). Lists are written whatever the flags say; a parser
 * reads each only when its flag announces it.
 */
final class SecuritySpec {
    static final int VALID = 0x0001;
    static final int DESCRIPTOR_SIZE = 64;

    private final int index;
    private int flags = VALID;
    private int secretType;
    private final byte[][] lists = new byte[5][];
    private String keyPath;

    SecuritySpec(int index) {
        this.index = index;
    }

    /** bit0 VALID and the policy bits of §7.2, written as given; default VALID. */
    SecuritySpec flags(int value) {
        flags = value;
        return this;
    }

    SecuritySpec secretType(int value) {
        secretType = value;
        return this;
    }

    SecuritySpec secureChannelAlgorithms(int... values) {
        return list(0, values);
    }

    SecuritySpec authProtocols(int... values) {
        return list(1, values);
    }

    SecuritySpec cipherSuites(int... values) {
        return list(2, values);
    }

    SecuritySpec kxGroups(int... values) {
        return list(3, values);
    }

    SecuritySpec hashFunctions(int... values) {
        return list(4, values);
    }

    SecuritySpec keyPath(String value) {
        keyPath = value;
        return this;
    }

    private SecuritySpec list(int which, int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        lists[which] = bytes;
        return this;
    }

    byte[] descriptor(NbftHeap heap) {
        ByteBuffer d = NbftHeap.littleEndian(DESCRIPTOR_SIZE);
        d.put(0, (byte) 5).put(1, (byte) index).putShort(2, (short) flags).put(4, (byte) secretType);
        for (int i = 0; i < lists.length; i++) {
            heap.bytes(lists[i]).put(d, 6 + i * NbftHeap.Ref.SIZE);
        }
        heap.string(keyPath).put(d, 36);
        return d.array();
    }
}
