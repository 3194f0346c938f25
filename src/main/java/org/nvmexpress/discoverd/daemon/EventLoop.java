package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.kernel.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's one loop (ARCHITECTURE §4, STYLE §5): the thread that runs it owns every piece of
 * daemon state; other threads only {@link #post} immutable {@link LoopEvent}s. Timers live here,
 * read the injected clock (CLOCK_BOOTTIME in production, a virtual clock in tests) and deliver
 * their event through the same handler.
 *
 * <p><b>Bounded.</b> The inbox holds at most {@code capacity} events. When it is full,
 * {@link #post} blocks the adapter thread until there is room: the uevent reader then stops
 * reading, the kernel's socket buffer overflows, and the monitor reports
 * {@link org.nvmexpress.discoverd.kernel.uevent.KernelEvent.EventsLost}, on which the daemon rescans
 * sysfs; the unit manager's call thread and the workers simply wait. The loop itself never posts
 * to its own inbox (it would wait for itself): it arms a timer instead.
 *
 * <p><b>One guard.</b> Each event is handled inside one {@code catch} that logs the event and the
 * exception and goes on with the next (STYLE §7 rule 10).
 *
 * <p><b>Two drivers.</b> Production calls {@link #run}, which blocks until the next event or
 * deadline. Tests bind the loop to the test thread ({@link #bindToCurrentThread}) and drive it with
 * {@link #runPending} while they move a virtual clock; the code under test cannot tell.
 */
public final class EventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    /** The inbox's size in production: thousands of uevents or unit results in one burst. */
    public static final int DEFAULT_CAPACITY = 4096;
    /** How long a blocked {@link #post} waits before it checks again whether the loop was closed. */
    private static final long POST_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Clock clock;
    private final BlockingQueue<LoopEvent> inbox;
    private final TimerQueue timers = new TimerQueue();
    /** The loop's thread, set once when it starts; read by any thread in {@link #inLoop}. */
    private volatile Thread owner;
    private volatile boolean closed;

    public EventLoop(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity out of range: " + capacity);
        }
        this.inbox = new ArrayBlockingQueue<>(capacity);
    }

    /** True on the loop's thread. Every method that touches daemon state asserts it. */
    public boolean inLoop() {
        return Thread.currentThread() == owner;
    }

    /** The loop's clock: what its timers count on. */
    long nowNanos() {
        return clock.nowNanos();
    }

    /**
     * Hands {@code event} to the loop, from any thread. Waits while the inbox is full (see the class
     * comment); after {@link #close()} the event is dropped and this returns at once.
     */
    public void post(LoopEvent event) {
        Objects.requireNonNull(event, "event");
        if (inLoop()) {
            // Tests play the adapters on the loop's thread; production never gets here.
            if (!closed && !inbox.offer(event)) {
                throw new IllegalStateException("the loop's inbox is full and the loop cannot wait for itself");
            }
            return;
        }
        try {
            while (!closed) {
                if (inbox.offer(event, POST_RECHECK_NANOS, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the adapter is being stopped; the event does not matter any more
        }
    }

    /** Delivers {@code event} once {@code delay} has passed on the loop's clock. Loop only. */
    TimerQueue.Timer schedule(Duration delay, LoopEvent event) {
        assert inLoop() : "schedule off the loop";
        return timers.add(clock.nowNanos() + Math.max(0, delay.toNanos()), event);
    }

    /** Makes the calling thread the loop's; for {@link #run} and for tests that drive the loop themselves. */
    void bindToCurrentThread() {
        if (owner != null && owner != Thread.currentThread()) {
            throw new IllegalStateException("the loop already runs on " + owner.getName());
        }
        owner = Thread.currentThread();
    }

    /**
     * Runs the loop on the calling thread until {@link #close()}: each turn delivers the timers that
     * are due, then waits for one event until the next deadline (without limit when no timer is
     * armed: an idle daemon does not wake up) and delivers it.
     */
    void run(Consumer<LoopEvent> handler) throws InterruptedException {
        bindToCurrentThread();
        while (!closed) {
            fireDueTimers(handler);
            LoopEvent event = timers.isEmpty() ? inbox.take()
                    : inbox.poll(Math.max(0, timers.nextDeadlineNanos() - clock.nowNanos()), TimeUnit.NANOSECONDS);
            if (event != null && !closed) {
                deliver(handler, event);
            }
        }
    }

    /**
     * Delivers every timer that is due and every event waiting, without blocking, until neither is
     * left; loop only. Returns how many were delivered.
     */
    int runPending(Consumer<LoopEvent> handler) {
        assert inLoop() : "runPending off the loop";
        int delivered = 0;
        while (!closed) {
            delivered += fireDueTimers(handler);
            LoopEvent event = inbox.poll();
            if (event == null) {
                break;
            }
            deliver(handler, event);
            delivered++;
        }
        return delivered;
    }

    /** True when a timer is armed; then {@link #nextDeadlineNanos()} says when. Loop only. */
    boolean hasTimers() {
        assert inLoop();
        return !timers.isEmpty();
    }

    long nextDeadlineNanos() {
        assert inLoop();
        return timers.nextDeadlineNanos();
    }

    /** Ends {@link #run} and drops later posts; from any thread (a signal) or the loop. */
    public void close() {
        closed = true;
        inbox.clear(); // wakes posters blocked on a full inbox
        inbox.offer(new LoopEvent.Stop("close")); // wakes the loop; never delivered, it is closed
    }

    public boolean isClosed() {
        return closed;
    }

    private int fireDueTimers(Consumer<LoopEvent> handler) {
        int fired = 0;
        LoopEvent due;
        while (!closed && (due = timers.pollDue(clock.nowNanos())) != null) {
            deliver(handler, due);
            fired++;
        }
        return fired;
    }

    /** The one guard (STYLE §7 rule 10): a failing handler costs this event, not the loop. */
    private static void deliver(Consumer<LoopEvent> handler, LoopEvent event) {
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            LOG.error("handling {} failed; the loop goes on with the next event", event, e);
        }
    }
}
