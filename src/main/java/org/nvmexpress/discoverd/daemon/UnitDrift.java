package org.nvmexpress.discoverd.daemon;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.systemd.ListedUnit;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The audit's comparison of the tracker with systemd's list of our units
 * ({@code ListUnitsByPatterns nvme-discoverd-*.service}):
 *
 * <ul>
 * <li>a controller believed connected whose unit systemd no longer has up (the unit was listed up at
 *     an earlier audit; a controller adopted without a unit never was) is noted, once, at INFO;</li>
 * <li>one believed connected whose unit is not up and whose controller is gone (not linked, and
 *     nothing live realises it) is reconnected through {@link Attempts}: the gate, then a restart,
 *     which starts the unit afresh when systemd has none. Both of its events were lost (the unit's
 *     job reported done, then the device went before its {@code add} was read), so nothing else
 *     would ever retry it;</li>
 * <li>units of ours that systemd lists and the daemon does not track (no longer desired since a
 *     reload, or made by an earlier configuration) are only logged at DEBUG: the daemon never stops
 *     a unit it was not asked to, and a reload already said it leaves them.</li>
 * </ul>
 *
 * <p>A controller connected since the audit started, or with an attempt under way or armed, is left
 * for the next audit; so is every reconnect while uevents changed devices since the survey.
 *
 * <p>Loop-confined.
 */
final class UnitDrift {
    private static final Logger LOG = LoggerFactory.getLogger(UnitDrift.class);

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Attempts attempts;
    private final ControllerLog log = new ControllerLog(LOG);
    /** Units systemd listed up at an earlier audit: one of them missing is news, and said once. */
    private final Set<UnitName> seenUp = new HashSet<>();

    UnitDrift(EventLoop loop, ControllerTracker tracker, Attempts attempts) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
    }

    /** True while the unit is connected or on its way: active, activating, reloading, or with a job. */
    static boolean isUp(ListedUnit unit) {
        return unit != null && (unit.jobPending() || "active".equals(unit.activeState())
                || "activating".equals(unit.activeState()) || "reloading".equals(unit.activeState()));
    }

    /**
     * @param listed         systemd's answer
     * @param host           the audit's survey, after its replay
     * @param touched        devices a uevent changed since the survey started
     * @param startedAtNanos when the audit started, on the loop's clock
     */
    void compare(List<ListedUnit> listed, HostSnapshot host, Set<DeviceName> touched, long startedAtNanos) {
        assert loop.inLoop();
        Map<UnitName, ListedUnit> byUnit = new HashMap<>();
        listed.forEach(u -> byUnit.put(u.unit(), u));
        for (TrackedController c : tracker.all()) {
            ListedUnit unit = byUnit.get(c.unit());
            if (isUp(unit)) {
                seenUp.add(c.unit());
            } else if (c.state() == ControllerState.CONNECTED && c.pending == TrackedController.Pending.NONE
                    && c.nextAttempt == null && c.connectedAtNanos - startedAtNanos <= 0) {
                notUp(c, unit, host, touched);
            }
        }
        for (ListedUnit unit : listed) {
            if (!tracker.contains(unit.unit())) {
                LOG.debug("{} - listed by systemd ({}), not tracked; left as it is", unit.unit(), unit.activeState());
            }
        }
        seenUp.removeIf(u -> !tracker.contains(u)); // forgotten controllers: bounded by what is tracked
    }

    private void notUp(TrackedController c, ListedUnit unit, HostSnapshot host, Set<DeviceName> touched) {
        String what = unit == null ? "systemd no longer has its unit" : "its unit is " + unit.activeState();
        // A device changed since the survey may be this controller's, its add still settling: the
        // reconnect waits for a quiet audit rather than race it.
        boolean gone = c.device().isEmpty() && host.liveFor(c.candidate()).isEmpty() && touched.isEmpty();
        if (gone) {
            seenUp.remove(c.unit());
            log.log(Level.INFO, c, "believed connected, but " + what + " and its controller is gone; reconnecting");
            attempts.attempt(c);
        } else if (seenUp.remove(c.unit())) {
            log.log(Level.INFO, c, what + "; its connection is up, left as it is");
        } else {
            log.log(Level.DEBUG, c, "connected without a unit systemd has up (adopted?)");
        }
    }
}
