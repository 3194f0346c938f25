package org.nvmexpress.discoverd.kernel.sysfs;

import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * A TID describing a live controller, for log messages and for recording what was adopted
 * (reference §4.3, with its two faults fixed): {@code host_iface} comes from the {@code address}
 * attribute, where the kernel puts it, and {@code src_addr} is not taken for a pinned
 * {@code host_traddr}. It is not for deciding identity: it still carries the host NQN and the
 * kernel's spelling of things, so compare with {@link ConnectionIdentityMatcher} instead.
 */
public final class SysfsTid {
    private SysfsTid() {
    }

    /**
     * transport, traddr, trsvcid (the role's default when sysfs shows none), subsystem NQN,
     * host_traddr and host_iface when the connection was pinned, and the host NQN; the role is
     * {@link LiveController#isDiscovery()}.
     *
     * @throws InvalidTransportIdException when transport, traddr or subsysnqn is missing, or an
     *                                     address is not valid for the transport; the message
     *                                     names the device
     */
    public static TransportId fromSysfs(LiveController live) {
        ControllerAddress address = live.address();
        String missing = live.transport() == null ? "transport"
                : address.traddr() == null ? "traddr in address"
                : live.subsysnqn() == null ? "subsysnqn" : null;
        if (missing != null) {
            throw new InvalidTransportIdException(live.device() + ": no " + missing + ", cannot describe it as a TID");
        }
        try {
            return TransportId.builder().transport(live.transport()).traddr(address.traddr())
                    .trsvcid(address.trsvcid()).nqn(live.subsysnqn()).hostTraddr(address.hostTraddr())
                    .hostIface(address.hostIface()).hostnqn(live.hostnqn()).build()
                    .withDefaultTrsvcid(live.isDiscovery() ? Role.DC : Role.IOC);
        } catch (InvalidTransportIdException e) {
            InvalidTransportIdException named = new InvalidTransportIdException(live.device() + ": " + e.getMessage());
            named.initCause(e);
            throw named;
        }
    }
}
