package org.nvmexpress.discoverd.kernel.sysfs;

import java.time.Duration;
import java.util.Objects;
import org.nvmexpress.discoverd.kernel.Sleeper;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * Waits until a controller announced by an {@code add} uevent can be identified. The C daemon
 * always waits a fixed second ("sysfs attributes settle about a second after the add uevent",
 * reference §4.5); this reads the attributes at once and again after short pauses until
 * {@link LiveController#isPopulated()} holds, so the common case costs no wait at all and a slow
 * controller gets a bounded number of tries.
 *
 * <p>Blocks through its {@link Sleeper}: run it on a worker, never on the loop.
 */
public final class ControllerSettler {
    /** Twenty reads 50 ms apart: at most about a second, what upstream always waits. */
    public static final int DEFAULT_READS = 20;

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private final Sysfs sysfs;
    private final Sleeper sleeper;
    private final int maxReads;
    private final Duration interval;

    /**
     * @param maxReads how many times to read at most (at least 1)
     * @param interval the pause between two reads (not negative)
     */
    public ControllerSettler(Sysfs sysfs, Sleeper sleeper, int maxReads, Duration interval) {
        this.sysfs = Objects.requireNonNull(sysfs, "sysfs");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (maxReads < 1) {
            throw new IllegalArgumentException("maxReads must be at least 1: " + maxReads);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        this.maxReads = maxReads;
    }

    /** With {@link #DEFAULT_READS} and {@link #DEFAULT_INTERVAL}. */
    public ControllerSettler(Sysfs sysfs, Sleeper sleeper) {
        this(sysfs, sleeper, DEFAULT_READS, DEFAULT_INTERVAL);
    }

    /**
     * Reads {@code device} until it is populated, gone, or {@code maxReads} readings were made.
     *
     * @throws InterruptedException when interrupted while pausing (the flag is cleared, as usual)
     */
    public SettledController await(DeviceName device) throws InterruptedException {
        ControllerReading.Found last = null;
        for (int read = 1; read <= maxReads; read++) {
            if (read > 1) {
                sleeper.sleep(interval);
            }
            ControllerReading reading = sysfs.controller(device);
            if (!(reading instanceof ControllerReading.Found found)) {
                return new SettledController.Vanished(device, read);
            }
            last = found;
            if (last.controller().isPopulated()) {
                return new SettledController.Populated(last, read);
            }
        }
        return new SettledController.Incomplete(last, maxReads, last.controller().missingAttributes());
    }
}
