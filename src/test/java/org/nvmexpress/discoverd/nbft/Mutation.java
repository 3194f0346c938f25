package org.nvmexpress.discoverd.nbft;

import java.util.Arrays;

/** One change to a table's bytes, for the property tests; positions wrap around the table's length. */
sealed interface Mutation {
    byte[] apply(byte[] bytes);

    /** Flips one bit. */
    record Flip(int position, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes) {
            byte[] out = bytes.clone();
            if (out.length > 0) {
                out[position % out.length] ^= (byte) (1 << bit);
            }
            return out;
        }
    }

    /** Writes a 16-bit little-endian value (a heap object or descriptor length). */
    record Overwrite16(int position, long value) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes) {
            byte[] out = bytes.clone();
            if (out.length >= 2) {
                NbftFixtures.putU16(out, position % (out.length - 1), (int) value);
            }
            return out;
        }
    }

    /** Writes a 32-bit little-endian value (an offset or the table or heap length). */
    record Overwrite32(int position, long value) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes) {
            byte[] out = bytes.clone();
            if (out.length >= 4) {
                NbftFixtures.putU32(out, position % (out.length - 3), value);
            }
            return out;
        }
    }

    /** Cuts the table to {@code length} bytes (if it is longer). */
    record Truncate(int length) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes) {
            return Arrays.copyOf(bytes, Math.min(length, bytes.length));
        }
    }
}
