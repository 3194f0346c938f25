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
    final Pin pin;
    final int ctrlLossTmo;
    final int reconnectDelay;
    final String identityKey;
    String state = "live";
    long outages;

    SimController(int instance, Port port, String subsysnqn, boolean discovery, String hostnqn, String hostid,
            Pin pin, int ctrlLossTmo, int reconnectDelay, String identityKey) {
        this.instance = instance;
        this.device = new DeviceName("nvme" + instance);
        this.port = port;
        this.subsysnqn = subsysnqn;
        this.discovery = discovery;
        this.hostnqn = hostnqn;
        this.hostid = hostid;
        this.pin = pin;
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
                + pin.hostTraddr().map(h -> ",host_traddr=" + h).orElse("")
                + pin.hostIface().map(h -> ",host_iface=" + h).orElse("");
    }

    /**
     * What ties a connection to the host's side: a source address, an interface. The kernel's
     * {@code nvmf_ip_options_match} tells a pinned connection from an unpinned one, and the sysfs
     * {@code address} shows both.
     */
    record Pin(Optional<String> hostTraddr, Optional<String> hostIface) {
        static final Pin NONE = new Pin(Optional.empty(), Optional.empty());

        /**
         * As the production lookup's matcher: a TID's unset field matches any, a set one only that
         * value (the sim writes no {@code src_addr}, so an unpinned controller never stands for a
         * pinned TID).
         */
        boolean satisfies(org.nvmexpress.discoverd.tid.TransportId tid) {
            return (tid.hostTraddr() == null || hostTraddr.equals(Optional.of(tid.hostTraddr())))
                    && (tid.hostIface() == null || hostIface.equals(Optional.of(tid.hostIface())));
        }
    }
}
