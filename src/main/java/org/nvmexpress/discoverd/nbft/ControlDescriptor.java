package org.nvmexpress.discoverd.nbft;

/**
 * The control descriptor at table offset 64 (reference §7.2): where the host descriptor and the
 * four descriptor lists are. {@link #read} applies the whole-table rules 5 to 7 of §7.3 to it.
 *
 * @param hostOffset the host descriptor's offset, checked to leave 32 bytes inside the table
 */
record ControlDescriptor(int hostOffset, DescriptorList hfis, DescriptorList ssns, DescriptorList security,
        DescriptorList discovery) {
    static final int OFFSET = 64;
    static final int HOST_SIZE = 32;
    static final int HFI_SIZE = 32;
    static final int SSNS_SIZE = 128;
    static final int SECURITY_SIZE = 64;
    static final int DISCOVERY_SIZE = 32;

    /** The lowest host descriptor offset the rules accept (it is 128 in every real table). */
    private static final int MIN_HOST_OFFSET = 32;

    /**
     * Reads and checks the control descriptor of {@code t}.
     *
     * @throws FieldException naming what is wrong; the table is then rejected
     */
    static ControlDescriptor read(TableBytes t) throws FieldException {
        DescriptorReader.checkValidAndId(t.u8(OFFSET + 6), t.u8(OFFSET), 1, "0x%02x");
        long host = t.u32(OFFSET + 8);
        if (host < MIN_HOST_OFFSET) {
            throw new FieldException("host descriptor offset " + host + " is below " + MIN_HOST_OFFSET);
        }
        if (!TableBytes.fits(host, HOST_SIZE, t.length())) {
            throw new FieldException("host descriptor at offset " + host + " (" + HOST_SIZE
                    + " bytes) extends beyond the table length " + t.length());
        }
        return new ControlDescriptor((int) host,
                list(t, "HFI", OFFSET + 16, HFI_SIZE),
                list(t, "SSNS", OFFSET + 24, SSNS_SIZE),
                list(t, "security", OFFSET + 32, SECURITY_SIZE),
                list(t, "discovery", OFFSET + 40, DISCOVERY_SIZE));
    }

    /** The list whose offset (u32), descriptor length (u16), version and count (u8) start at {@code field}. */
    private static DescriptorList list(TableBytes t, String kind, int field, int structSize) throws FieldException {
        long offset = t.u32(field);
        int length = t.u16(field + 4);
        int count = t.u8(field + 7);
        if (count == 0) {
            return new DescriptorList(kind, offset, length, 0);
        }
        if (length < structSize) {
            throw new FieldException(kind + " descriptor length " + length + " is shorter than the " + structSize
                    + "-byte structure");
        }
        if (offset == 0) {
            throw new FieldException(kind + " list offset is 0 with a count of " + count);
        }
        if (offset > t.length()) {
            throw new FieldException(kind + " list offset " + offset + " is beyond the table length " + t.length());
        }
        if (count > (t.length() - offset) / length) {
            throw new FieldException(count + " " + kind + " descriptors of " + length + " bytes at offset " + offset
                    + " extend beyond the table length " + t.length());
        }
        return new DescriptorList(kind, offset, length, count);
    }
}
