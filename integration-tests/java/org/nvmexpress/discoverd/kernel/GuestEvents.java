package org.nvmexpress.discoverd.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerAdded;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerRemoved;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.DiscoveryLogChanged;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The production uevent monitor's events as a guest check receives them: {@link #post} is the
 * monitor's sink (its reader thread), {@link #await} takes them on the check's thread. Every event
 * taken is kept for the report, and for the message when an expected one never comes.
 */
final class GuestEvents {
    /** How long to wait for each expected event: the kernel sends them within milliseconds. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<KernelEvent> queue = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    /** The monitor's sink. */
    void post(KernelEvent event) {
        queue.add(event);
    }

    /** Every event taken so far, in order, as {@code toString()}. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    /**
     * Takes events until one of {@code type} for {@code device} arrives, at most {@link #WAIT} in
     * all; other events (another controller's, a rediscover) are passed over.
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
