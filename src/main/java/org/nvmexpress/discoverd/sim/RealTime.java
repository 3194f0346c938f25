package org.nvmexpress.discoverd.sim;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's time, for the demo: tasks run on one thread ({@code sim}), while the daemon runs on its
 * own threads as in production.
 */
public final class RealTime implements SimScheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealTime.class);

    private final long start = System.nanoTime();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim");
        t.setDaemon(true);
        return t;
    });

    @Override
    public long nowNanos() {
        return System.nanoTime() - start;
    }

    @Override
    public void after(Duration delay, Runnable task) {
        thread.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // One broken step of the simulation must not end the others: said, and the host goes on.
                LOG.error("simulated host: a scheduled step failed", e);
            }
        }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
