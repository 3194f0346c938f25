package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the unit manager on the bus: the first connection, and after a loss (dbus-daemon restarted)
 * reconnection with backoff, re-subscription, and a resync: systemd is asked for the state of every
 * unit with an outstanding job, and the units whose job ended meanwhile are reported as
 * {@link UnitEvent.UnitState}, so no result is lost with the signals the bus dropped. A start whose
 * reply was lost takes the job systemd reports for its unit, or, without one, is reported the same
 * way. Losing the bus stops nothing: the connection units belong to systemd and keep running.
 *
 * <p><b>Threading:</b> connecting and resync run on the {@link CallRunner}; {@link #busLost} and
 * {@link #jobRemoved} come from the bus's threads. {@code attempts} is touched on the runner only.
 */
final class BusRecovery implements SystemdBus.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(BusRecovery.class);
    private static final SystemdBus.UnitStatus NOT_LOADED = new SystemdBus.UnitStatus(
            UnitEvent.UnitState.NOT_LOADED, UnitEvent.UnitState.NOT_LOADED, Optional.empty());

    private final SystemdUnitManager manager;
    private final JobLedger ledger;
    private final SystemdBus bus;
    private final CallRunner runner;
    private final Duration firstDelay;
    private final Duration maxDelay;
    /** Failed reconnection attempts since the last success; runner thread only. */
    private int attempts;

    BusRecovery(SystemdUnitManager manager, JobLedger ledger, SystemdBus bus, CallRunner runner,
            UnitManagerSettings settings) {
        this.manager = manager;
        this.ledger = ledger;
        this.bus = bus;
        this.runner = runner;
        this.firstDelay = settings.reconnectDelay();
        this.maxDelay = settings.reconnectMaxDelay();
    }

    /** On the runner: the first connection; if the bus is not there, it is reported lost and retried. */
    void connectFirst() {
        try {
            bus.connect(this);
        } catch (BusCallException e) {
            LOG.warn("cannot reach the system bus ({}); retrying, unit requests wait", e.getMessage());
            manager.post(new UnitEvent.BusLost(e.getMessage()));
            retryLater();
            return;
        }
        ledger.markBusUp();
        resume();
    }

    @Override
    public void jobRemoved(String jobPath, String unit, String result) {
        manager.jobRemoved(jobPath, unit, result);
    }

    @Override
    public void busLost(String reason) {
        if (!ledger.markBusDown()) {
            return;
        }
        LOG.warn("lost the system bus ({}); reconnecting, connections stay as they are", reason);
        manager.post(new UnitEvent.BusLost(reason));
        runner.execute(this::reconnect);
    }

    private void reconnect() {
        try {
            bus.connect(this);
        } catch (BusCallException e) {
            LOG.debug("system bus still unreachable: {}", e.getMessage());
            retryLater();
            return;
        }
        attempts = 0;
        ledger.markBusUp();
        List<UnitName> units = ledger.unitsWithJobs();
        LOG.info("system bus is back; asking systemd about {} units with outstanding jobs", units.size());
        manager.post(new UnitEvent.BusRestored());
        if (resync(units)) {
            resume();
        }
    }

    /** @return false when the bus went away again meanwhile */
    private boolean resync(List<UnitName> units) {
        for (UnitName unit : units) {
            SystemdBus.UnitStatus status;
            try {
                status = bus.unitStatus(unit);
            } catch (BusCallException e) {
                if (e.isDisconnected()) {
                    busLost(e.getMessage());
                    return false;
                }
                if (!e.isNoSuchUnit()) {
                    LOG.warn("{} - cannot read its state after the bus came back ({}: {}); waiting for its job",
                            unit, e.errorName(), e.getMessage());
                    continue;
                }
                status = NOT_LOADED;
            }
            settle(unit, status);
        }
        return true;
    }

    private void settle(UnitName unit, SystemdBus.UnitStatus status) {
        if (status.job().isPresent()) {
            ledger.adopt(unit, status.job().get()).ifPresent(result -> manager.jobEnded(unit, result));
        } else if (ledger.forget(unit)) {
            manager.post(new UnitEvent.UnitState(unit, status.activeState(), status.result()));
            manager.pump();
        }
    }

    /** Sends the stops held while the bus was down, then the waiting work. */
    private void resume() {
        for (UnitName unit : ledger.takeHeldStops()) {
            manager.callStop(unit);
        }
        manager.pump();
    }

    private void retryLater() {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts, 20));
        attempts++;
        runner.schedule(delay.compareTo(maxDelay) > 0 ? maxDelay : delay, this::reconnect);
    }
}
