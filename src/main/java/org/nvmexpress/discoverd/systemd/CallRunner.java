package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the unit manager's D-Bus calls run: one dedicated thread, so a hung bus never blocks the
 * daemon's loop (ARCHITECTURE §4) and calls reach systemd one at a time, in order. A port, so unit
 * tests run the same code on the test thread in virtual time.
 */
interface CallRunner extends AutoCloseable {

    /** Runs {@code task} soon, after the tasks before it. */
    void execute(Runnable task);

    /** Runs {@code task} once {@code delay} has passed. */
    void schedule(Duration delay, Runnable task);

    /** Stops running tasks; a call in progress is interrupted. */
    @Override
    void close();

    /** The production runner: a single daemon thread named {@code systemd-calls}. */
    static CallRunner singleThread() {
        return new SingleThread();
    }

    /** One thread; tasks submitted after {@link #close()} are dropped. */
    final class SingleThread implements CallRunner {
        private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "systemd-calls");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public void execute(Runnable task) {
            try {
                executor.execute(guarded(task));
            } catch (RejectedExecutionException e) {
                LOG.debug("unit manager closed, dropping a call");
            }
        }

        @Override
        public void schedule(Duration delay, Runnable task) {
            try {
                executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("unit manager closed, dropping a timer");
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }

        /** One failed task must not end the thread's work for everyone (STYLE §7 rule 10). */
        private static Runnable guarded(Runnable task) {
            return () -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("unexpected failure in a systemd call; continuing", e);
                }
            };
        }
    }
}
