package org.nvmexpress.discoverd.systemd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Which systemd jobs are ours (reference §3.2): for each unit with a start or restart in systemd's
 * hands, its one <em>flight</em>: the call awaiting its reply, the reply lost, or the job known by its
 * object path. systemd broadcasts {@code JobRemoved} for every job on the machine; only the recorded
 * paths count, and a signal ends a flight only when it names the flight's unit too.
 *
 * <p>One flight per unit: the {@link JobLedger} joins further requests into it, so the same job path
 * returned twice (systemd merges a second restart into the pending job) can never stand for two slots.
 * A path reported for two units (which systemd never does) is held by both, each ended by a signal
 * naming it.
 *
 * <p>The race the C daemon never had (it blocked on each call): the {@code JobRemoved} of a job can
 * reach us before the reply that tells us the job's path, since signals and replies are handled on
 * different threads. A signal for an unknown path is therefore kept while its unit's job path is
 * unknown (a call awaiting its reply, a reply lost) or being asked for ({@link #probe}), and matched
 * when the path comes. That buffer is bounded ({@code earlyCapacity}, oldest dropped first) and
 * emptied of a unit's entries once its path is known.
 *
 * <p>Not thread-safe: the {@link JobLedger} guards it.
 */
final class JobTracker {
    /** Where a unit's flight stands. */
    enum Stage {
        /** The call was taken for sending; its reply will be handled. */
        CALLING,
        /** The call was sent, but its reply was lost with the bus: to be asked for. */
        LOST,
        /** The job's path is known; its {@code JobRemoved} ends the flight. */
        JOB
    }

    /** What a job path (from a reply or from systemd's state) did to a unit's flight. */
    sealed interface Match {
        /** The job is recorded; its {@code JobRemoved} will end the flight. */
        record Waiting() implements Match {
        }

        /** Its {@code JobRemoved} came first: the flight is over, with this result. */
        record Ended(String result) implements Match {
        }

        /** systemd reports no job for the unit: the flight is over, its outcome is the unit's state. */
        record NoJob() implements Match {
        }

        /** The unit had no flight (it ended meanwhile): nothing to do. */
        record Untracked() implements Match {
        }
    }

    static final Match WAITING = new Match.Waiting();
    static final Match NO_JOB = new Match.NoJob();
    static final Match UNTRACKED = new Match.Untracked();

    /** A unit's flight; {@code job} is null until known, {@code probing} while systemd is asked. */
    private record Flight(UnitName unit, Stage stage, String job, boolean probing) {
    }

    /** An early signal: the unit's name as systemd sent it, and the job's result. */
    private record Early(String unit, String result) {
    }

    private final int earlyCapacity;
    /** By unit name: every unit with a call or job in systemd's hands. */
    private final Map<String, Flight> flights = new HashMap<>();
    /** Job path to the units whose flight it is (one, unless systemd misbehaves). */
    private final Map<String, List<UnitName>> jobs = new HashMap<>();
    /** {@code JobRemoved} signals that came before their job's path was known, oldest first. */
    private final LinkedHashMap<String, Early> early = new LinkedHashMap<>();

    JobTracker(int earlyCapacity) {
        if (earlyCapacity < 1) {
            throw new IllegalArgumentException("earlyCapacity must be at least 1: " + earlyCapacity);
        }
        this.earlyCapacity = earlyCapacity;
    }

    /** A call that will create a job for {@code unit} is about to be made; it had no flight. */
    void callStarted(UnitName unit) {
        if (flights.putIfAbsent(unit.value(), new Flight(unit, Stage.CALLING, null, false)) != null) {
            throw new AssertionError("a second call for " + unit + " while one is in flight");
        }
    }

    /** The call for {@code unit} answered with {@code jobPath}: {@link Match.Waiting} or {@link Match.Ended}. */
    Match replied(UnitName unit, String jobPath) {
        Flight flight = flights.get(unit.value());
        if (flight == null || flight.stage() == Stage.JOB) {
            throw new AssertionError("a reply for " + unit + " without a call awaiting it: " + flight);
        }
        return settle(unit, Optional.of(jobPath));
    }

    /** The call for {@code unit} may have made a job, but its reply was lost with the bus. */
    void replyLost(UnitName unit) {
        Flight flight = flights.get(unit.value());
        if (flight == null || flight.stage() != Stage.CALLING) {
            throw new AssertionError("a lost reply for " + unit + " without a call awaiting it: " + flight);
        }
        flights.put(unit.value(), new Flight(unit, Stage.LOST, null, false));
    }

    /** systemd is about to be asked about {@code unit}: keep its signals of unknown jobs meanwhile. */
    void probe(UnitName unit) {
        flights.computeIfPresent(unit.value(), (u, f) -> new Flight(f.unit(), f.stage(), f.job(), true));
    }

    /**
     * systemd's word on {@code unit}: its job now ({@code job}), or none. A job becomes the flight's
     * (systemd's job for the unit is what ends it, whether we made it or not); none ends the flight.
     */
    Match settle(UnitName unit, Optional<String> job) {
        Flight flight = flights.get(unit.value());
        if (flight == null) {
            return UNTRACKED;
        }
        if (job.isEmpty()) {
            end(unit);
            return NO_JOB;
        }
        String path = job.get();
        Early signal = early.remove(path);
        if (signal != null && signal.unit().equals(unit.value())) {
            end(unit);
            return new Match.Ended(signal.result());
        }
        if (!path.equals(flight.job())) {
            if (flight.job() != null) {
                untrack(flight.job(), unit);
            }
            jobs.computeIfAbsent(path, p -> new ArrayList<>(1)).add(unit);
        }
        flights.put(unit.value(), new Flight(unit, Stage.JOB, path, false));
        dropEarly(unit.value());
        return WAITING;
    }

    /**
     * systemd's {@code JobRemoved(jobPath, unit, result)}.
     *
     * @return the unit when the job ended its flight; empty otherwise
     */
    Optional<UnitName> jobRemoved(String jobPath, String unit, String result) {
        for (UnitName holder : jobs.getOrDefault(jobPath, List.of())) {
            if (holder.value().equals(unit)) {
                end(holder);
                return Optional.of(holder);
            }
        }
        Flight flight = flights.get(unit);
        if (flight != null && (flight.stage() != Stage.JOB || flight.probing())) {
            early.put(jobPath, new Early(unit, result));
            if (early.size() > earlyCapacity) {
                early.remove(early.keySet().iterator().next());
            }
        }
        return Optional.empty();
    }

    /** Ends {@code unit}'s flight, whatever its stage (the call failed, or we stop waiting); true if it had one. */
    boolean forget(UnitName unit) {
        if (!flights.containsKey(unit.value())) {
            return false;
        }
        end(unit);
        return true;
    }

    boolean inFlight(UnitName unit) {
        return flights.containsKey(unit.value());
    }

    /** Units whose flight systemd must be asked about after a loss: a job recorded, or a reply lost. */
    List<UnitName> unsettled() {
        return flights.values().stream().filter(f -> f.stage() != Stage.CALLING).map(Flight::unit).toList();
    }

    /** Units with a flight. */
    int outstanding() {
        return flights.size();
    }

    /** Buffered early signals, for tests of the bound. */
    List<String> earlyJobPaths() {
        return List.copyOf(early.keySet());
    }

    private void end(UnitName unit) {
        Flight flight = flights.remove(unit.value());
        if (flight != null && flight.job() != null) {
            untrack(flight.job(), unit);
        }
        dropEarly(unit.value());
    }

    private void untrack(String jobPath, UnitName unit) {
        List<UnitName> holders = jobs.get(jobPath);
        if (holders != null && holders.remove(unit) && holders.isEmpty()) {
            jobs.remove(jobPath);
        }
    }

    /** Signals kept for {@code unit} are stale once its job path is known or its flight is over. */
    private void dropEarly(String unit) {
        for (Iterator<Early> it = early.values().iterator(); it.hasNext();) {
            if (it.next().unit().equals(unit)) {
                it.remove();
            }
        }
    }
}
