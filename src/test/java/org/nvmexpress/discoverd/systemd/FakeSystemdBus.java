package org.nvmexpress.discoverd.systemd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * A scripted systemd behind the {@link SystemdBus} port: records every call as {@code "Method unit"},
 * answers with sequential job paths, fails the calls it was told to fail, and lets the test end jobs,
 * lose the bus, and send {@code JobRemoved} before a reply.
 */
final class FakeSystemdBus implements SystemdBus {
    final List<String> calls = new ArrayList<>();
    final Map<UnitName, List<UnitProperty>> properties = new HashMap<>();
    final Map<UnitName, UnitStatus> statuses = new HashMap<>();
    /** Job path of every job made, by unit, latest last. */
    final Map<UnitName, List<String>> jobs = new HashMap<>();
    private final Map<String, Deque<BusCallException>> failures = new HashMap<>();
    private final Map<String, String> unitOfJob = new HashMap<>();
    private Listener listener;
    private int nextJob = 1;
    private int connectFailures;
    /** When set, the next job created ends with this result before its reply. */
    private String earlyResult;
    boolean closed;
    /** Runs at each {@code StartTransientUnit} and {@code RestartUnit}, before it is recorded. */
    Consumer<UnitName> beforeStartOrRestart = unit -> { };

    /** The next call {@code "Method unit"} (or {@code "Hello"}) fails with {@code errorName}. */
    void failNext(String call, String errorName, String message) {
        String method = call.split(" ")[0];
        failures.computeIfAbsent(call, c -> new ArrayDeque<>()).add(new BusCallException(method, errorName, message));
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
        listener.jobRemoved(made.get(made.size() - 1), unit.value(), result);
    }

    /** systemd broadcasts a {@code JobRemoved} (for any job on the machine: we are subscribed). */
    void signal(String jobPath, String unit, String result) {
        listener.jobRemoved(jobPath, unit, result);
    }

    void loseBus(String reason) {
        listener.busLost(reason);
    }

    List<String> callsOf(String method) {
        return calls.stream().filter(c -> c.startsWith(method + " ")).toList();
    }

    @Override
    public void connect(Listener newListener) throws BusCallException {
        calls.add("Hello");
        if (connectFailures > 0) {
            connectFailures--;
            throw new BusCallException("Hello", BusCallException.DISCONNECTED, "cannot connect to unix:path=/x: refused");
        }
        this.listener = newListener;
        calls.add("Subscribe");
    }

    @Override
    public String startTransientUnit(UnitName unit, List<UnitProperty> props) throws BusCallException {
        beforeStartOrRestart.accept(unit);
        call("StartTransientUnit", unit);
        properties.put(unit, props);
        return job(unit);
    }

    @Override
    public String restartUnit(UnitName unit) throws BusCallException {
        beforeStartOrRestart.accept(unit);
        call("RestartUnit", unit);
        return job(unit);
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
    public void close() {
        closed = true;
    }

    private void call(String method, UnitName unit) throws BusCallException {
        String call = method + " " + unit.value();
        calls.add(call);
        Deque<BusCallException> queued = failures.get(call);
        if (queued != null && !queued.isEmpty()) {
            throw queued.removeFirst();
        }
    }

    private String job(UnitName unit) {
        String path = "/org/freedesktop/systemd1/job/" + nextJob++;
        unitOfJob.put(path, unit.value());
        jobs.computeIfAbsent(unit, u -> new ArrayList<>()).add(path);
        if (earlyResult != null) {
            String result = earlyResult;
            earlyResult = null;
            listener.jobRemoved(path, unit.value(), result);
        }
        return path;
    }
}
