package org.nvmexpress.discoverd.registry;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One controller's registry entry as read: its device and its non-empty attributes, sorted by name.
 *
 * @param device     the controller
 * @param attributes every readable, non-empty attribute, by name
 */
public record RegistryEntry(DeviceName device, Map<AttributeName, String> attributes) {
    public RegistryEntry {
        Objects.requireNonNull(device, "device");
        attributes = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    /** The orchestrator that owns the controller, absent when nobody claimed it. */
    public Optional<String> owner() {
        return Optional.ofNullable(attributes.get(AttributeName.OWNER));
    }
}
