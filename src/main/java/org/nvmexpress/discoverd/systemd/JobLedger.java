package org.nvmexpress.discoverd.systemd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The unit manager's shared state behind one lock: the waiting work and the slots it takes
 * ({@link JobSlots}), the flights in systemd's hands ({@link JobTracker}), the stops and the listing
 * held while systemd is out of reach, and whether it is reachable. Touched by callers, the call
 * runner and the bus's signal threads; every method is atomic and none blocks.
 *
 * <p>Invariant: a unit holds a slot exactly while the tracker has a flight for it. Every method that
 * may end a flight releases the unit's slot through {@link #releaseIfOver}, so a slot cannot be lost.
 */
final class JobLedger {
    /** Early {@code JobRemoved} signals kept at most; at most {@code max-pending-units} are awaited. */
    private static final int EARLY_SIGNALS = 1024;

    /** Whether systemd is reachable: never yet, yes, or lost (a {@link UnitEvent.BusLost} was posted). */
    private enum Bus { CONNECTING, UP, DOWN }

    private final JobSlots<UnitName, UnitWork> slots;
    private final JobTracker tracker = new JobTracker(EARLY_SIGNALS);
    /** Stops asked for while systemd was out of reach, to send once it is back. */
    private final Set<UnitName> heldStops = new LinkedHashSet<>();
    /** A listing asked for while systemd was out of reach. */
    private boolean heldList;
    private Bus bus = Bus.CONNECTING;
    private boolean closed;

    JobLedger(int maxPendingUnits) {
        this.slots = new JobSlots<>(maxPendingUnits);
    }

    /** Takes a start or restart: queued, joined into the unit's waiting work, or into its flight. */
    synchronized JobSlots.Admission submit(UnitWork work) {
        return slots.offer(work.unit(), work, UnitWork::join);
    }

    /** Work to send now, each unit holding a slot and a flight: none while systemd is away or after close. */
    synchronized List<UnitWork> takeReady() {
        List<UnitWork> ready = new ArrayList<>();
        while (bus == Bus.UP && !closed) {
            Optional<Map.Entry<UnitName, UnitWork>> work = slots.acquire();
            if (work.isEmpty()) {
                break;
            }
            tracker.callStarted(work.get().getKey());
            ready.add(work.get().getValue());
        }
        return ready;
    }

    /**
     * A stop: drops the unit's waiting work; returns true to send it now, false when it is held
     * until systemd is back.
     */
    synchronized boolean stopNowOrHold(UnitName unit) {
        slots.removeWaiting(unit);
        if (bus != Bus.UP) {
            heldStops.add(unit);
        }
        return bus == Bus.UP;
    }

    synchronized void holdStop(UnitName unit) {
        heldStops.add(unit);
    }

    synchronized List<UnitName> takeHeldStops() {
        List<UnitName> stops = List.copyOf(heldStops);
        heldStops.clear();
        return stops;
    }

    /** A listing: true to ask now, false when it waits for systemd (joining one already waiting). */
    synchronized boolean listNowOrHold() {
        heldList |= bus != Bus.UP;
        return bus == Bus.UP;
    }

    synchronized void holdList() {
        heldList = true;
    }

    synchronized boolean takeHeldList() {
        boolean held = heldList;
        heldList = false;
        return held;
    }

    /** The call answered with {@code jobPath}. */
    synchronized JobTracker.Match replied(UnitName unit, String jobPath) {
        return settled(unit, tracker.replied(unit, jobPath));
    }

    /** systemd's job for {@code unit} now, or none, read after a lost or timed-out reply or a loss. */
    synchronized JobTracker.Match settle(UnitName unit, Optional<String> job) {
        return settled(unit, tracker.settle(unit, job));
    }

    /** The call for {@code unit} failed, or its outcome is given up on: its flight ends. */
    synchronized void callFailed(UnitName unit) {
        tracker.forget(unit);
        releaseIfOver(unit);
    }

    /** The reply was lost with the bus: the slot stays taken until the resync settles it. */
    synchronized void replyLost(UnitName unit) {
        tracker.replyLost(unit);
    }

    /** Before asking systemd about {@code unit}: see {@link JobTracker#probe}. */
    synchronized void probe(UnitName unit) {
        tracker.probe(unit);
    }

    /** {@code JobRemoved}: the unit when the job was its flight's. */
    synchronized Optional<UnitName> jobRemoved(String jobPath, String unit, String result) {
        Optional<UnitName> ours = tracker.jobRemoved(jobPath, unit, result);
        ours.ifPresent(this::releaseIfOver);
        return ours;
    }

    /** Units systemd must be asked about once it is back: a job recorded or a reply lost. */
    synchronized List<UnitName> unsettled() {
        return tracker.unsettled();
    }

    /** True when the unit has no work waiting and nothing in flight: its secret files may go. */
    synchronized boolean idle(UnitName unit) {
        return !slots.holds(unit) && !slots.isWaiting(unit);
    }

    /**
     * systemd is out of reach; returns true when it was reachable (or being reached for the first
     * time), so that the loss is reported once.
     */
    synchronized boolean markBusDown() {
        boolean report = bus != Bus.DOWN && !closed;
        bus = Bus.DOWN;
        return report;
    }

    /** systemd is reachable; returns true when its loss had been reported (so report it back). */
    synchronized boolean markBusUp() {
        boolean wasLost = bus == Bus.DOWN && !closed;
        bus = Bus.UP;
        return wasLost;
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

    private JobTracker.Match settled(UnitName unit, JobTracker.Match match) {
        releaseIfOver(unit);
        return match;
    }

    /** Frees the unit's slot when its flight is over: the one place a slot is released. */
    private void releaseIfOver(UnitName unit) {
        if (!tracker.inFlight(unit)) {
            slots.release(unit);
        }
    }
}
