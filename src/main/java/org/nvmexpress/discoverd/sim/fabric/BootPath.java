package org.nvmexpress.discoverd.sim.fabric;

import java.util.Objects;

/**
 * The path the firmware booted from: written as an NBFT table ({@code sys/firmware/acpi/tables/NBFT1}
 * under the simulation's root) with one host interface and one subsystem namespace entry, and
 * connected at the start as the initramfs leaves it.
 *
 * @param subsystem the NQN of an I/O subsystem
 * @param port      the name of one of its ports
 * @param hostIp    the address the firmware configured on the host interface, e.g. {@code 192.168.100.2}
 */
public record BootPath(String subsystem, String port, String hostIp) {
    public BootPath {
        Objects.requireNonNull(subsystem, "subsystem");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(hostIp, "hostIp");
    }
}
