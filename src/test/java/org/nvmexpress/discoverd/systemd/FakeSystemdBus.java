package org.nvmexpress.discoverd.systemd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * A scripted systemd behind the {@link SystemdBus} port: records every call as {@code "Method unit"},
 * answers with sequential job paths (or, like systemd, with the pending job's path when a job of the
 * unit is still running, or with one path per unit for ever), fails the calls it was told to fail,
 * and lets the test end jobs, lose the bus, make systemd leave and rejoin it, and send
 * {@code JobRemoved} before a reply.
 */
final class FakeSystemdBus implements SystemdBus {
    final List<String> calls = new ArrayList<>();
    final Map<UnitName, List<UnitProperty>> properties = new HashMap<>();
    final Map<UnitName, UnitStatus> statuses = new HashMap<>();
    /** Job path of every job made, by unit, latest last (a merged job is listed again). */
    final Map<UnitName, List<String>> jobs = new HashMap<>();
    /** What {@code ListUnitsByPatterns} answers. */
    final List<ListedUnit> listed = new ArrayList<>();
    private final Map<String, Deque<BusCallException>> failures = new HashMap<>();
    private final Set<String> timeOutAfterJob = new HashSet<>();
    private final Set<String> leaveAfterJob = new HashSet<>();
    /** Units with a job not yet finished: a new start/restart joins it when {@link #mergeJobs}. */
    private final Map<UnitName, String> pending = new HashMap<>();
    private Listener listener;
    private int nextJob = 1;
    private int connectFailures;
    /** When set, the next job created ends with this result before its reply. */
    private String earlyResult;
    /** While true, systemd is not on the bus: every call fails with ServiceUnknown. */
    private boolean systemdAway;
    boolean closed;
    /** Like systemd: a start/restart of a unit with a pending job returns that job's path. */
    boolean mergeJobs;
    /** Every job of a unit gets the same path, job after job (the same path returned twice). */
    boolean onePathPerUnit;
    /** Runs at each {@code StartTransientUnit} and {@code RestartUnit}, before it is recorded. */
    Consumer<UnitName> beforeStartOrRestart = unit -> { };

    /** The next call {@code "Method unit"} (or {@code "Hello"}, {@code "Subscribe"}) fails with {@code errorName}. */
    void failNext(String call, String errorName, String message) {
        String method = call.split(" ")[0];
        failures.computeIfAbsent(call, c -> new ArrayDeque<>()).add(new BusCallException(method, errorName, message));
    }

    /** The next {@code call} makes its job, then answers nothing: the caller's timeout ends it (NoReply). */
    void timeOutAfterJob(String call) {
        timeOutAfterJob.add(call);
    }

    /** The next {@code call} makes its job, then systemd leaves the bus without replying (NoReply). */
    void leaveAfterJob(String call) {
        timeOutAfterJob.add(call);
        leaveAfterJob.add(call);
    }

    void failConnects(int times) {
        connectFailures = times;
    }

    /** The next job ends, with {@code result}, before the call that made it returns. */
    void endNextJobBeforeReply(String result) {
        earlyResult = result;
    }

    /** systemd ends the latest job of {@code unit}. */
    void finish(UnitName unit, String result) {
        List<String> made = jobs.get(unit);
        pending.remove(unit);
        listener.jobRemoved(made.get(made.size() - 1), unit.value(), result);
    }

    /** systemd ends every job still pending, each with {@code result}. */
    void finishPending(String result) {
        for (Map.Entry<UnitName, String> job : List.copyOf(pending.entrySet())) {
            pending.remove(job.getKey());
            listener.jobRemoved(job.getValue(), job.getKey().value(), result);
        }
    }

    /** systemd broadcasts a {@code JobRemoved} (for any job on the machine: we are subscribed). */
    void signal(String jobPath, String unit, String result) {
        listener.jobRemoved(jobPath, unit, result);
    }

    void loseBus(String reason) {
        listener.busLost(reason);
    }

