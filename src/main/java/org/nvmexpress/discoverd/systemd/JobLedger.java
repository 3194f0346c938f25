package org.nvmexpress.discoverd.systemd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The unit manager's shared state behind one lock: the waiting work and the slots it takes
 * ({@link JobSlots}), our outstanding jobs ({@link JobTracker}), the stops held while the bus is
 * down, and whether the bus is up. Touched by callers, the call runner and the bus's signal threads;
 * every method is atomic and none blocks. Each method that ends a job frees its slot.
 */
final class JobLedger {
    /** Early {@code JobRemoved} signals kept at most; at most {@code max-pending-units} are awaited. */
    private static final int EARLY_SIGNALS = 1024;

    private final JobSlots<UnitWork> slots;
    private final JobTracker tracker = new JobTracker(EARLY_SIGNALS);
    /** Stops asked for while the bus was down, to send once it is back. */
    private final List<UnitName> heldStops = new ArrayList<>();
    private boolean busUp;
    private boolean closed;

    JobLedger(int maxPendingUnits) {
        this.slots = new JobSlots<>(maxPendingUnits);
    }

    synchronized void enqueue(UnitWork work) {
        slots.enqueue(work);
    }

    /** Work to send now, each holding a slot: none while the bus is down or after close. */
    synchronized List<UnitWork> takeReady() {
        List<UnitWork> ready = new ArrayList<>();
        while (busUp && !closed) {
            Optional<UnitWork> work = slots.acquire();
            if (work.isEmpty()) {
                break;
            }
            tracker.callStarted(work.get().unit());
            ready.add(work.get());
        }
        return ready;
    }

    /**
     * A stop: drops the unit's waiting work; returns true to send it now, false when it is held for
     * the bus.
     */
    synchronized boolean stopNowOrHold(UnitName unit) {
        slots.removeWaiting(work -> work.unit().equals(unit));
        if (!busUp) {
            heldStops.add(unit);
        }
        return busUp;
    }

    synchronized void holdStop(UnitName unit) {
        heldStops.add(unit);
    }

    synchronized List<UnitName> takeHeldStops() {
        List<UnitName> stops = List.copyOf(heldStops);
        heldStops.clear();
        return stops;
    }

    /** The call answered: empty when its job is now outstanding, else the result that came first. */
    synchronized Optional<String> replied(UnitName unit, String jobPath) {
        Optional<String> early = tracker.replied(unit, jobPath);
        early.ifPresent(result -> slots.release(1));
        return early;
    }

    synchronized void callFailed(UnitName unit) {
        tracker.callFailed(unit);
        slots.release(1);
    }

    /** The reply was lost with the bus: the slot stays taken until the resync settles it. */
    synchronized void replyLost(UnitName unit) {
        tracker.replyLost(unit);
    }

    /** Adopts systemd's job for a lost reply; empty when none was lost or the job is outstanding. */
    synchronized Optional<String> adopt(UnitName unit, String jobPath) {
        if (!tracker.replyWasLost(unit)) {
            return Optional.empty();
        }
        Optional<String> early = tracker.adopt(unit, jobPath);
        early.ifPresent(result -> slots.release(1));
        return early;
    }

    /** {@code JobRemoved}: the unit when the job was ours. */
    synchronized Optional<UnitName> jobRemoved(String jobPath, String unit, String result) {
        Optional<UnitName> ours = tracker.jobRemoved(jobPath, unit, result);
        ours.ifPresent(u -> slots.release(1));
        return ours;
    }

    /** Stops waiting for the unit's jobs; true when there were any. */
    synchronized boolean forget(UnitName unit) {
        int ended = tracker.forget(unit);
        slots.release(ended);
        return ended > 0;
    }

    synchronized List<UnitName> unitsWithJobs() {
        return List.copyOf(tracker.units());
    }

    /** Returns true when the bus was up (so the loss is reported once). */
    synchronized boolean markBusDown() {
        boolean wasUp = busUp && !closed;
        busUp = false;
        return wasUp;
    }

    synchronized void markBusUp() {
        busUp = true;
    }

    synchronized void close() {
        closed = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized SystemdUnitManager.Load load() {
        return new SystemdUnitManager.Load(slots.inUse(), slots.waiting());
    }
}
