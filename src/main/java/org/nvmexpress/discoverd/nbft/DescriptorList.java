package org.nvmexpress.discoverd.nbft;

/**
 * Where the control descriptor says one list of descriptors is (reference §7.2): {@code count}
 * descriptors of {@code length} bytes each from {@code offset}. Once {@link ControlDescriptor} has
 * accepted it, every member lies inside the table and is at least as long as its structure.
 *
 * @param kind   {@code HFI}, {@code SSNS}, {@code security} or {@code discovery}, for messages
 * @param offset the table offset of the first descriptor
 * @param length the length of each descriptor (may exceed the structure's size)
 * @param count  how many there are
 */
record DescriptorList(String kind, long offset, int length, int count) {
    /** The table offset of member {@code position}. */
    int offsetOf(int position) {
        if (position < 0 || position >= count) {
            throw new IndexOutOfBoundsException(kind + " descriptor " + position + " of " + count);
        }
        return (int) (offset + (long) position * length);
    }

    /** How messages name member {@code position}: {@code SSNS descriptor 2}. */
    String name(int position) {
        return kind + " descriptor " + position;
    }
}