    /** systemd leaves the bus ({@code daemon-reexec}), with or without the signal reaching us. */
    void systemdLeaves(boolean signal) {
        systemdAway = true;
        if (signal) {
            listener.systemdLeft();
        }
    }

    /** systemd is back on the bus, a new instance: it has forgotten our subscription. */
    void systemdJoins() {
        systemdAway = false;
        listener.systemdJoined();
    }

    /** systemd is back on the bus, but its {@code NameOwnerChanged} did not reach us. */
    void systemdBackUnseen() {
        systemdAway = false;
    }

    List<String> callsOf(String method) {
        return calls.stream().filter(c -> c.startsWith(method + " ") || c.equals(method)).toList();
    }

    @Override
    public void connect(Listener newListener) throws BusCallException {
        calls.add("Hello");
        if (connectFailures > 0) {
            connectFailures--;
            throw new BusCallException("Hello", BusCallException.DISCONNECTED, "cannot connect to unix:path=/x: refused");
        }
        this.listener = newListener;
        subscribe();
    }

    @Override
    public void subscribe() throws BusCallException {
        record("Subscribe", "Subscribe");
    }

    @Override
    public String startTransientUnit(UnitName unit, List<UnitProperty> props) throws BusCallException {
        beforeStartOrRestart.accept(unit);
        call("StartTransientUnit", unit);
        properties.put(unit, props);
        return job("StartTransientUnit", unit);
    }

    @Override
    public String restartUnit(UnitName unit) throws BusCallException {
        beforeStartOrRestart.accept(unit);
        call("RestartUnit", unit);
        return job("RestartUnit", unit);
    }

    @Override
    public String stopUnit(UnitName unit) throws BusCallException {
        call("StopUnit", unit);
        return "/org/freedesktop/systemd1/job/stop";
    }

    @Override
    public void resetFailedUnit(UnitName unit) throws BusCallException {
        call("ResetFailedUnit", unit);
    }

    @Override
    public UnitStatus unitStatus(UnitName unit) throws BusCallException {
        call("GetUnit", unit);
        UnitStatus status = statuses.get(unit);
        if (status == null) {
            throw new BusCallException("GetUnit", BusCallException.NO_SUCH_UNIT, "Unit " + unit + " not loaded.");
        }
        return status;
    }

    @Override
    public List<ListedUnit> listUnits(List<String> patterns) throws BusCallException {
        record("ListUnitsByPatterns", "ListUnitsByPatterns " + String.join(",", patterns));
        return List.copyOf(listed);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void call(String method, UnitName unit) throws BusCallException {
        record(method, method + " " + unit.value());
    }

    private void record(String method, String call) throws BusCallException {
        calls.add(call);
        if (systemdAway) {
            throw new BusCallException(method, BusCallException.SERVICE_UNKNOWN,
                    "The name org.freedesktop.systemd1 was not provided by any .service files");
        }
        Deque<BusCallException> queued = failures.get(call);
        if (queued != null && !queued.isEmpty()) {
            throw queued.removeFirst();
        }
    }

    private String job(String method, UnitName unit) throws BusCallException {
        String path = mergeJobs && pending.containsKey(unit) ? pending.get(unit)
                : onePathPerUnit ? "/org/freedesktop/systemd1/job/" + unit.stem().replace('-', '_')
                : "/org/freedesktop/systemd1/job/" + nextJob++;
        pending.put(unit, path);
        jobs.computeIfAbsent(unit, u -> new ArrayList<>()).add(path);
        if (earlyResult != null) {
            String result = earlyResult;
            earlyResult = null;
            pending.remove(unit);
            listener.jobRemoved(path, unit.value(), result);
        }
        if (leaveAfterJob.remove(method + " " + unit.value())) {
            timeOutAfterJob.remove(method + " " + unit.value());
            systemdAway = true;
            throw new BusCallException(method, BusCallException.NO_REPLY,
                    "Message recipient disconnected from message bus without replying");
        }
        if (timeOutAfterJob.remove(method + " " + unit.value())) {
            throw new BusCallException(method, BusCallException.NO_REPLY, "no reply within 25000 ms");
        }
        return path;
    }
}
