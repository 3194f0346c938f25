package org.nvmexpress.discoverd.kernel;

import java.nio.file.Files;
import org.nvmexpress.discoverd.config.UeventGroup;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.kernel.admin.DeviceDiscoveryLogs;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerAdded;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerRemoved;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.DiscoveryLogChanged;
import org.nvmexpress.discoverd.kernel.uevent.UeventCounters;
import org.nvmexpress.discoverd.kernel.uevent.UeventMonitor;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The daemon's rediscovery on a real fabric change, from the target's AEN to the new page: with the
 * production {@link UeventMonitor} listening and a persistent DC connection to port 1 held (with a
 * keep-alive), test-io2 is unlinked from port 1 in configfs; the target sends a Discovery Log Page
 * Changed AEN, the monitor turns it into {@link DiscoveryLogChanged} for that DC, and a fetch
 * through {@code DeviceDiscoveryLogs.of(root)} no longer lists test-io2 on 4420. Linking it back
 * must bring a second AEN and test-io2 back.
 *
 * <p>The second AEN is the point: nvmet masks the notice once sent, and unmasks it only when the
 * host reads the log page with RAE clear. So it proves that the port's fetch re-arms the event, as
 * the daemon needs to hear about the next change; a fetch that kept RAE set on its last command
 * would leave the DC silent. (Tried once by hand on this kernel: after a header read with RAE set,
 * relinking brought no notice within 15 s; after one with RAE clear, the next unlink did.)
 *
 * <p>Changes the target (and moves its generation counter on), so it runs among the last checks.
 */
final class DlpChangesCheck implements GuestCheck {

    @Override
    public String name() {
        return "dlp-changes";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        GuestEvents events = new GuestEvents();
        DiscoveryLogSource source = DeviceDiscoveryLogs.of(DlpSourceCheck.ROOT);
        try (UeventMonitor monitor = UeventMonitor.open(UeventMonitor.Options.of(UeventGroup.KERNEL), events::post)) {
            GuestFabrics.Connected dc = GuestFabrics.connect(GuestTarget.port1PersistentDcOptions());
            report.put("dc", dc.device());
            DeviceName device = new DeviceName(dc.device());
            long[] seqnums = new long[4];
            long[] genctrs = new long[3];
            try {
                report.put("kato", GuestFabrics.attribute(dc, "kato"));
                seqnums[0] = events.await(ControllerAdded.class, device).seqnum();
                genctrs[0] = GuestPages.fetch(source, dc.device(), report, "before").page().genctr();
                Files.delete(GuestTarget.PORT1_IO2_LINK);
                try {
                    DiscoveryLogChanged unlinked = events.await(DiscoveryLogChanged.class, device);
                    report.put("unlinked.changed", unlinked.device() + " " + unlinked.trigger());
                    seqnums[1] = unlinked.seqnum();
                    genctrs[1] = GuestPages.fetch(source, dc.device(), report, "unlinked").page().genctr();
                } finally {
                    Files.createSymbolicLink(GuestTarget.PORT1_IO2_LINK, GuestTarget.IO2_SUBSYSTEM);
                }
                DiscoveryLogChanged relinked = events.await(DiscoveryLogChanged.class, device);
                report.put("relinked.changed", relinked.device() + " " + relinked.trigger());
                seqnums[2] = relinked.seqnum();
                FetchResult.Fetched back = GuestPages.fetch(source, dc.device(), report, "relinked");
                genctrs[2] = back.page().genctr();
                report.put("state", GuestFabrics.attribute(dc, "state"));
            } finally {
                GuestFabrics.delete(dc);
            }
            ControllerRemoved removed = events.await(ControllerRemoved.class, device);
            report.put("removed", removed.device().value());
            seqnums[3] = removed.seqnum();
            report.put("seqnums-ascending", String.valueOf(ascending(seqnums)));
            report.put("genctrs-ascending", String.valueOf(ascending(genctrs)));
            UeventCounters counters = monitor.counters();
            report.put("rejected", String.valueOf(counters.rejected()));
            report.put("malformed", String.valueOf(counters.malformed()));
            report.put("overflows", String.valueOf(counters.overflows()));
        } finally {
            report.put("relinked", String.valueOf(Files.isSymbolicLink(GuestTarget.PORT1_IO2_LINK)));
            report.put("seen", String.join("; ", events.seen()));
        }
    }

    /** Strictly ascending; the generation counter is unsigned, but nvmet's starts near 0. */
    private static boolean ascending(long[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] <= values[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
