package org.nvmexpress.discoverd.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one attribute file in a registry entry: letters, digits, {@code _} and {@code -} only
 * (reference §10.2), so it can never be a path, a hidden file or one of our temporary names.
 *
 * @param value the name, e.g. {@code owner}
 */
public record AttributeName(String value) implements Comparable<AttributeName> {
    /**
     * Leaves room in a 255-byte file name for the {@code .tmp.<random>} suffix of the temporary file
     * an update writes first. Declared before the constants below, which are checked against it.
     */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    /** Who connected the controller: {@code discoverd}, {@code nbft}, {@code stas}, an administrator. */
    public static final AttributeName OWNER = new AttributeName("owner");
    /**
     * The uevent sequence number when the entry was created; the udev cleanup rule keeps an entry whose
     * stamp is not older than the remove event (reference §10.5).
     */
    public static final AttributeName SEQNUM = new AttributeName("seqnum");

    public AttributeName {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid attribute name '" + value
                    + "': expected 1 to 200 of the characters A-Z a-z 0-9 _ -");
        }
    }

    /** Whether {@code name} is a valid attribute name, for skipping foreign files while listing. */
    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    @Override
    public int compareTo(AttributeName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
