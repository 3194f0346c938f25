package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.List;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the unit manager in touch with systemd: the first connection, and getting back after a loss,
 * with backoff. Two losses, one cure:
 *
 * <ul>
 * <li>the connection broke (dbus-daemon restarted): a fresh connection, {@code Subscribe()};
 * <li>systemd left the bus ({@code NameOwnerChanged} to nobody, or a call met
 * {@link CallError#SYSTEMD_GONE}; {@code systemctl daemon-reexec} does that): {@code Subscribe()}
 * again on the same connection as soon as systemd is back ({@code NameOwnerChanged} to a new owner),
 * or at the next backoff step; a new systemd that rejoins without our seeing it leave is subscribed
 * to as well.
 * </ul>
 *
 * <p>Then a resync: systemd is asked for the state of every unit with a job recorded or a reply lost,
 * and those whose job ended meanwhile are reported ({@link UnitDispatcher#settle}), so no result is
 * lost with the signals that were missed. Losing systemd stops nothing: the connection units belong
 * to systemd and keep running. Losses and recoveries are logged here, since this is where they are
 * acted on.
 *
 * <p><b>Threading:</b> attempts and the resync run on the {@link CallRunner}; the listener methods
 * come from the bus's threads, {@link #systemdGone} from the runner. {@code attempts} and
 * {@code round} are touched on the runner only.
 */
final class BusRecovery implements SystemdBus.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(BusRecovery.class);

    /** How an attempt gets back to systemd. */
    private enum Step {
        /** A fresh connection: the old one broke. */
        CONNECT,
        /** {@code Subscribe()} on the connection we have: systemd left the bus and may be back. */
        SUBSCRIBE
    }

    private final UnitDispatcher dispatcher;
    private final JobLedger ledger;
    private final SystemdBus bus;
    private final CallRunner runner;
    private final Duration firstDelay;
    private final Duration maxDelay;
    /** Failed attempts in the current round; runner thread only. */
    private int attempts;
    /** Counts rounds of attempts; a timer of an older round does nothing. Runner thread only. */
    private int round;

    BusRecovery(UnitDispatcher dispatcher, JobLedger ledger, SystemdBus bus, CallRunner runner,
            UnitManagerSettings settings) {
        this.dispatcher = dispatcher;
        this.ledger = ledger;
        this.bus = bus;
        this.runner = runner;
        this.firstDelay = settings.reconnectDelay();
        this.maxDelay = settings.reconnectMaxDelay();
    }

    /** On the runner: the first connection; if systemd cannot be reached, that is reported and retried. */
    void connectFirst() {
        startRound(Step.CONNECT);
    }

    @Override
    public void jobRemoved(String jobPath, String unit, String result) {
        dispatcher.jobRemoved(jobPath, unit, result);
    }

    @Override
    public void busLost(String reason) {
        lost(reason, Step.CONNECT);
    }

    @Override
    public void systemdLeft() {
        lost("systemd left the system bus", Step.SUBSCRIBE);
    }

    /** A call found nobody owning systemd's name. */
    void systemdGone(String reason) {
        lost(reason, Step.SUBSCRIBE);
    }

    /** Now rather than at the next backoff step; also when we never saw it leave. */
    @Override
    public void systemdJoined() {
        runner.execute(() -> startRound(Step.SUBSCRIBE));
    }

    /** Reports the loss once, and starts getting back; nothing when systemd was already out of reach. */
    private void lost(String reason, Step step) {
        if (!ledger.markBusDown()) {
            return;
        }
        LOG.warn("lost systemd ({}); {}, connections stay as they are", reason,
                step == Step.CONNECT ? "reconnecting" : "waiting for it to come back");
        dispatcher.post(new UnitEvent.BusLost(reason));
        runner.execute(() -> startRound(step));
    }

    /** On the runner: a new round of attempts, replacing one whose timer is pending. */
    private void startRound(Step step) {
        round++;
        attempts = 0;
        attempt(step, round);
    }

    private void attempt(Step step, int ofRound) {
        if (ofRound != round || ledger.isClosed()) {
            return;
        }
        try {
            if (step == Step.CONNECT) {
                bus.connect(this);
            } else {
                bus.subscribe();
            }
        } catch (BusCallException e) {
            if (ledger.markBusDown()) {
                LOG.warn("cannot reach systemd ({}); retrying, unit requests wait", e.getMessage());
                dispatcher.post(new UnitEvent.BusLost(e.getMessage()));
            } else {
                LOG.debug("systemd still unreachable: {}", e.getMessage());
            }
            // A fresh connection whose Subscribe() found systemd away needs only a Subscribe() next.
            Step next = switch (e.kind()) {
                case BUS_LOST -> Step.CONNECT;
                case SYSTEMD_GONE -> Step.SUBSCRIBE;
                default -> step;
            };
            retryLater(next, ofRound);
            return;
        }
        attempts = 0;
        boolean wasLost = ledger.markBusUp();
        List<UnitName> units = ledger.unsettled();
        if (wasLost) {
            LOG.info("systemd is reachable again; asking it about {} units with outstanding jobs", units.size());
            dispatcher.post(new UnitEvent.BusRestored());
        } else if (step == Step.SUBSCRIBE) {
            LOG.info("systemd rejoined the bus; subscribed again, asking it about {} units with outstanding jobs",
                    units.size());
        }
        if (resync(units)) {
            dispatcher.resume();
        }
    }

    /** @return false when systemd went out of reach again meanwhile */
    private boolean resync(List<UnitName> units) {
        for (UnitName unit : units) {
            ledger.probe(unit);
            SystemdBus.UnitStatus status;
            try {
                status = bus.unitStatus(unit);
            } catch (BusCallException e) {
                if (UnitDispatcher.isTrouble(e)) {
                    dispatcher.troubled(e);
                    return false;
                }
                if (!e.isNoSuchUnit()) {
                    // Its job may have ended unseen: waiting on could hold the slot for ever.
                    dispatcher.failed(unit, e);
                    continue;
                }
                status = UnitDispatcher.NOT_LOADED;
            }
            dispatcher.settle(unit, status);
        }
        return true;
    }

    private void retryLater(Step step, int ofRound) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts, 20));
        attempts++;
        runner.schedule(delay.compareTo(maxDelay) > 0 ? maxDelay : delay, () -> attempt(step, ofRound));
    }
}
