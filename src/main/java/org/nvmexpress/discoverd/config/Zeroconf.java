package org.nvmexpress.discoverd.config;

import java.util.Optional;

/**
 * {@code zeroconf} in {@code nvme-discoverd.conf}: whether, and through which service, the daemon
 * browses for discovery controllers announced with DNS-SD (TP8009). Off by default: at most one
 * orchestrator on a host should browse, and nvme-stas does by default.
 */
public enum Zeroconf {
    /** No browsing. */
    NO("no"),
    /** avahi-daemon over D-Bus, as nvme-stas browses. */
    AVAHI("avahi"),
    /** systemd-resolved over varlink ({@code io.systemd.Resolve.BrowseServices}, systemd 258 and later). */
    RESOLVED("resolved"),
    /** resolved when it offers {@code BrowseServices}, else avahi when its D-Bus name is present. */
    AUTO("auto");

    private final String configName;

    Zeroconf(String configName) {
        this.configName = configName;
    }

    /** The value {@code value} names, ASCII case ignored as for the other keys; empty for anything else. */
    public static Optional<Zeroconf> fromConfigName(String value) {
        String lower = ValueSyntax.asciiLowerCase(value);
        for (Zeroconf mode : values()) {
            if (mode.configName.equals(lower)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** As written in the configuration. */
    public String configName() {
        return configName;
    }
}
