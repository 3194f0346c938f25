package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the unit manager reports, applied to the controllers: a job that ended well connects its
 * controller; a failed job, a failed call ({@code StartTransientUnit}/{@code RestartUnit}: bus
 * error, timeout, credentials not written) and a unit found failed after the bus came back are
 * each one failed attempt, retried with backoff. Bus loss itself changes nothing here: the unit
 * manager holds the calls and reports each outcome later (it logs the loss and the recovery).
 *
 * <p>Loop-confined.
 */
final class UnitOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(UnitOutcomes.class);
    private static final String STOP_UNIT = "StopUnit";

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Connections connections;

    UnitOutcomes(EventLoop loop, ControllerTracker tracker, Connections connections) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    void on(UnitEvent event) {
        assert loop.inLoop();
        if (event instanceof UnitEvent.JobDone done) {
            requested(done.unit().value(), tracker.get(done.unit())).ifPresent(c -> {
                if (done.succeeded()) {
                    succeeded(c);
                } else {
                    connections.retryLater(c, "connection unit failed (job " + done.result() + ")");
                }
            });
        } else if (event instanceof UnitEvent.CallFailed failed) {
            callFailed(failed);
        } else if (event instanceof UnitEvent.UnitState state) {
            requested(state.unit().value(), tracker.get(state.unit())).ifPresent(c -> {
                if (state.succeeded()) {
                    succeeded(c);
                } else {
                    connections.retryLater(c, "connection unit " + state.activeState() + " (" + state.result()
                            + ") when the bus came back");
                }
            });
        } else {
            // BusLost, BusRestored (the unit manager logs them), UnitsListed, ListFailed (not asked for yet)
            LOG.debug("unit manager: {}", event);
        }
    }

    /** The unit is up; unless the device it made went away meanwhile, the controller is connected. */
    private void succeeded(TrackedController c) {
        if (c.lostDuringRequest) {
            c.lostDuringRequest = false;
            connections.retryLater(c, "its device went away while the unit was starting");
        } else {
            connections.connected(c);
        }
    }

    private void callFailed(UnitEvent.CallFailed failed) {
        if (STOP_UNIT.equals(failed.method())) {
            LOG.warn("{} - {} failed: {}: {}", failed.unit(), failed.method(), failed.errorName(), failed.message());
            return;
        }
        requested(failed.unit().value(), tracker.get(failed.unit())).ifPresent(c -> connections.retryLater(c,
                failed.method() + " failed: " + failed.errorName() + ": " + failed.message()));
    }

    /**
     * The controller whose request this answers. A result for a unit no longer tracked (a reload
     * dropped it) or with no request outstanding (adopted meanwhile, or a late duplicate) changes
     * nothing.
     */
    private Optional<TrackedController> requested(String unit, Optional<TrackedController> controller) {
        if (controller.isEmpty()) {
            LOG.debug("{} - result for a unit no longer tracked; ignored", unit);
            return Optional.empty();
        }
        if (controller.get().pending != TrackedController.Pending.REQUEST) {
            LOG.debug("{} - result with no request outstanding; ignored", controller.get());
            return Optional.empty();
        }
        return controller;
    }
}
