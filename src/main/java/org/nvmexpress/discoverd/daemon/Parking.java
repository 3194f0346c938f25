package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.config.Persistence;
import org.nvmexpress.discoverd.systemd.UnitManager;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Whether a discovery controller's connection is held once its page is read (reference §2.7, fixed):
 * {@code persistent = force} holds it; {@code no} never does; {@code auto} follows the EPCSD bit of
 * the DC's entry for itself, then that of its referrer's entry for it, and holds when neither says
 * (the C daemon disconnects then, and after a failed fetch too, §15 item 15; here a failed fetch
 * decides nothing). A connection not held is <em>parked</em>: its unit is stopped (its
 * {@code ExecStop} disconnects) and the next attempt is armed {@code epcsd-poll-interval-minutes}
 * ahead; that attempt goes through the gate, reconnects, and the page is read again. Parking is
 * not a failure: no backoff, no give-up.
 *
 * <p>Loop-confined.
 */
final class Parking {
    private static final Logger LOG = LoggerFactory.getLogger(Parking.class);

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final UnitManager units;
    private final ControllerLog log = new ControllerLog(LOG);
    /** The DCs parked before, so that a poll every 15 minutes is not worth an INFO line each time. */
    private final Set<UnitName> parkedBefore = new HashSet<>();

    Parking(EventLoop loop, ControllerTracker tracker, UnitManager units) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.units = Objects.requireNonNull(units, "units");
    }

    /** Whether the connection is held: the policy, then the DC's own word, then its referrer's. */
    static boolean holds(Persistence policy, Optional<Boolean> selfEpcsd, Optional<Boolean> referrerEpcsd) {
        return switch (policy) {
            case FORCE -> true;
            case NO -> false;
            case AUTO -> selfEpcsd.or(() -> referrerEpcsd).orElse(true);
        };
    }

    /** The page of {@code dc}, connected, was read: hold the connection or park it. */
    void afterRead(TrackedController dc, Persistence policy, Optional<Boolean> selfEpcsd,
            Optional<Boolean> referrerEpcsd, Duration poll) {
        assert loop.inLoop();
        if (holds(policy, selfEpcsd, referrerEpcsd)) {
            log.log(Level.DEBUG, dc, "holding its connection (" + why(policy, selfEpcsd, referrerEpcsd) + ")");
            return;
        }
        units.stop(dc.unit());
        dc.cancelNextAttempt();
        dc.nextAttempt = loop.schedule(poll, new Due.Attempt(dc.unit()));
        tracker.setState(dc, ControllerState.PARKED);
        log.log(parkedBefore.add(dc.unit()) ? Level.INFO : Level.DEBUG, dc, "discovery log read; not holding the"
                + " connection (" + why(policy, selfEpcsd, referrerEpcsd) + "): disconnecting, reading it again in " + poll.toMinutes() + " min");
    }

    private static String why(Persistence policy, Optional<Boolean> selfEpcsd, Optional<Boolean> referrerEpcsd) {
        String persistent = "persistent = " + policy.configValue();
        if (policy != Persistence.AUTO) {
            return persistent;
        }
        return persistent + epcsd(selfEpcsd, referrerEpcsd);
    }

    private static String epcsd(Optional<Boolean> selfEpcsd, Optional<Boolean> referrerEpcsd) {
        if (selfEpcsd.isPresent()) {
            return ", its own entry's EPCSD " + (selfEpcsd.get() ? 1 : 0);
        }
        return referrerEpcsd.map(bit -> ", its referrer's entry's EPCSD " + (bit ? 1 : 0)).orElse(", no EPCSD given");
    }
}
