package org.nvmexpress.discoverd.sim;

import java.util.Optional;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.Port;

/**
 * One controller of the simulated kernel. Its identity is fixed at connect; its state moves between
 * {@code live} and {@code connecting} as its port comes and goes ({@link #outages} tells a timer set
 * during one outage from the next).
 *
 * @param discovery  a discovery controller (cntrltype {@code discovery})
 * @param ctrlLossTmo seconds the kernel keeps reconnecting before it deletes the controller; negative
 *                   for ever
 */
final class SimController {
    final int instance;
    final DeviceName device;
    final Port port;
    final String subsysnqn;
    final boolean discovery;
    final String hostnqn;
    final String hostid;
    final Optional<String> hostTraddr;
    final int ctrlLossTmo;
    final int reconnectDelay;
    final String identityKey;
    String state = "live";
    long outages;

    SimController(int instance, Port port, String subsysnqn, boolean discovery, String hostnqn, String hostid,
            Optional<String> hostTraddr, int ctrlLossTmo, int reconnectDelay, String identityKey) {
        this.instance = instance;
        this.device = new DeviceName("nvme" + instance);
        this.port = port;
        this.subsysnqn = subsysnqn;
        this.discovery = discovery;
        this.hostnqn = hostnqn;
        this.hostid = hostid;
        this.hostTraddr = hostTraddr;
        this.ctrlLossTmo = ctrlLossTmo;
        this.reconnectDelay = reconnectDelay;
        this.identityKey = identityKey;
    }

    boolean live() {
        return "live".equals(state);
    }

    /** The {@code address} attribute as the kernel writes it. */
    String address() {
        return "traddr=" + port.traddr() + ",trsvcid=" + port.trsvcid()
                + hostTraddr.map(h -> ",host_traddr=" + h).orElse("");
    }
}
