package org.nvmexpress.discoverd.exclusion;

import java.util.Objects;

/**
 * A list's whole text and the version it had when read, for a later
 * {@link ExclusionLists#write version-checked write} (reference §11.6, the editor's protocol).
 *
 * @param text    the file decoded as UTF-8 (invalid bytes become U+FFFD); empty when absent
 * @param version FNV-1a-64 of the file's bytes with 0 mapped to 1, or {@link #ABSENT} (0) when
 *                the file does not exist: the same numbers nvme-cli computes, so both tools can
 *                detect each other's changes
 */
public record ListContent(String text, long version) {
    /** The version of a list that does not exist. */
    public static final long ABSENT = 0;

    private static final long FNV1A64_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV1A64_PRIME = 0x100000001b3L;

    public ListContent {
        Objects.requireNonNull(text, "text");
    }

    /**
     * The version of a file with these bytes. Same hash as {@code tid.UnitName}'s, kept here so the
     * two contracts can change apart.
     */
    static long versionOf(byte[] content) {
        long hash = FNV1A64_OFFSET_BASIS;
        for (byte b : content) {
            hash ^= b & 0xff;
            hash *= FNV1A64_PRIME; // Java's wrapping multiply is the mod 2^64 FNV wants
        }
        return hash == ABSENT ? 1 : hash;
    }
}
