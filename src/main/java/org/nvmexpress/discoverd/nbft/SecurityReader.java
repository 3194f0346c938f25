package org.nvmexpress.discoverd.nbft;

import java.util.function.Consumer;

/**
 * Reads a security profile descriptor (reference §7.2, §7.3). A policy list is read only when the
 * flags announce it; an announced list that is not inside the heap drops the profile, and so does
 * a key path that is not a valid string.
 */
final class SecurityReader implements DescriptorReader<NbftSecurity> {
    private static final int SECURE_CHANNEL_LIST = 0x0180;
    private static final int AUTH_LIST = 0x0018;
    private static final int CIPHER_SUITES = 0x0200;
    private static final int KX_GROUPS = 0x0400;
    private static final int HASH_FUNCTIONS = 0x0800;

    private final TableBytes t;

    SecurityReader(TableBytes t) {
        this.t = t;
    }

    @Override
    public NbftSecurity read(int off, Consumer<String> note) throws FieldException {
        int flags = t.u16(off + 2);
        DescriptorReader.checkValidAndId(flags, t.u8(off), 5, "0x%04x");
        return new NbftSecurity(t.u8(off + 1), flags, t.u8(off + 4),
                list(flags, SECURE_CHANNEL_LIST, off + 6, "secure channel algorithm list"),
                list(flags, AUTH_LIST, off + 12, "authentication protocol list"),
                list(flags, CIPHER_SUITES, off + 18, "cipher suite list"),
                list(flags, KX_GROUPS, off + 24, "key exchange group list"),
                list(flags, HASH_FUNCTIONS, off + 30, "hash function list"),
                t.heapString(off + 36, "key path"));
    }

    private NbftBytes list(int flags, int announcedBy, int field, String name) throws FieldException {
        return (flags & announcedBy) == 0 ? NbftBytes.EMPTY : t.heapBytes(field, name);
    }
}
