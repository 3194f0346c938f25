package org.nvmexpress.discoverd.kernel.uevent;

import java.util.Objects;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * What the uevent monitor tells the daemon, one immutable value per relevant uevent (ARCHITECTURE
 * §4: adapters post immutable events). Only the {@code nvme} and {@code fc} subsystems produce
 * events (reference §4.2, §4.4); {@link EventsLost} says some uevents never arrived.
 */
public sealed interface KernelEvent {
    /**
     * An NVMe controller device appeared ({@code nvme add}). The daemon waits for sysfs to settle
     * (§4.5) before reading its {@code cntrltype}.
     *
     * @param device the controller
     * @param seqnum the uevent's sequence number
     */
    record ControllerAdded(DeviceName device, long seqnum) implements KernelEvent {
        public ControllerAdded {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * An NVMe controller device went away ({@code nvme remove}).
     *
     * @param device the controller
     * @param seqnum the uevent's sequence number
     */
    record ControllerRemoved(DeviceName device, long seqnum) implements KernelEvent {
        public ControllerRemoved {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * A controller says its Discovery Log Page may have changed ({@code nvme change}, §4.2).
     *
     * @param device  the controller
     * @param trigger why
     * @param seqnum  the uevent's sequence number
     */
    record DiscoveryLogChanged(DeviceName device, Trigger trigger, long seqnum) implements KernelEvent {
        public DiscoveryLogChanged {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    /** What made a {@link DiscoveryLogChanged}. */
    enum Trigger {
        /** {@code NVME_AEN=0x70f002}: the controller sent a Discovery Log Page Change notice. */
        LOG_PAGE_CHANGED_NOTICE,
        /**
         * {@code NVME_EVENT=rediscover}: the controller reconnected. The kernel sends it for I/O
         * controllers too; only a controller whose sysfs {@code cntrltype} is {@code discovery}
         * counts, and that check, which needs sysfs, is the consumer's.
         */
        REDISCOVER
    }

    /**
     * An FC remote port offers a discovery controller ({@code fc}, {@code FC_EVENT=nvmediscovery},
     * §4.4, §6.2), typically after an FC kickstart.
     *
     * @param tid    transport {@code fc}, traddr {@code NVMEFC_TRADDR}, host-traddr
     *               {@code NVMEFC_HOST_TRADDR} when given, the well-known discovery NQN, no trsvcid
     * @param seqnum the uevent's sequence number
     */
    record FcDiscovery(TransportId tid, long seqnum) implements KernelEvent {
        public FcDiscovery {
            Objects.requireNonNull(tid, "tid");
        }
    }

    /**
     * The kernel dropped uevents because the monitor's receive buffer was full ({@code ENOBUFS}).
     * Which ones is unknown: the daemon must rescan sysfs. Sent after the uevents that were still
     * queued, once the kernel delivers again, so a rescan started on it misses nothing. The
     * monitor keeps running.
     *
     * @param overflows how many times this has happened since the monitor started, at least 1
     */
    record EventsLost(long overflows) implements KernelEvent {
        public EventsLost {
            if (overflows < 1) {
                throw new IllegalArgumentException("overflows out of range: " + overflows);
            }
        }
    }
}
