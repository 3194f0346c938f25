package org.nvmexpress.discoverd.exclusion;

import java.util.regex.Pattern;

/**
 * Which exclusion list: the default one ({@code /etc/nvme/exclusions.conf}) or a named one
 * ({@code /etc/nvme/exclusions.conf.d/NAME.conf}). A name is one or more of
 * {@code [A-Za-z0-9_-]} (reference §11.7), which also keeps every list inside its directory: no
 * {@code /}, no {@code ..}, nothing empty.
 *
 * @param name the list's name, or {@code null} for the default list (upstream's NULL name; a named
 *             list may itself be called {@code default}, so no string can stand for the main file)
 */
public record ListName(String name) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]+");

    /** The main file, {@code /etc/nvme/exclusions.conf}. */
    public static final ListName DEFAULT = new ListName(null);

    /** @throws IllegalArgumentException when {@code name} is not {@code [A-Za-z0-9_-]+} */
    public ListName {
        if (name != null && !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid exclusion list name '" + name
                    + "': use one or more letters, digits, '_' or '-'");
        }
    }

    /** The named list {@code name}, or the default list when {@code name} is {@code null}. */
    public static ListName of(String name) {
        return name == null ? DEFAULT : new ListName(name);
    }

    public boolean isDefault() {
        return name == null;
    }

    /** The name for messages and headers: {@code default} for the main list. */
    public String display() {
        return name == null ? "default" : name;
    }

    @Override
    public String toString() {
        return display();
    }
}
