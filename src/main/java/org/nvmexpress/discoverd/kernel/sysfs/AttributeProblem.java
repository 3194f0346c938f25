package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.Objects;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * Something wrong with one sysfs attribute of one controller: unreadable, oversized, not text, or
 * a malformed {@code address} field. The attribute is then treated as absent (or the field
 * skipped); the problem is reported, never thrown.
 *
 * @param device    the controller
 * @param attribute the attribute's file name, e.g. {@code address}
 * @param message   what is wrong, naming the offending value or byte offset
 */
public record AttributeProblem(DeviceName device, String attribute, String message) {
    public AttributeProblem {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(message, "message");
    }

    /** {@code nvme3: address: message}. */
    @Override
    public String toString() {
        return device + ": " + attribute + ": " + message;
    }
}
