package org.nvmexpress.discoverd.registry;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A controller's kernel name, {@code nvme} followed by its instance number ({@code nvme3}). The only
 * form accepted as a registry directory name (reference §10.2), so a device name can never contain
 * a {@code /} or {@code ..} and never addresses anything outside the registry.
 *
 * @param value the name, e.g. {@code nvme3}
 */
public record DeviceName(String value) implements Comparable<DeviceName> {
    /**
     * The kernel's instance number is an {@code int} (an IDA index), so ten digits are always enough;
     * the cap keeps absurd names from reaching the file system as ENAMETOOLONG.
     */
    private static final Pattern VALID = Pattern.compile("nvme[0-9]{1,10}");

    /** Instance order: {@code nvme2} before {@code nvme10}. */
    private static final Comparator<DeviceName> ORDER = Comparator
            .comparingInt((DeviceName d) -> d.value.length())
            .thenComparing(DeviceName::value);

    public DeviceName {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid device name '" + value
                    + "': expected 'nvme' followed by up to 10 digits, e.g. nvme3");
        }
    }

    /** Whether {@code name} is a valid device name, for skipping foreign directories while listing. */
    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    @Override
    public int compareTo(DeviceName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return value;
    }
}
