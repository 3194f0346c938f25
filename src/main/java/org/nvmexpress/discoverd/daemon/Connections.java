package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.systemd.UnitManager;
import org.nvmexpress.discoverd.systemd.UnitManager.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Carries out what was decided for a controller, and is where each decision is logged, once
 * (STYLE §7 rule 12): {@link Decision.Start} asks the unit manager (start, or restart when the unit
 * may exist already), {@link Decision.Adopt} tracks a live controller as connected and records its
 * registry owner when it has none, {@link Decision.Skip} keeps the controller in the state that
 * says why. A failed attempt of any kind arms the next one with {@link RetryPolicy}'s backoff, so
 * no controller that should be retried is ever left without a next attempt; a refused request
 * waits for a reload.
 *
 * <p>Loop-confined.
 */
final class Connections {
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    /** Who may give a failing controller up instead of arming its next attempt. */
    interface GiveUp {
        /** Never: every controller is retried for ever. */
        GiveUp NEVER = (controller, failingFor) -> false;

        /** True when {@code controller}, failing for {@code failingFor}, was given up just now. */
        boolean givesUp(TrackedController controller, Duration failingFor);
    }

    private GiveUp giveUp = GiveUp.NEVER;

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final UnitManager units;
    private final RetryPolicy retry;
    private final Workers workers;
    private final OwnerStore owners;
    private final ControllerLog log = new ControllerLog(LOG);

    Connections(EventLoop loop, ControllerTracker tracker, UnitManager units, RetryPolicy retry, Workers workers,
            OwnerStore owners) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.units = Objects.requireNonNull(units, "units");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    /** The give-up policy; set once, when the daemon is built. */
    void giveUpWith(GiveUp value) {
        giveUp = Objects.requireNonNull(value, "value");
    }

    /**
     * Carries out a decision of a pass: the candidate is tracked from now on (or its tracked
     * controller takes the candidate's latest content). A skip of input that never became a
     * candidate was reported where it was read; it is only noted here.
     */
    void carryOut(Decision decision) {
        assert loop.inLoop();
        Optional<Candidate> candidate = candidateOf(decision);
        if (candidate.isEmpty()) {
            Decision.Skip skip = (Decision.Skip) decision;
            LOG.debug("{}{}", skip.tid().map(t -> t.compact() + " - ").orElse(""), skip.detail());
            return;
        }
        apply(trackOrUpdate(candidate.get()), decision);
    }

    /** Carries out {@code decision} for {@code controller}, whose candidate it is about. */
    void apply(TrackedController controller, Decision decision) {
        assert loop.inLoop();
        decision.note().ifPresent(note -> log.log(Level.INFO, controller, note));
        if (decision instanceof Decision.Start) {
            start(controller);
        } else if (decision instanceof Decision.Adopt adopt) {
            adopt(controller, adopt);
        } else {
            skip(controller, (Decision.Skip) decision);
        }
    }

    static Optional<Candidate> candidateOf(Decision decision) {
        if (decision instanceof Decision.Start start) {
            return Optional.of(start.candidate());
        }
        if (decision instanceof Decision.Adopt adopt) {
            return Optional.of(adopt.candidate());
        }
        return ((Decision.Skip) decision).candidate();
    }

    /** The controller of {@code candidate}, tracked from now on when it was not, with the candidate's latest content. */
    TrackedController trackOrUpdate(Candidate candidate) {
        assert loop.inLoop();
        TrackedController controller = tracker.get(candidate.unit()).orElse(null);
        if (controller == null) {
            return tracker.track(candidate, ControllerState.WAITING);
        }
        controller.replaceCandidate(candidate);
        return controller;
    }

    private void start(TrackedController controller) {
        if (controller.pending == TrackedController.Pending.REQUEST) {
            return; // asked for already; its job's end is what comes next
        }
        controller.cancelNextAttempt();
        log.log(controller.failures == 0 ? Level.INFO : Level.DEBUG, controller, "connecting (unit "
                + controller.unit() + ", " + sources(controller.candidate()) + ")");
        request(controller);
    }

    /** Hands the controller's unit to the unit manager. */
    void request(TrackedController controller) {
        assert loop.inLoop();
        Submission submission = controller.unitMayExist ? units.restart(controller.candidate().request())
                : units.start(controller.candidate().request());
        controller.unitMayExist = true;
        if (submission instanceof Submission.Refused refused) {
            controller.pending = TrackedController.Pending.NONE;
            settle(controller, ControllerState.REFUSED, Level.ERROR, "not connecting: " + refused.reason()
                    + "; waiting for a reload");
            return;
        }
        // Queued, or Joined to a request already in the manager's hands: either way one outcome follows.
        controller.pending = TrackedController.Pending.REQUEST;
        tracker.setState(controller, ControllerState.STARTING);
    }

