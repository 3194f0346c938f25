package org.nvmexpress.discoverd.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerSettler;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.kernel.sysfs.SettledController;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Controllers appearing and going away (reference §4.2, §1.11):
 *
 * <ul>
 * <li>{@code add}: the device is settled and read off the loop, with its runtime-state unit file;
 *     then linked to the tracked controller it realises. The unit file is believed only when the
 *     identity matcher agrees (a recycled name with a stale file is not ours, §15 item 31); without
 *     the file the matcher alone decides, so linking never depends on {@code ExecStartPost} winning
 *     a race (§15 item 19). The controller is connected from then on.</li>
 * <li>{@code remove} of a tracked controller: when it is still desired and the gate allows it, it
 *     is reconnected ({@link Attempts}: a restart, which starts the unit afresh when systemd no
 *     longer has it); an excluded, handed-off or refused one is let go. A controller that goes
 *     away again within {@link #STABLE} of connecting waits out a backoff first, so a flapping
 *     target costs a bounded number of reconnects, never two at once.</li>
 * <li>Uevents lost: the host is surveyed again in full, and what changed meanwhile is replayed as
 *     appearances and removals ({@link #replay}, which the periodic {@link Audit} uses too).</li>
 * </ul>
 *
 * <p>Loop-confined.
 */
final class DeviceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEvents.class);
    /** Up this long, a connection that drops is reconnected at once and its failures are forgiven. */
    static final Duration STABLE = RetryPolicy.MAX_DELAY;

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final LiveView live;
    private final Connections connections;
    private final Attempts attempts;
    private final Workers workers;
    private final ControllerSettler settler;
    private final Path root;
    private final Identity identity;
    private final HostSurvey survey;
    private final ControllerLog log = new ControllerLog(LOG);
    /** The sequence number of the newest uevent per device, so an older settle result is recognised. */
    private final Map<DeviceName, Long> newestSeqnum = new HashMap<>();
    /** Devices a uevent changed since the last survey started: the survey's older view must not undo them. */
    private final Set<DeviceName> touched = new HashSet<>();

    DeviceEvents(EventLoop loop, ControllerTracker tracker, LiveView live, Connections connections, Attempts attempts,
            Workers workers, ControllerSettler settler, Path root, Identity identity, HostSurvey survey) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.live = Objects.requireNonNull(live, "live");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.settler = Objects.requireNonNull(settler, "settler");
        this.root = Objects.requireNonNull(root, "root");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.survey = Objects.requireNonNull(survey, "survey");
    }

    void on(KernelEvent event) {
        assert loop.inLoop();
        if (event instanceof KernelEvent.ControllerAdded added) {
            DeviceName device = added.device();
            noteUevent(device, added.seqnum());
            workers.submit("settle " + device, () -> new WorkDone.SettledDevice(settler.await(device),
                    RuntimeStateReader.unitOf(root, device)), outcome -> new WorkDone.Settled(device, added.seqnum(), outcome));
        } else if (event instanceof KernelEvent.ControllerRemoved removed) {
            noteUevent(removed.device(), removed.seqnum());
            removed(removed.device());
        } else if (event instanceof KernelEvent.EventsLost lost) {
            LOG.warn("uevents were lost ({} overflow{} so far); surveying the host again", lost.overflows(),
                    lost.overflows() == 1 ? "" : "s");
            rescan();
        } else {
            throw new IllegalArgumentException("not a device event: " + event); // the daemon routes discovery's elsewhere
        }
    }

    /**
     * Surveys the host off the loop and replays what differs from the loop's view
     * ({@link #rescanned}): after lost uevents (the periodic {@link Audit} reads its own survey).
     */
    void rescan() {
        assert loop.inLoop();
        surveyStarted();
        workers.submit("survey the host", survey::read, WorkDone.Rescanned::new);
    }

    private void noteUevent(DeviceName device, long seqnum) {
        newestSeqnum.put(device, seqnum);
        touched.add(device);
    }

    /** A survey starts now: devices changed from here on keep their uevent's view. */
    void surveyStarted() {
        assert loop.inLoop();
        touched.clear();
    }

    /** The devices changed by uevents since {@link #surveyStarted()}. */
    Set<DeviceName> touched() {
        assert loop.inLoop();
        return Set.copyOf(touched);
    }

    void settled(WorkDone.Settled result) {
        assert loop.inLoop();
        if (!Long.valueOf(result.seqnum()).equals(newestSeqnum.get(result.device()))) {
            LOG.debug("{}: a newer uevent came since this add; its reading is dropped", result.device());
            return;
        }
        newestSeqnum.remove(result.device());
        if (result.outcome() instanceof Outcome.Failure<WorkDone.SettledDevice> failure) {
            LOG.warn("{}: cannot read the new controller: {}", result.device(), failure.reason());
            return;
        }
        WorkDone.SettledDevice device = ((Outcome.Success<WorkDone.SettledDevice>) result.outcome()).value();
        SettledController settled = device.settled();
        if (settled instanceof SettledController.Populated populated) {
            appeared(populated.reading().controller(), device.stateUnit());
        } else if (settled instanceof SettledController.Incomplete incomplete) {
            LOG.debug("{}: still without {} after {} reads", result.device(), incomplete.missing(), incomplete.reads());
            appeared(incomplete.reading().controller(), device.stateUnit());
        } else {
            removed(result.device()); // gone before it settled: as good as removed (reference §4.2)
        }
    }

    /** {@code controller} is live now; links it to the tracked controller it realises, if any. */
    void appeared(LiveController controller, Optional<UnitName> stateUnit) {
        assert loop.inLoop();
        DeviceName device = controller.device();
        live.put(controller);
        Optional<TrackedController> byState = stateUnit.flatMap(tracker::get)
                .filter(c -> identity.realises(c.candidate(), controller));
        Optional<TrackedController> ours = byState.or(() -> tracker.realisedBy(controller, identity::realises));
        if (ours.isEmpty()) {
            tracker.unlink(device).ifPresent(this::lostDevice); // the name was recycled for another controller
            LOG.debug("{}: appeared; not a controller of ours", device);
            return;
        }
        TrackedController c = ours.get();
        c.lostDuringRequest = false;
        tracker.link(c, device).ifPresent(this::lostDevice);
        log.log(Level.INFO, c, "appeared");
        if (c.state() == ControllerState.EXCLUDED || c.state() == ControllerState.FOREIGN_OWNED
                || c.state() == ControllerState.REFUSED || c.state() == ControllerState.GIVEN_UP) {
            return; // not ours to manage; the device is only noted
        }
        if (c.pending == TrackedController.Pending.REQUEST) {
            tracker.setState(c, ControllerState.CONNECTED); // its job's end still comes, and settles the rest
            return;
        }
        if (c.pending == TrackedController.Pending.CHECK) {
            c.pending = TrackedController.Pending.NONE;
            c.checkSeq++; // the check under way did not know this device: its answer is dropped
        }
        if (byState.isPresent()) {
            c.cancelNextAttempt();
            connections.connected(c); // our own unit made it
        } else {
            attempts.attempt(c); // made by someone else: the gate decides, adopt or hand off
        }
    }

    /** {@code device} is gone. */
    void removed(DeviceName device) {
        assert loop.inLoop();
        live.remove(device);
        Optional<TrackedController> controller = tracker.unlink(device);
        if (controller.isEmpty()) {
            LOG.debug("{}: removed; not a controller of ours", device);
            return;
        }
        lostDevice(controller.get());
    }

    /** A tracked controller lost its device: reconnect it, now or after a backoff, or let it go. */
    private void lostDevice(TrackedController c) {
        switch (c.state()) {
            case EXCLUDED, FOREIGN_OWNED, REFUSED, GIVEN_UP -> {
                log.log(Level.INFO, c, "removed; " + c.state().label() + ", so not reconnecting");
                return;
            }
            case PARKED -> {
                log.log(Level.DEBUG, c, "removed; parked, reconnected at its next poll");
                return;
            }
            default -> {
            }
        }
        if (c.pending != TrackedController.Pending.NONE || c.nextAttempt != null) {
            c.lostDuringRequest = c.pending == TrackedController.Pending.REQUEST;
            log.log(Level.INFO, c, "removed; an attempt is already under way");
            return;
        }
        if (loop.nowNanos() - c.connectedAtNanos >= STABLE.toNanos()) {
            c.failures = 0;
            log.log(Level.INFO, c, "removed but still desired, reconnecting");
            attempts.attempt(c);
        } else {
            connections.retryLater(c, "removed again within " + STABLE.toSeconds() + " s of connecting");
        }
    }

    /** A full survey after lost uevents: replays what changed as appearances and removals. */
    void rescanned(WorkDone.Rescanned result) {
        assert loop.inLoop();
        if (result.outcome() instanceof Outcome.Failure<HostSnapshot> failure) {
            LOG.error("cannot survey the host after lost uevents: {}", failure.reason());
            return;
        }
        replay(((Outcome.Success<HostSnapshot>) result.outcome()).value());
    }

    /**
     * Replays what {@code host} shows differently from the loop's view as removals and appearances,
     * except on the devices a uevent changed since the survey started: after lost uevents, and in
     * each {@link Audit}.
     */
    void replay(HostSnapshot host) {
        assert loop.inLoop();
        Set<DeviceName> keep = touched();
        for (DeviceName device : live.devices()) {
            if (!keep.contains(device) && host.liveDevice(device).isEmpty()) {
                removed(device);
            }
        }
        for (LiveController controller : host.live()) {
            DeviceName device = controller.device();
            if (keep.contains(device)) {
                continue;
            }
            Optional<LiveController> known = live.get(device);
            if (known.isPresent() && sameButState(known.get(), controller)) {
                // The kernel changes a controller's state (live, connecting, resetting) without a
                // uevent: that is no appearance. Replaying one re-linked the controller as if newly
                // connected, restarting its stability clock (STABLE) and logging it again each audit.
                live.put(controller);
            } else if (known.isEmpty() || !known.get().equals(controller)) {
                appeared(controller, host.runtime().unitOf(device));
            }
        }
    }

    private static boolean sameButState(LiveController known, LiveController now) {
        return new LiveController(known.device(), known.transport(), known.address(), known.subsysnqn(),
                known.hostnqn(), known.hostid(), known.cntrltype(), now.state(), known.dctype()).equals(now);
    }
}
