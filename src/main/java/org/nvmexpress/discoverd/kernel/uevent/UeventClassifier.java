package org.nvmexpress.discoverd.kernel.uevent;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * Turns a trusted, decoded {@link Uevent} into the {@link KernelEvent} the daemon acts on, by the C
 * daemon's rules (reference §4.2, §4.4). Pure and stateless: no sysfs reads, so the soak delay and
 * the {@code cntrltype} checks stay with the consumer.
 *
 * <ul>
 * <li>{@code nvme add} / {@code remove}: controller added / removed.
 * <li>{@code nvme change}: {@code NVME_AEN=0x70f002} (compared as the exact string the kernel
 * prints) or {@code NVME_EVENT=rediscover} is a possible Discovery Log Page change; nothing else.
 * <li>{@code fc}, any action, {@code FC_EVENT=nvmediscovery}: an FC discovery controller, from
 * {@code NVMEFC_TRADDR} (required) and {@code NVMEFC_HOST_TRADDR} (optional).
 * <li>Everything else is ignored.
 * </ul>
 * An nvme device not named {@code nvme<N>}, or an FC event whose addresses do not make a valid TID,
 * is {@link Invalid}: reported, never acted on.
 */
public final class UeventClassifier {
    /** Discovery Log Page Change notice: AEN type 2 (notice), info 0xf0, log page 0x70. */
    static final String DISCOVERY_LOG_CHANGED_AEN = "0x70f002";

    /** The outcome for one uevent. */
    public sealed interface Classification {
    }

    /** The daemon must act on {@code event}. */
    public record Relevant(KernelEvent event) implements Classification {
        public Relevant {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Nothing for the daemon; {@code why} is for debug logs. */
    public record Ignored(String why) implements Classification {
        public Ignored {
            Objects.requireNonNull(why, "why");
        }
    }

    /** A uevent of interest whose content cannot be used; {@code problem} is reported. */
    public record Invalid(String problem) implements Classification {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
        }
    }

    private UeventClassifier() {
    }

    public static Classification classify(Uevent uevent) {
        return switch (uevent.subsystem()) {
            case "nvme" -> nvme(uevent);
            case "fc" -> fc(uevent);
            default -> new Ignored("subsystem " + LogText.quoted(uevent.subsystem()) + " is not watched");
        };
    }

    private static Classification nvme(Uevent uevent) {
        String action = uevent.action();
        if (!action.equals("add") && !action.equals("remove") && !action.equals("change")) {
            return new Ignored("nvme action " + LogText.quoted(action) + " is not used");
        }
        String sysname = uevent.sysname();
        // Checked here, not left to DeviceName's constructor: a bad name from the wire is a counted
        // malformed uevent, never an exception out of the reader; it could also walk out of /sys/class/nvme.
        if (!DeviceName.isValid(sysname)) {
            return new Invalid("nvme device " + LogText.quoted(sysname) + " is not named nvme<N>");
        }
        DeviceName device = new DeviceName(sysname);
        long seqnum = uevent.seqnum();
        return switch (action) {
            case "add" -> new Relevant(new KernelEvent.ControllerAdded(device, seqnum));
            case "remove" -> new Relevant(new KernelEvent.ControllerRemoved(device, seqnum));
            default -> change(uevent, device);
        };
    }

    private static Classification change(Uevent uevent, DeviceName device) {
        Optional<KernelEvent.Trigger> trigger;
        if (uevent.property("NVME_AEN").filter(DISCOVERY_LOG_CHANGED_AEN::equals).isPresent()) {
            trigger = Optional.of(KernelEvent.Trigger.LOG_PAGE_CHANGED_NOTICE);
        } else if (uevent.property("NVME_EVENT").filter("rediscover"::equals).isPresent()) {
            trigger = Optional.of(KernelEvent.Trigger.REDISCOVER);
        } else {
            trigger = Optional.empty();
        }
        return trigger.<Classification>map(t -> new Relevant(new KernelEvent.DiscoveryLogChanged(device, t,
                uevent.seqnum()))).orElseGet(() -> new Ignored(
                        "nvme change without NVME_AEN=" + DISCOVERY_LOG_CHANGED_AEN + " or NVME_EVENT=rediscover"));
    }

    private static Classification fc(Uevent uevent) {
        if (uevent.property("FC_EVENT").filter("nvmediscovery"::equals).isEmpty()) {
            return new Ignored("fc event without FC_EVENT=nvmediscovery");
        }
        Optional<String> traddr = uevent.property("NVMEFC_TRADDR").filter(v -> !v.isEmpty());
        if (traddr.isEmpty()) {
            return new Invalid("fc nvmediscovery event without NVMEFC_TRADDR");
        }
        String hostTraddr = uevent.property("NVMEFC_HOST_TRADDR").filter(v -> !v.isEmpty()).orElse(null);
        try {
            TransportId tid = TransportId.builder().transport("fc").traddr(traddr.get())
                    .nqn(ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN).hostTraddr(hostTraddr).build();
            return new Relevant(new KernelEvent.FcDiscovery(tid, uevent.seqnum()));
        } catch (InvalidTransportIdException e) {
            return new Invalid("fc nvmediscovery event: " + LogText.printable(e.getMessage()));
        }
    }
}
