package org.nvmexpress.discoverd.systemd;

import java.util.Objects;

/**
 * One {@code (sv)} entry of a {@code StartTransientUnit} call: a unit property's name and its typed
 * value.
 *
 * @param name  systemd's property name, e.g. {@code TimeoutStopUSec}
 * @param value the value with its D-Bus type
 */
public record UnitProperty(String name, PropertyValue value) {
    public UnitProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
