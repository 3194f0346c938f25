package org.nvmexpress.discoverd.nbft;

/**
 * A heap object that passed the bounds check: {@code length} bytes at {@code offset} from the start
 * of the table, all inside the heap.
 */
record HeapSlice(String field, int offset, int length) {
    HeapSlice {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException(field + ": heap object out of range: offset " + offset + ", length " + length);
        }
    }
}
