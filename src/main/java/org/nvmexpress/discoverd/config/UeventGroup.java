package org.nvmexpress.discoverd.config;

import java.util.Optional;

/**
 * Which stream of device events the daemon listens to, {@code uevent-source} in
 * {@code nvme-discoverd.conf} (reference §4.1). The kernel announces each device change on netlink
 * group 1; udev re-announces it on group 2 once its rules have run, so sysfs attributes and device
 * nodes are ready. The netlink numbers belong to the {@code kernel} package, not to this setting.
 */
public enum UeventGroup {
    /** Events after udev processed them, the C daemon's choice; needs a running udevd. */
    UDEV("udev"),
    /** The kernel's own events: for hosts or containers without udevd, e.g. an initramfs. */
    KERNEL("kernel");

    private final String configName;

    UeventGroup(String configName) {
        this.configName = configName;
    }

    /** The spelling in the configuration file: {@code udev kernel}. */
    public String configName() {
        return configName;
    }

    /** The group spelled {@code value} (ASCII case-insensitive), or empty. */
    public static Optional<UeventGroup> fromConfigName(String value) {
        String lower = ValueSyntax.asciiLowerCase(value);
        for (UeventGroup group : values()) {
            if (group.configName.equals(lower)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
