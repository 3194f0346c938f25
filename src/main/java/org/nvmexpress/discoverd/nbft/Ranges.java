package org.nvmexpress.discoverd.nbft;

/** Range checks for the model's compact constructors: table fields are unsigned 8, 16 or 32 bits. */
final class Ranges {
    private Ranges() {
    }

    static int u8(String field, int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException(field + " out of range: " + value);
        }
        return value;
    }

    static int u16(String field, int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException(field + " out of range: " + value);
        }
        return value;
    }

    static long u32(String field, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(field + " out of range: " + value);
        }
        return value;
    }

    static NbftBytes length(String field, NbftBytes bytes, int length) {
        if (bytes.length() != length) {
            throw new IllegalArgumentException(field + " must be " + length + " bytes: " + bytes.length());
        }
        return bytes;
    }
}
