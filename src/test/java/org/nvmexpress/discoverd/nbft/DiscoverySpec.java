package org.nvmexpress.discoverd.nbft;

import java.nio.ByteBuffer;

/**
 * One discovery descriptor for {@link NbftTableWriter}: 32 bytes, the URI and optional NQN in the
 * heap (reference §7.2). A {@code null} URI or NQN leaves its heap object absent.
 */
final class DiscoverySpec {
    static final int VALID = 0x01;
    static final int DESCRIPTOR_SIZE = 32;

    private final int index;
    private int flags = VALID;
    private int hfiIndex;
    private int securityIndex;
    private String uri;
    private String nqn;

    DiscoverySpec(int index) {
        this.index = index;
    }

    DiscoverySpec flags(int value) {
        flags = value;
        return this;
    }

    DiscoverySpec hfiIndex(int value) {
        hfiIndex = value;
        return this;
    }

    /** 0 = none. */
    DiscoverySpec securityIndex(int value) {
        securityIndex = value;
        return this;
    }

    DiscoverySpec uri(String value) {
        uri = value;
        return this;
    }

    DiscoverySpec nqn(String value) {
        nqn = value;
        return this;
    }

    byte[] descriptor(NbftHeap heap) {
        ByteBuffer d = NbftHeap.littleEndian(DESCRIPTOR_SIZE);
        d.put(0, (byte) 6).put(1, (byte) flags).put(2, (byte) index).put(3, (byte) hfiIndex);
        d.put(4, (byte) securityIndex);
        heap.string(uri).put(d, 6);
        heap.string(nqn).put(d, 12);
        return d.array();
    }
}
