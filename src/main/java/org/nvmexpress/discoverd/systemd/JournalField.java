package org.nvmexpress.discoverd.systemd;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of a journal entry. Names follow systemd's rules for fields a client may send
 * (systemd.journal-fields(7)): upper-case letters, digits and underscores, not starting with a
 * digit or an underscore (those are the trusted fields journald adds itself), at most 64 characters.
 *
 * @param name  the field name, e.g. {@code MESSAGE}
 * @param value any text, line breaks included
 */
public record JournalField(String name, String value) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public JournalField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a journal field name a client may send: '" + name + "'");
        }
    }
}
