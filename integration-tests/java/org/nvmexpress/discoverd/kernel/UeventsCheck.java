package org.nvmexpress.discoverd.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nvmexpress.discoverd.config.UeventGroup;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerAdded;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerRemoved;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.DiscoveryLogChanged;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
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
 * <p>Runs last in {@link GuestMain#CHECKS}, since it changes the target's configuration.
 */
final class UeventsCheck implements GuestCheck {
    /** How long to wait for each expected event. */
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Path NVMET = Path.of("/sys/kernel/config/nvmet");
    static final Path PORT1_IO2_LINK = NVMET.resolve("ports/1/subsystems").resolve(GuestTarget.IO2_NQN);
    static final Path IO2_SUBSYSTEM = NVMET.resolve("subsystems").resolve(GuestTarget.IO2_NQN);

    @Override
    public String name() {
        return "uevents";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        Events events = new Events(new LinkedBlockingQueue<>(), new ArrayList<>());
        UeventMonitor.Options standard = UeventMonitor.Options.of(UeventGroup.KERNEL);
        try (UeventMonitor monitor = UeventMonitor.open(standard, events.queue()::add)) {
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
                report.put("relinked", String.valueOf(Files.isSymbolicLink(PORT1_IO2_LINK)));
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
    private static DiscoveryLogChanged unlinkIo2From1(Events events, DeviceName dc) throws Exception {
        Files.delete(PORT1_IO2_LINK);
        try {
            return events.await(DiscoveryLogChanged.class, dc);
        } finally {
            Files.createSymbolicLink(PORT1_IO2_LINK, IO2_SUBSYSTEM);
        }
    }

    /**
     * The monitor's events as they arrive, and every one taken so far (for the report, and for the
     * message when an expected one never comes).
     */
    private record Events(BlockingQueue<KernelEvent> queue, List<String> seen) {
        /**
         * Takes events until one of {@code type} for {@code device} arrives, at most {@link #WAIT}
         * in all; other events (another controller's, a rediscover) are passed over.
         */
        <T extends KernelEvent> T await(Class<T> type, DeviceName device) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                KernelEvent next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + type.getSimpleName() + " for " + device + " within "
                            + WAIT.toSeconds() + " s; events seen: " + seen);
                }
                seen.add(next.toString());
                if (type.isInstance(next) && device.equals(deviceOf(next))) {
                    return type.cast(next);
                }
            }
        }
    }

    private static DeviceName deviceOf(KernelEvent event) {
        if (event instanceof ControllerAdded e) {
            return e.device();
        }
        if (event instanceof ControllerRemoved e) {
            return e.device();
        }
        return event instanceof DiscoveryLogChanged e ? e.device() : null;
    }
}
