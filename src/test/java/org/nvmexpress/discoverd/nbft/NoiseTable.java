package org.nvmexpress.discoverd.nbft;

import java.util.List;

/**
 * Shapes random bytes into something that passes the whole-table checks often, so that the property
 * tests reach the descriptor readers: signature, length, revision, heap, control and host
 * descriptor set from random field values, every list member given its structure ID and VALID
 * flag, and the checksum fixed.
 */
final class NoiseTable {
    private NoiseTable() {
    }

    /** {@code content} shaped with the 14 random values in {@code f}. */
    static byte[] shape(byte[] content, List<Integer> f) {
        byte[] b = content.clone();
        int size = b.length;
        System.arraycopy(new byte[] {'N', 'B', 'F', 'T'}, 0, b, 0, 4);
        NbftFixtures.putU32(b, 4, size);
        b[8] = 1;
        b[50] = (byte) (f.get(0) % 2);
        int heapOffset = f.get(1) % size;
        NbftFixtures.putU32(b, 36, heapOffset);
        NbftFixtures.putU32(b, 40, f.get(2) % (size - heapOffset + 1));
        b[64] = 1;
        b[70] |= 1;
        int host = 32 + f.get(3) % (size - 32 - 32 + 1);
        NbftFixtures.putU32(b, 72, host);
        b[host] = 2;
        b[host + 1] |= 1;
        list(b, 80, f.get(4), f.get(5), 32, 3, 2);
        list(b, 88, f.get(6), f.get(7), 128, 4, 3);
        list(b, 96, f.get(8), f.get(9), 64, 5, 2);
        list(b, 104, f.get(10), f.get(11), 32, 6, 1);
        return NbftFixtures.withChecksum(b);
    }

    /** A list at a random offset with a random small count; each member that fits gets its ID and VALID flag. */
    private static void list(byte[] b, int field, int offset, int count, int length, int id, int flagsAt) {
        int n = count % 6;
        NbftFixtures.putU32(b, field, offset);
        NbftFixtures.putU16(b, field + 4, length);
        b[field + 7] = (byte) n;
        for (int i = 0; i < n; i++) {
            long at = offset + (long) i * length;
            if (at + length <= b.length && at > 112) {
                b[(int) at] = (byte) id;
                b[(int) at + flagsAt] |= 1;
            }
        }
    }
}
