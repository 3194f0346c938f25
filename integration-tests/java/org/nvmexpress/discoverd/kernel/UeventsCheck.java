package org.nvmexpress.discoverd.kernel;

import java.nio.file.Files;
import org.nvmexpress.discoverd.config.UeventGroup;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerAdded;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerRemoved;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.DiscoveryLogChanged;
import org.nvmexpress.discoverd.kernel.uevent.UeventCounters;
import org.nvmexpress.discoverd.kernel.uevent.UeventMonitor;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The production {@link UeventMonitor} on the kernel's own uevents (reference §4.2): on the kernel
 * group with the standard sender policy (the guest has no udevd), it must turn a new discovery
 * controller into {@link ControllerAdded}, the target's Discovery Log Page Changed notice (sent when
 * test-io2 is unlinked from port 1 in configfs) into {@link DiscoveryLogChanged} for that controller,
 * and its deletion into {@link ControllerRemoved}. test-io2 is linked again afterwards.
 *
 * <p>Runs last in {@link GuestMain#CHECKS}, since it changes the target's configuration. It reads no
 * page between unlink and relink, so the target sends no second notice ({@link DlpChangesCheck}
 * does read, and gets one).
 */
final class UeventsCheck implements GuestCheck {
    @Override
    public String name() {
        return "uevents";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        GuestEvents events = new GuestEvents();
        UeventMonitor.Options standard = UeventMonitor.Options.of(UeventGroup.KERNEL);
        try (UeventMonitor monitor = UeventMonitor.open(standard, events::post)) {
            GuestFabrics.Connected dc = GuestFabrics.connect(GuestTarget.port1Options(GuestTarget.DISCOVERY_NQN));
            report.put("dc", dc.device());
            DeviceName device = new DeviceName(dc.device());
            ControllerAdded added;
            DiscoveryLogChanged changed;
            try {
                added = events.await(ControllerAdded.class, device);
                report.put("added", added.device().value());
                changed = unlinkIo2From1(events, device);
                report.put("changed", changed.device() + " " + changed.trigger());
                report.put("relinked", String.valueOf(Files.isSymbolicLink(GuestTarget.PORT1_IO2_LINK)));
            } finally {
                GuestFabrics.delete(dc);
            }
            ControllerRemoved removed = events.await(ControllerRemoved.class, device);
            report.put("removed", removed.device().value());
            report.put("seqnums-ascending", String.valueOf(
                    added.seqnum() < changed.seqnum() && changed.seqnum() < removed.seqnum()));
            UeventCounters counters = monitor.counters();
            report.put("rejected", String.valueOf(counters.rejected()));
            report.put("malformed", String.valueOf(counters.malformed()));
            report.put("overflows", String.valueOf(counters.overflows()));
        } finally {
            report.put("seen", String.join("; ", events.seen()));
        }
    }

    /** Unlinks test-io2 from port 1, waits for {@code dc}'s log page change, and links it again. */
    private static DiscoveryLogChanged unlinkIo2From1(GuestEvents events, DeviceName dc) throws Exception {
        Files.delete(GuestTarget.PORT1_IO2_LINK);
        try {
            return events.await(DiscoveryLogChanged.class, dc);
        } finally {
            Files.createSymbolicLink(GuestTarget.PORT1_IO2_LINK, GuestTarget.IO2_SUBSYSTEM);
        }
    }
}
