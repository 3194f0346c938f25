package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controller's attempt through the connect gate, on every path after the first pass: a retry
 * after a failure, a reconnect after its device went away, a host name that resolved at last, an
 * exclusion that went away. The C daemon gates only new connections (reference §1.9, §15 item 18:
 * an exclusion added during a backoff was ignored); here every attempt asks the gate, in this
 * order, without a directory scan:
 *
 * <ol>
 * <li>on the loop: the live controller that realises the candidate, from the {@link LiveView};</li>
 * <li>on a worker: the exclusion lists (refreshed only when they changed), the registry owner of
 *     that live controller's device, and {@link ConnectGate#decide} on those;</li>
 * <li>on the loop again: {@link Connections} carries the decision out — start, adopt, or skip with
 *     the reason (a registry read error fails closed and is retried with backoff).</li>
 * </ol>
 *
 * <p>At most one attempt per controller is under way; a result that comes back after the
 * controller moved on (a reload, a newer attempt) is recognised by its sequence number and dropped.
 * When a check finds the lists changed, every excluded controller is checked again, so removing an
 * entry reconnects what it excluded without a reload.
 *
 * <p>Loop-confined.
 */
final class Attempts {
    private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Connections connections;
    private final LiveView live;
    private final Workers workers;
    private final OwnerStore owners;
    private final ExclusionSource exclusionSource;
    private ExclusionSource.Exclusions exclusions = ExclusionSource.Exclusions.NONE_READ;

    Attempts(EventLoop loop, ControllerTracker tracker, Connections connections, LiveView live, Workers workers,
            OwnerStore owners, ExclusionSource exclusionSource) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.live = Objects.requireNonNull(live, "live");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.exclusionSource = Objects.requireNonNull(exclusionSource, "exclusionSource");
    }

    /** The gate's answer for one attempt, computed off the loop. */
    record Gated(Decision decision, ExclusionSource.Exclusions exclusions) {
        Gated {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(exclusions, "exclusions");
        }
    }

    /** Starts an attempt unless one is under way; cancels an armed retry (this is it). */
    void attempt(TrackedController controller) {
        assert loop.inLoop();
        if (controller.pending != TrackedController.Pending.NONE) {
            return;
        }
        controller.cancelNextAttempt();
        controller.pending = TrackedController.Pending.CHECK;
        long seq = ++controller.checkSeq;
        tracker.setState(controller, ControllerState.STARTING);
        Candidate candidate = controller.candidate();
        Optional<LiveController> found = live.find(candidate);
        ExclusionSource.Exclusions previous = exclusions;
        workers.submit("the gate of " + candidate.unit(), () -> check(candidate, found, previous),
                outcome -> new WorkDone.GateChecked(candidate.unit(), seq, outcome));
    }

    /** On a worker: reads what the gate needs and asks it. */
    private Gated check(Candidate candidate, Optional<LiveController> found, ExclusionSource.Exclusions previous) {
        ExclusionSource.Exclusions current = exclusionSource.refresh(previous);
        OwnerReading owner = found.map(c -> owners.read(c.device())).orElse(new OwnerReading.None());
        return new Gated(ConnectGate.decide(candidate, found, owner, current.view()), current);
    }

    void checked(WorkDone.GateChecked result) {
        assert loop.inLoop();
        Optional<TrackedController> tracked = tracker.get(result.unit());
        if (tracked.isEmpty() || tracked.get().checkSeq != result.seq()
                || tracked.get().pending != TrackedController.Pending.CHECK) {
            LOG.debug("{} - a gate check that is no longer wanted; ignored", result.unit());
            return;
        }
        TrackedController controller = tracked.get();
        controller.pending = TrackedController.Pending.NONE;
        if (result.outcome() instanceof Outcome.Failure<Gated> failure) {
            connections.retryLater(controller, "cannot check the gate: " + failure.reason());
            return;
        }
        Gated gated = ((Outcome.Success<Gated>) result.outcome()).value();
        connections.apply(controller, gated.decision());
        if (gated.exclusions().version() > exclusions.version()) {
            boolean changed = exclusions.version() > 0;
            exclusions = gated.exclusions();
            if (changed) {
                recheckExcluded();
            }
        }
    }

    /** The lists as the last gate check or pass read them; what the next check compares with. */
    ExclusionSource.Exclusions exclusions() {
        assert loop.inLoop();
        return exclusions;
    }

    /** A pass read the lists and planned every controller with them: nothing to check again. */
    void passRead(ExclusionSource.Exclusions read) {
        assert loop.inLoop();
        if (read.version() > exclusions.version()) {
            exclusions = read;
        }
    }

    /** The retry timer of a controller fired. */
    void due(UnitName unit) {
        assert loop.inLoop();
        tracker.get(unit).ifPresent(controller -> {
            controller.nextAttempt = null;
            attempt(controller);
        });
    }

    /** The lists changed: what they excluded may be allowed now. */
    private void recheckExcluded() {
        for (TrackedController controller : tracker.all()) {
            if (controller.state() == ControllerState.EXCLUDED) {
                attempt(controller);
            }
        }
    }
}
