package org.nvmexpress.discoverd.dlp;

/**
 * libnvme's rule for naming a code (its {@code arg_str}): the table's string for the value, or
 * {@code unrecognized} for a value past the table or in a gap. Never null.
 */
final class Names {
    /** What libnvme prints for a code it has no name for. */
    static final String UNRECOGNIZED = "unrecognized";

    private Names() {
    }

    static String of(String[] table, int value) {
        return value >= 0 && value < table.length && table[value] != null ? table[value] : UNRECOGNIZED;
    }

    /** Checks that {@code value} fits an unsigned field of {@code bits} bits. */
    static int unsigned(String field, int value, int bits) {
        if (value < 0 || value >= 1 << bits) {
            throw new IllegalArgumentException(field + " out of range: " + value);
        }
        return value;
    }
}
