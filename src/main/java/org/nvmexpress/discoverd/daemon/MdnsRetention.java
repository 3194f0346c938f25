package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.GiveUpTimeout;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The stickiness of mDNS-announced DCs (nvme-stas' rule, reference §1): one stops being desired
 * only once it has been <em>both</em> unannounced (a goodbye, an expiry) <em>and</em> unreachable
 * for {@code dc-giveup-timeout}, counted from the later of the two. A goodbye alone forgets nothing
 * (announcers send one on a link flap, nvme-stas #378), and neither does a failure alone while the
 * DC is still announced: it is retried with backoff like any DC. A re-announcement before the end
 * cancels it all.
 *
 * <p>Checked at each failed attempt ({@link Discovery#givesUp} asks {@link #givesUp}) and by a timer
 * at the withdrawal's end, for a DC that had been failing already or that we never connect
 * (excluded, foreign). A connected (or parked: read and let go on purpose) DC is reachable: the
 * timer leaves it, and its next failure asks again.
 *
 * <p>Loop-confined.
 */
final class MdnsRetention implements Connections.GiveUp {
    private static final Logger LOG = LoggerFactory.getLogger(MdnsRetention.class);

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Discovery discovery;
    private final ControllerLog log = new ControllerLog(LOG);
    /** The DCs no instance announces now, and since when (loop nanos). */
    private final Map<UnitName, Long> withdrawnAt = new HashMap<>();
    private final Map<UnitName, TimerQueue.Timer> timers = new HashMap<>();
    private GiveUpTimeout limit = GiveUpTimeout.never();

    MdnsRetention(EventLoop loop, ControllerTracker tracker, Discovery discovery) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
    }

    /** The give-up time of the configuration in force; a change counts for the next check. */
    void limit(GiveUpTimeout value) {
        limit = Objects.requireNonNull(value, "value");
    }

    /** Some instance announces {@code dc} (again): whatever give-up was under way is off. */
    void announced(UnitName dc) {
        if (withdrawnAt.remove(dc) != null) {
            Optional.ofNullable(timers.remove(dc)).ifPresent(TimerQueue.Timer::cancel);
            tracker.get(dc).ifPresent(c -> log.log(Level.INFO, c, "announced again; kept"));
        }
    }

    /** The last instance announcing {@code dc} went. */
    void withdrawn(UnitName dc) {
        withdrawnAt.put(dc, loop.nowNanos());
        tracker.get(dc).ifPresent(c -> log.log(Level.INFO, c, "no longer announced; kept while reachable"
                + limit.limit().map(l -> ", given up after " + l.toMinutes() + " min unreachable").orElse("")));
        check(dc);
    }

    /** Whether {@code dc} is announced no more. */
    boolean isWithdrawn(UnitName dc) {
        return withdrawnAt.containsKey(dc);
    }

    /** The timer of {@code dc}'s withdrawal is due. */
    void due(UnitName dc) {
        timers.remove(dc);
        check(dc);
    }

    @Override
    public boolean givesUp(TrackedController c, Duration failingFor) {
        Long since = withdrawnAt.get(c.unit());
        if (since == null) {
            return false; // still announced: retried for as long as it is
        }
        Duration unwanted = min(failingFor, Duration.ofNanos(loop.nowNanos() - since));
        if (!limit.reachedAfter(unwanted)) {
            return false;
        }
        return drop(c.unit(), unwanted);
    }

    /** Drops {@code dc} when it has been withdrawn and unreachable long enough; else re-arms. */
    private void check(UnitName dc) {
        Long since = withdrawnAt.get(dc);
        if (since == null || limit.isNever()) {
            return;
        }
        TrackedController c = tracker.get(dc).orElse(null);
        if (c != null && (c.state() == ControllerState.CONNECTED || c.state() == ControllerState.PARKED)) {
            return; // reachable; its next failure asks givesUp
        }
        long unreachableSince = c != null && c.failing ? Math.max(since, c.failingSinceNanos) : since;
        Duration unwanted = Duration.ofNanos(loop.nowNanos() - unreachableSince);
        if (limit.reachedAfter(unwanted)) {
            drop(dc, unwanted);
            return;
        }
        Optional.ofNullable(timers.remove(dc)).ifPresent(TimerQueue.Timer::cancel);
        timers.put(dc, loop.schedule(limit.limit().orElseThrow().minus(unwanted), new Due.MdnsGiveUp(dc)));
    }

    /** Whether {@code dc} is no longer tracked: a referral may still list it, and then it is retried as that. */
    private boolean drop(UnitName dc, Duration unwanted) {
        withdrawnAt.remove(dc);
        Optional.ofNullable(timers.remove(dc)).ifPresent(TimerQueue.Timer::cancel);
        tracker.get(dc).ifPresent(c -> log.log(Level.WARN, c, "no longer announced and unreachable for "
                + unwanted.toMinutes() + " min (dc-giveup-timeout); no longer desired"));
        discovery.unannounced(dc);
        return tracker.get(dc).isEmpty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
