package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the daemon's adapters at the end (STYLE §7 rule 9): in reverse start order, each once,
 * the first failure logged with the later ones attached ({@code addSuppressed}), and all of it
 * within a bound, so the process exits in time even when an adapter hangs (a D-Bus call that does
 * not return): the closing runs on a thread of its own, and what has not closed when the budget is
 * spent is named in the log and abandoned (the threads are daemon threads; the process ends).
 * Closing leaves connections and units alone: every adapter only stops its own work.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
    /** Within systemd's patience and the 5 s the daemon promises, with room for the JVM's own exit. */
    static final Duration BUDGET = Duration.ofSeconds(4);

    /** How the calling thread waits for the closing thread: bounded in production, virtual in tests. */
    @FunctionalInterface
    interface Waiter {
        Waiter BOUNDED = (done, budget) -> done.await(budget.toNanos(), TimeUnit.NANOSECONDS);

        /** Waits at most {@code budget} for {@code done}; true when it was counted down. */
        boolean await(CountDownLatch done, Duration budget) throws InterruptedException;
    }

    /** An adapter and its name for the log. */
    record Adapter(String name, AutoCloseable closeable) {
        Adapter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(closeable, "closeable");
        }
    }

    private final Waiter waiter;

    Shutdown(Waiter waiter) {
        this.waiter = Objects.requireNonNull(waiter, "waiter");
    }

    /**
     * Closes {@code adapters} (given in start order) within {@code budget}.
     *
     * @return the names of the adapters that had not finished closing in time, in closing order
     */
    List<String> closeAll(List<Adapter> adapters, Duration budget) {
        List<Adapter> order = new ArrayList<>(adapters);
        java.util.Collections.reverse(order);
        ConcurrentLinkedQueue<String> closed = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread closer = new Thread(() -> {
            closeInOrder(order, closed);
            done.countDown();
        }, "daemon-shutdown");
        closer.setDaemon(true);
        closer.start();
        boolean finished;
        try {
            finished = waiter.await(done, budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        List<String> open = order.stream().map(Adapter::name).filter(n -> !closed.contains(n)).toList();
        if (!finished) {
            LOG.error("not closed within {} s, exiting anyway: {}", budget.toSeconds(), String.join(", ", open));
        }
        return finished ? List.of() : open;
    }

    private static void closeInOrder(List<Adapter> order, ConcurrentLinkedQueue<String> closed) {
        Exception first = null;
        for (Adapter adapter : order) {
            try {
                adapter.closeable().close();
            } catch (Exception e) {
                // The closing thread's own loop: one adapter's failure must not keep the others open.
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
            closed.add(adapter.name());
        }
        if (first != null) {
            LOG.error("closing the adapters failed", first);
        }
    }
}