    private void adopt(TrackedController controller, Decision.Adopt adopt) {
        controller.cancelNextAttempt();
        controller.pending = TrackedController.Pending.NONE;
        controller.unitMayExist = true;
        tracker.link(controller, adopt.device()).ifPresent(other -> LOG.debug("{} no longer on {}", other, adopt.device()));
        markConnected(controller);
        log.log(Level.INFO, controller, "already connected; adopted" + adopt.recordOwner()
                .map(owner -> ", recording registry owner " + owner).orElse(""));
        adopt.recordOwner().ifPresent(owner -> recordOwner(controller, adopt.device(), owner));
    }

    private void recordOwner(TrackedController controller, DeviceName device, String owner) {
        workers.submit("record the owner of " + device, () -> {
            owners.record(device, owner);
            return owner;
        }, outcome -> new WorkDone.OwnerRecorded(controller.unit(), device, owner, outcome));
    }

    /** The registry write of an adoption ended; only a failure is worth a line. */
    void ownerRecorded(WorkDone.OwnerRecorded result) {
        assert loop.inLoop();
        if (result.outcome() instanceof Outcome.Failure<String> failure) {
            tracker.get(result.unit()).ifPresent(c -> log.log(Level.WARN, c, "cannot record registry owner "
                    + result.owner() + ": " + failure.reason()));
        }
    }

    private void skip(TrackedController controller, Decision.Skip skip) {
        controller.cancelNextAttempt();
        controller.pending = TrackedController.Pending.NONE;
        switch (skip.reason()) {
            case EXCLUDED -> settle(controller, ControllerState.EXCLUDED, Level.INFO, skip.detail() + "; not connecting");
            case FOREIGN_OWNER -> settle(controller, ControllerState.FOREIGN_OWNED, Level.INFO,
                    skip.detail() + "; handed off, not connecting");
            case OWNER_UNREADABLE -> retryLater(controller, "cannot tell who owns it: " + skip.detail());
            case UNUSABLE -> settle(controller, ControllerState.REFUSED, Level.WARN, skip.detail());
        }
    }

    /**
     * Puts it in {@code state} and logs {@code what} unless it is what was last said about it. The
     * problem is noted before the state changes, so the tracker's listeners (the status interface's
     * events) see the reason with the state.
     */
    private void settle(TrackedController controller, ControllerState state, Level level, String what) {
        boolean fresh = !what.equals(controller.lastReported);
        controller.lastReported = what;
        tracker.setState(controller, state);
        if (fresh) {
            log.log(level, controller, what);
        }
    }

    /**
     * The attempt failed ({@code problem} says how): arms the next one after the backoff. Logged at
     * WARN when the problem is new for this controller, at INFO when it repeats the last one.
     */
    void retryLater(TrackedController controller, String problem) {
        assert loop.inLoop();
        controller.pending = TrackedController.Pending.NONE;
        if (controller.nextAttempt != null) {
            return;
        }
        if (!controller.failing) {
            controller.failing = true;
            controller.failingSinceNanos = loop.nowNanos();
        }
        if (giveUp.givesUp(controller, Duration.ofNanos(loop.nowNanos() - controller.failingSinceNanos))) {
            return;
        }
        controller.failures++;
        Duration delay = retry.delayAfter(controller.failures);
        controller.nextAttempt = loop.schedule(delay, new Due.Attempt(controller.unit()));
        Level level = problem.equals(controller.lastReported) ? Level.INFO : Level.WARN;
        controller.lastReported = problem; // before the state, as in settle
        tracker.setState(controller, ControllerState.RETRYING);
        log.log(level, controller, problem + "; retrying in " + seconds(delay) + " (attempt " + controller.failures + ")");
    }

    /** Its unit's job ended well, or its device appeared: it is up. */
    void connected(TrackedController controller) {
        assert loop.inLoop();
        boolean recovered = controller.failures > 0 || !controller.lastReported.isEmpty();
        markConnected(controller);
        if (recovered) {
            log.log(Level.INFO, controller, "connected after " + controller.failures + " failed attempt"
                    + (controller.failures == 1 ? "" : "s"));
            controller.lastReported = "";
        } else {
            log.log(Level.DEBUG, controller, "connected");
        }
    }

    private void markConnected(TrackedController controller) {
        controller.pending = TrackedController.Pending.NONE;
        controller.failing = false;
        controller.connectedAtNanos = loop.nowNanos();
        tracker.setState(controller, ControllerState.CONNECTED);
    }

    private static String sources(Candidate candidate) {
        return "from " + candidate.sources().stream().map(Source::describe).collect(Collectors.joining(", "));
    }

    static String seconds(Duration delay) {
        return String.format(java.util.Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0);
    }
}
