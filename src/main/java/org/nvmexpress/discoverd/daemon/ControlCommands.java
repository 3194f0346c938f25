package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Carries out the status interface's commands on the loop. {@code Reload} is SIGHUP's reload and
 * is answered when the pass that serves it has been carried out (a reload asked for while a pass
 * runs is served by the pass held to follow it, so several requests may share one pass), with the
 * errors for which fabrics files kept their last good content. {@code Retry} fires a controller's
 * armed retry now, through the connect gate as the timer would ({@link Attempts}), and answers
 * when the attempts are under way. Every answer follows a fresh snapshot, so the client reads what
 * it did; futures are completed on the loop thread.
 *
 * <p>Loop-confined.
 */
final class ControlCommands implements Passes.Ended {
    /** A reload's client, waiting for pass {@code pass}. */
    private record Waiting(long pass, CompletableFuture<DaemonControl.ReloadResult> done) {
    }

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Attempts attempts;
    private final Passes passes;
    private final SnapshotPublisher snapshots;
    private final ControlEvents events;
    private final StatusFacts facts;
    private final WallTime wall;
    private final List<Waiting> waiting = new ArrayList<>();

    ControlCommands(EventLoop loop, ControllerTracker tracker, Attempts attempts, Passes passes,
            SnapshotPublisher snapshots, ControlEvents events, StatusFacts facts, WallTime wall) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.passes = Objects.requireNonNull(passes, "passes");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.events = Objects.requireNonNull(events, "events");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.wall = Objects.requireNonNull(wall, "wall");
    }

    void on(ControlRequest request) {
        assert loop.inLoop();
        if (request instanceof ControlRequest.Reload reload) {
            waiting.add(new Waiting(passes.reload(), reload.done()));
        } else if (request instanceof ControlRequest.Retry retry) {
            retry(retry.unit(), retry.done());
        }
    }

    @Override
    public void passEnded(long number, DaemonInputs inputs, Optional<String> readProblem) {
        assert loop.inLoop();
        boolean reload = number > 1;
        facts.passEnded(inputs, reload ? OptionalLong.of(wall.nowMicros()) : OptionalLong.empty());
        List<String> errors = new ArrayList<>();
        readProblem.ifPresent(errors::add);
        inputs.fabrics().errors().stream().map(Diagnostic::withoutSeverity).forEach(errors::add);
        if (reload) {
            events.announce("reloaded", errors.isEmpty() ? "configuration reloaded"
                    : "configuration reloaded; " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                            + ", the files with errors keep their last good content");
        }
        snapshots.publishNow();
        DaemonControl.ReloadResult result = new DaemonControl.ReloadResult(errors);
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext();) {
            Waiting w = it.next();
            if (w.pass() <= number) {
                it.remove();
                w.done().complete(result);
            }
        }
    }

    private void retry(Optional<String> unit, CompletableFuture<Integer> done) {
        int retried = 0;
        if (unit.isPresent()) {
            Optional<TrackedController> controller = trackedUnit(unit.get());
            if (controller.isEmpty()) {
                done.completeExceptionally(new DaemonControl.NoSuchController(unit.get()));
                return;
            }
            retried = retryNow(controller.get()) ? 1 : 0;
        } else {
            for (TrackedController c : tracker.all()) {
                retried += retryNow(c) ? 1 : 0;
            }
        }
        snapshots.publishNow();
        done.complete(retried);
    }

    /** The tracked controller of the unit named {@code name}; none for a name that is no unit of ours. */
    private Optional<TrackedController> trackedUnit(String name) {
        try {
            return tracker.get(new UnitName(name));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty(); // no such unit can be tracked: the client hears NoSuchController
        }
    }

    /** Fires its armed retry now, when it waits for one; true when it did. */
    private boolean retryNow(TrackedController c) {
        if (c.state() != ControllerState.RETRYING || c.pending != TrackedController.Pending.NONE) {
            return false;
        }
        c.cancelNextAttempt();
        attempts.attempt(c);
        return true;
    }
}
