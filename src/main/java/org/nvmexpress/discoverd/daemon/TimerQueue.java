package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The loop's timers, ordered by deadline (then by arming order, so two timers due at the same
 * nanosecond fire in the order they were armed). Loop-confined: only {@link EventLoop} touches it,
 * on its thread.
 *
 * <p>Cancelling marks the timer and leaves it in the heap (a heap removal is linear); a cancelled
 * timer at the head is dropped before the next deadline is read, so it never wakes the loop.
 * Bounded by the loop's own use: at most one armed timer per tracked controller and per pending
 * host name, plus the status and watchdog timers.
 */
final class TimerQueue {
    private final PriorityQueue<Timer> heap = new PriorityQueue<>();
    private long armed;

    /** A timer; {@link #cancel()} is the only thing its holder may do with it. */
    static final class Timer implements Comparable<Timer> {
        private final long deadlineNanos;
        private final long order;
        private final LoopEvent event;
        private boolean cancelled;

        private Timer(long deadlineNanos, long order, LoopEvent event) {
            this.deadlineNanos = deadlineNanos;
            this.order = order;
            this.event = event;
        }

        /** Stops the timer from firing; no effect once it fired. */
        void cancel() {
            cancelled = true;
        }

        long deadlineNanos() {
            return deadlineNanos;
        }

        @Override
        public int compareTo(Timer other) {
            // Deadlines compared as differences: the clock's origin is arbitrary and may be negative.
            long diff = deadlineNanos - other.deadlineNanos;
            return diff != 0 ? Long.signum(diff) : Long.compare(order, other.order);
        }
    }

    Timer add(long deadlineNanos, LoopEvent event) {
        Timer timer = new Timer(deadlineNanos, armed++, Objects.requireNonNull(event, "event"));
        heap.add(timer);
        return timer;
    }

    /** True when no timer is armed (cancelled ones do not count). */
    boolean isEmpty() {
        dropCancelledHead();
        return heap.isEmpty();
    }

    /** The earliest live deadline; only when not {@link #isEmpty()}. */
    long nextDeadlineNanos() {
        dropCancelledHead();
        return heap.element().deadlineNanos;
    }

    /** The event of the earliest timer due at {@code nowNanos}, removed; {@code null} when none is due. */
    LoopEvent pollDue(long nowNanos) {
        dropCancelledHead();
        Timer head = heap.peek();
        if (head == null || head.deadlineNanos - nowNanos > 0) {
            return null;
        }
        heap.remove();
        head.cancelled = true; // fired: a later cancel() is a no-op
        return head.event;
    }

    private void dropCancelledHead() {
        while (!heap.isEmpty() && heap.peek().cancelled) {
            heap.remove();
        }
    }
}
