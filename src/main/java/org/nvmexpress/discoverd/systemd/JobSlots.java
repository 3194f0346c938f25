package org.nvmexpress.discoverd.systemd;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The bound on outstanding work (ARCHITECTURE §4): at most {@code limit} start/restart jobs may be in
 * systemd's hands at once, from the call until the job's end; the rest wait here in arrival order.
 * Measured on the C daemon under systemd 252: ~512 outstanding jobs exhaust the bus's per-connection
 * match rules, systemd drops off the bus, and hundreds of controllers are never retried.
 *
 * <p>Not thread-safe: the {@link JobLedger} guards it.
 *
 * @param <T> the queued work
 */
final class JobSlots<T> {
    private final int limit;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private int inUse;

    JobSlots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
    }

    void enqueue(T work) {
        waiting.addLast(work);
    }

    /** The oldest waiting work, holding a slot from now on; empty when none waits or none is free. */
    Optional<T> acquire() {
        if (inUse >= limit || waiting.isEmpty()) {
            return Optional.empty();
        }
        inUse++;
        return Optional.of(waiting.removeFirst());
    }

    /** {@code count} pieces of work have left systemd's hands. */
    void release(int count) {
        if (count < 0 || count > inUse) {
            throw new AssertionError("releasing " + count + " slots with " + inUse + " in use");
        }
        inUse -= count;
    }

    /** Drops waiting work that {@code filter} selects (it has not been issued: nothing to release). */
    void removeWaiting(Predicate<T> filter) {
        waiting.removeIf(filter);
    }

    int inUse() {
        return inUse;
    }

    int waiting() {
        return waiting.size();
    }
}
