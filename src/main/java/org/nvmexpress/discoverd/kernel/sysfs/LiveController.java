package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * What sysfs says about one controller, {@code /sys/class/nvme/nvmeN/*}, read at one moment. Every
 * text component is the attribute's content without its trailing newline, or {@code null} when the
 * attribute is missing, empty or unreadable (the reader reports why).
 *
 * @param device    the controller's kernel name
 * @param transport {@code tcp}, {@code rdma}, {@code fc}, {@code loop}, or {@code pcie} for a local drive
 * @param address   the parsed {@code address} attribute; {@link ControllerAddress#EMPTY} when missing
 * @param subsysnqn the NQN the controller reports in Identify Controller: for a discovery controller
 *                  with a unique discovery NQN this is that NQN, even when it was connected through
 *                  the well-known discovery NQN
 * @param hostnqn   the host NQN the connection was made with
 * @param hostid    the host ID the connection was made with
 * @param cntrltype {@code io}, {@code discovery} or {@code admin} (kernels without it: absent)
 * @param state     {@code live}, {@code connecting}, {@code resetting}, {@code deleting}, …
 * @param dctype    {@code none}, {@code ddc} or {@code cdc}, only on discovery controllers of newer kernels
 */
public record LiveController(DeviceName device, String transport, ControllerAddress address, String subsysnqn,
        String hostnqn, String hostid, String cntrltype, String state, String dctype) {

    public LiveController {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(address, "address");
    }

    /**
     * Whether this is a discovery controller: {@code cntrltype} says {@code discovery}, or, on
     * kernels that do not report {@code cntrltype}, its subsystem is the well-known discovery NQN.
     * Upstream treats everything else as an I/O controller, and so do we.
     */
    public boolean isDiscovery() {
        if (cntrltype != null) {
            return cntrltype.equals("discovery");
        }
        return ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN.equals(subsysnqn);
    }

    /**
     * The attributes still missing before this controller can be identified, in reading order:
     * {@code transport}, {@code address}, {@code subsysnqn}, {@code state}. Right after an
     * {@code add} uevent some are not populated yet. A {@code loop} controller connected without a
     * {@code traddr} has an empty address for good, so the address is not waited for there.
     */
    public List<String> missingAttributes() {
        List<String> missing = new ArrayList<>(4);
        if (transport == null) {
            missing.add(SysfsReader.TRANSPORT);
        }
        if (address.isEmpty() && !"loop".equals(transport)) {
            missing.add(SysfsReader.ADDRESS);
        }
        if (subsysnqn == null) {
            missing.add(SysfsReader.SUBSYSNQN);
        }
        if (state == null) {
            missing.add(SysfsReader.STATE);
        }
        return missing;
    }

    /** True when {@link #missingAttributes()} is empty. */
    public boolean isPopulated() {
        return missingAttributes().isEmpty();
    }
}
