package org.nvmexpress.discoverd.kernel.uevent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded uevent: a device's action, with the environment the kernel (and udev) attached. Built
 * only from a message {@link UeventDecoder} accepted, so the four properties every uevent has are
 * present, agree with the components, and the devpath is absolute.
 *
 * @param action     {@code ACTION}: {@code add}, {@code remove}, {@code change}, {@code bind}, …
 * @param devpath    {@code DEVPATH}: the device's path under {@code /sys}, starting with {@code /}
 * @param subsystem  {@code SUBSYSTEM}: {@code nvme}, {@code fc}, {@code mem}, …
 * @param seqnum     {@code SEQNUM}: the kernel's event counter, increasing by one per uevent
 * @param properties every {@code KEY=VALUE} of the message, in message order
 * @param format     which wire format it came in
 */
public record Uevent(String action, String devpath, String subsystem, long seqnum, Map<String, String> properties,
        Format format) {

    /** The two wire formats on {@code NETLINK_KOBJECT_UEVENT}. */
    public enum Format {
        /** The kernel's: {@code ACTION@DEVPATH\0KEY=VALUE\0…}, on group 1. */
        KERNEL,
        /** udev's: a 40-byte header starting {@code libudev\0}, then {@code KEY=VALUE\0…}, on group 2. */
        LIBUDEV
    }

    public Uevent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(devpath, "devpath");
        Objects.requireNonNull(subsystem, "subsystem");
        Objects.requireNonNull(format, "format");
        if (action.isEmpty() || subsystem.isEmpty()) {
            throw new IllegalArgumentException("action and subsystem must not be empty: '" + action + "', '"
                    + subsystem + "'");
        }
        if (!devpath.startsWith("/")) {
            throw new IllegalArgumentException("devpath is not absolute: '" + devpath + "'");
        }
        if (seqnum < 0) {
            throw new IllegalArgumentException("seqnum out of range: " + seqnum);
        }
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The device's kernel name, the last component of {@link #devpath} ({@code nvme0}). */
    public String sysname() {
        return devpath.substring(devpath.lastIndexOf('/') + 1);
    }

    /** {@code DEVNAME}: the device node ({@code nvme0} from the kernel, {@code /dev/nvme0} from udev). */
    public Optional<String> devname() {
        return property("DEVNAME");
    }

    /** The value of property {@code key}, or empty. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** For log lines: {@code nvme change /devices/virtual/nvme-fabrics/ctl/nvme0 (seqnum 4711)}. */
    public String describe() {
        return LogText.quotedIfOdd(subsystem) + " " + LogText.quotedIfOdd(action) + " "
                + LogText.quotedIfOdd(devpath) + " (seqnum " + seqnum + ")";
    }
}
