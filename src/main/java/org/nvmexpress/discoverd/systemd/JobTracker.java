package org.nvmexpress.discoverd.systemd;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Which systemd jobs are ours (reference §3.2): job object path to unit, for the start and restart
 * jobs the daemon waits for. systemd broadcasts {@code JobRemoved} for every job on the machine; only
 * the recorded paths count.
 *
 * <p>The race the C daemon never had (it blocked on each call): the {@code JobRemoved} of a job can
 * reach us before the reply that tells us the job's path, since signals and replies are handled on
 * different threads. A signal for an unknown path is therefore kept while a call for its unit is
 * awaiting its reply, and matched when the reply comes. That buffer is bounded
 * ({@code earlyCapacity}, oldest dropped first) and emptied of a unit's entries once its reply is in.
 *
 * <p>Not thread-safe: the {@link JobLedger} guards it.
 */
final class JobTracker {
    /** An early signal: the unit's name as systemd sent it, and the job's result. */
    private record Early(String unit, String result) {
    }

    private final int earlyCapacity;
    /** Job path to unit, for every outstanding start/restart job. */
    private final Map<String, UnitName> jobs = new HashMap<>();
    /** Names of units with a call issued whose reply is not handled yet, with how many such calls. */
    private final Map<String, Integer> awaitingReply = new HashMap<>();
    /** Units whose start call was sent but whose reply the bus lost, with how many such calls. */
    private final Map<UnitName, Integer> lostReplies = new HashMap<>();
    /** {@code JobRemoved} signals that came before their reply, oldest first. */
    private final LinkedHashMap<String, Early> early = new LinkedHashMap<>();

    JobTracker(int earlyCapacity) {
        if (earlyCapacity < 1) {
            throw new IllegalArgumentException("earlyCapacity must be at least 1: " + earlyCapacity);
        }
        this.earlyCapacity = earlyCapacity;
    }

    /** A call that will create a job for {@code unit} is about to be made. */
    void callStarted(UnitName unit) {
        awaitingReply.merge(unit.value(), 1, Integer::sum);
    }

    /**
     * The call for {@code unit} answered with {@code jobPath}.
     *
     * @return the job's result when its {@code JobRemoved} came first (the job is then not recorded);
     *         empty when the job is now outstanding
     */
    Optional<String> replied(UnitName unit, String jobPath) {
        replyHandled(unit);
        Early signal = early.remove(jobPath);
        if (signal != null && signal.unit().equals(unit.value())) {
            dropEarly(unit);
            return Optional.of(signal.result());
        }
        dropEarly(unit);
        jobs.put(jobPath, unit);
        return Optional.empty();
    }

    /**
     * The call for {@code unit} may have made a job, but its reply was lost with the bus: the unit
     * stays awaited, and its job is {@link #adopt adopted} from systemd's answer once the bus is back.
     */
    void replyLost(UnitName unit) {
        lostReplies.merge(unit, 1, Integer::sum);
    }

    /** True when a reply for {@code unit} was lost with the bus. */
    boolean replyWasLost(UnitName unit) {
        return lostReplies.containsKey(unit);
    }

    /** Takes {@code jobPath}, read from systemd, as the job of a lost reply: {@link #replied}. */
    Optional<String> adopt(UnitName unit, String jobPath) {
        lostReplies.computeIfPresent(unit, (u, n) -> n == 1 ? null : n - 1);
        return replied(unit, jobPath);
    }

    /** The call for {@code unit} failed: no job to wait for. */
    void callFailed(UnitName unit) {
        replyHandled(unit);
        dropEarly(unit);
    }

    /**
     * systemd's {@code JobRemoved(jobPath, unit, result)}.
     *
     * @return the unit when the job was ours and outstanding (it no longer is); empty otherwise
     */
    Optional<UnitName> jobRemoved(String jobPath, String unit, String result) {
        UnitName ours = jobs.remove(jobPath);
        if (ours != null) {
            return Optional.of(ours);
        }
        if (awaitingReply.containsKey(unit)) {
            early.put(jobPath, new Early(unit, result));
            if (early.size() > earlyCapacity) {
                early.remove(early.keySet().iterator().next());
            }
        }
        return Optional.empty();
    }

    /** Units with at least one outstanding job or lost reply. */
    Set<UnitName> units() {
        Set<UnitName> units = new HashSet<>(jobs.values());
        units.addAll(lostReplies.keySet());
        return units;
    }

    /** Stops waiting for {@code unit}'s jobs and lost replies; returns how many there were. */
    int forget(UnitName unit) {
        int before = jobs.size();
        jobs.values().removeIf(unit::equals);
        int lost = lostReplies.getOrDefault(unit, 0);
        lostReplies.remove(unit);
        for (int i = 0; i < lost; i++) {
            replyHandled(unit);
        }
        dropEarly(unit);
        return before - jobs.size() + lost;
    }

    /** Outstanding jobs. */
    int outstanding() {
        return jobs.size();
    }

    /** Buffered early signals, for tests of the bound. */
    List<String> earlyJobPaths() {
        return List.copyOf(early.keySet());
    }

    private void replyHandled(UnitName unit) {
        awaitingReply.computeIfPresent(unit.value(), (u, n) -> n == 1 ? null : n - 1);
    }

    /** Signals kept for {@code unit} are stale once no reply for it is awaited. */
    private void dropEarly(UnitName unit) {
        if (awaitingReply.containsKey(unit.value())) {
            return;
        }
        for (Iterator<Early> it = early.values().iterator(); it.hasNext();) {
            if (it.next().unit().equals(unit.value())) {
                it.remove();
            }
        }
    }
}
