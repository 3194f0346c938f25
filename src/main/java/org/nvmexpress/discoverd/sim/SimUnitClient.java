package org.nvmexpress.discoverd.sim;

import java.util.function.Consumer;
import org.nvmexpress.discoverd.systemd.CallError;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.nvmexpress.discoverd.systemd.UnitManager;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * One daemon's unit manager on the simulated systemd, with the real one's contract
 * ({@link UnitManager}): one job per unit (a request for a unit with a job joins it), a start of a
 * unit still loaded fails with {@code UnitExists}, a restart of one no longer loaded creates it
 * afresh. Outcomes go to the daemon's sink until {@link #close()}: a killed daemon hears nothing
 * more, and its jobs run on.
 */
public final class SimUnitClient implements UnitManager {
    private final SimSystemd systemd;
    private final Object lock;
    private final Consumer<UnitEvent> sink;
    private volatile boolean closed;

    SimUnitClient(SimSystemd systemd, Object lock, Consumer<UnitEvent> sink) {
        this.systemd = systemd;
        this.lock = lock;
        this.sink = sink;
    }

    @Override
    public Submission start(UnitRequest request) {
        synchronized (lock) {
            var unit = systemd.unit(request.unit());
            if (unit.isPresent() && unit.get().job != null) {
                return new Submission.Joined(request.unit());
            }
            if (unit.isPresent()) {
                post(new UnitEvent.CallFailed(request.unit(), "StartTransientUnit", CallError.UNIT_EXISTS,
                        "org.freedesktop.systemd1.UnitExists",
                        "Unit " + request.unit().value() + " was already loaded or has a fragment file."));
            } else {
                systemd.begin(this, request, false);
            }
            return new Submission.Queued(request.unit());
        }
    }

    @Override
    public Submission restart(UnitRequest request) {
        synchronized (lock) {
            var unit = systemd.unit(request.unit());
            if (unit.isPresent() && unit.get().job != null) {
                return new Submission.Joined(request.unit());
            }
            systemd.begin(this, request, unit.isPresent());
            return new Submission.Queued(request.unit());
        }
    }

    @Override
    public void stop(UnitName unit) {
        synchronized (lock) {
            systemd.stop(unit);
        }
    }

    @Override
    public void listUnits() {
        synchronized (lock) {
            post(new UnitEvent.UnitsListed(systemd.units()));
        }
    }

    void jobDone(UnitName unit, String result) {
        post(new UnitEvent.JobDone(unit, result));
    }

    private void post(UnitEvent event) {
        if (!closed) {
            sink.accept(event);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
