package org.nvmexpress.discoverd.systemd;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * The bound on outstanding work (ARCHITECTURE §4): at most {@code limit} keys (units) may be in
 * systemd's hands at once, from the call until the job's end; the rest wait here in arrival order.
 * Measured on the C daemon under systemd 252: ~512 outstanding jobs exhaust the bus's per-connection
 * match rules, systemd drops off the bus, and hundreds of controllers are never retried.
 *
 * <p>A slot belongs to a key, not to a piece of work: a key holds at most one slot and waits at most
 * once ({@link #offer} joins work for a key already waiting or in use), and releasing a key that holds
 * no slot does nothing. So no sequence of calls can lose a slot: the slots in use are exactly the
 * keys acquired and not yet released.
 *
 * <p>Not thread-safe: the {@link JobLedger} guards it.
 *
 * @param <K> what a slot is held for (the unit)
 * @param <T> the queued work
 */
final class JobSlots<K, T> {
    /** What {@link #offer} did with the work. */
    enum Admission {
        /** Waits at the end of the queue. */
        QUEUED,
        /** Joined into the work already waiting for the key, which keeps its place. */
        JOINED_WAITING,
        /** Not queued: the key holds a slot, its work is in systemd's hands. */
        BUSY
    }

    private final int limit;
    /** Waiting work in arrival order; a key is never both here and in {@code inUse}. */
    private final LinkedHashMap<K, T> waiting = new LinkedHashMap<>();
    private final Set<K> inUse = new HashSet<>();

    JobSlots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
    }

    /** Queues {@code work} for {@code key}, or joins it with {@code join(waiting, work)}. */
    Admission offer(K key, T work, BinaryOperator<T> join) {
        if (inUse.contains(key)) {
            return Admission.BUSY;
        }
        T queued = waiting.get(key);
        if (queued != null) {
            waiting.put(key, join.apply(queued, work));
            return Admission.JOINED_WAITING;
        }
        waiting.put(key, work);
        return Admission.QUEUED;
    }

    /** The oldest waiting work, its key holding a slot from now on; empty when none waits or none is free. */
    Optional<Map.Entry<K, T>> acquire() {
        if (inUse.size() >= limit || waiting.isEmpty()) {
            return Optional.empty();
        }
        Iterator<Map.Entry<K, T>> it = waiting.entrySet().iterator();
        Map.Entry<K, T> oldest = it.next();
        Map.Entry<K, T> taken = Map.entry(oldest.getKey(), oldest.getValue());
        it.remove();
        inUse.add(taken.getKey());
        return Optional.of(taken);
    }

    /** {@code key}'s work has left systemd's hands; returns false when it held no slot. */
    boolean release(K key) {
        return inUse.remove(key);
    }

    /** Drops the work waiting for {@code key} (never issued: no slot to release); true if there was. */
    boolean removeWaiting(K key) {
        return waiting.remove(key) != null;
    }

    boolean holds(K key) {
        return inUse.contains(key);
    }

    boolean isWaiting(K key) {
        return waiting.containsKey(key);
    }

    int inUse() {
        return inUse.size();
    }

    int waiting() {
        return waiting.size();
    }
}
