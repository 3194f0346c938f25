package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.nvmexpress.discoverd.systemd.UnitManager;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * A {@link UnitManager} that records what the daemon asks for and answers nothing by itself: the
 * test plays systemd and posts the results ({@code JobDone}, {@code CallFailed}, …). A request for
 * a unit whose previous request has not been answered yet is a bug of the daemon (two jobs for one
 * controller) and fails the test at once. Can refuse a unit, and can hang in {@link #close()} as a
 * unit manager with a D-Bus call stuck would. Listings ({@code listUnits}) are counted; the test
 * answers them too ({@code DaemonHarness#listed}).
 */
final class RecordingUnitManager implements UnitManager {
    private final List<String> calls = new ArrayList<>();
    private final List<UnitRequest> requests = new ArrayList<>();
    private final Set<UnitName> inFlight = new LinkedHashSet<>();
    private final Map<UnitName, String> refusals = new HashMap<>();
    private final Set<UnitName> exploding = new java.util.HashSet<>();
    private final CountDownLatch hang = new CountDownLatch(1);
    private boolean hangOnClose;
    private boolean closed;
    private int listings;

    @Override
    public Submission start(UnitRequest request) {
        return submit("start", request);
    }

    @Override
    public Submission restart(UnitRequest request) {
        return submit("restart", request);
    }

    private Submission submit(String verb, UnitRequest request) {
        UnitName unit = request.unit();
        calls.add(verb + " " + unit.value());
        requests.add(request);
        if (exploding.contains(unit)) {
            throw new IllegalStateException("the unit manager broke on " + unit);
        }
        if (refusals.containsKey(unit)) {
            return new Submission.Refused(unit, refusals.get(unit));
        }
        if (!inFlight.add(unit)) {
            throw new AssertionError("a second request for " + unit + " while one is outstanding: " + calls);
        }
        return new Submission.Queued(unit);
    }

    @Override
    public void stop(UnitName unit) {
        calls.add("stop " + unit.value());
    }

    @Override
    public void listUnits() {
        listings++;
    }

    @Override
    public void close() {
        closed = true;
        if (hangOnClose) {
            try {
                hang.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** From now on, requests for {@code unit} are refused with {@code reason}. */
    void refuse(UnitName unit, String reason) {
        refusals.put(unit, reason);
    }

    /** From now on, requests for {@code unit} throw: a bug in the unit manager. */
    void explode(UnitName unit) {
        exploding.add(unit);
    }

    /** Makes {@link #close()} block until {@link #release()}: a call stuck on the bus. */
    void hangOnClose() {
        hangOnClose = true;
    }

    boolean hangs() {
        return hangOnClose;
    }

    void release() {
        hang.countDown();
    }

    /** The test answered the outstanding request of {@code unit}. */
    void answered(UnitName unit) {
        inFlight.remove(unit);
    }

    /** Every call, as {@code start UNIT}, {@code restart UNIT} or {@code stop UNIT}, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls for {@code unit}, as {@code start} or {@code restart}. */
    List<String> callsFor(UnitName unit) {
        return calls.stream().filter(c -> c.endsWith(" " + unit.value())).map(c -> c.substring(0, c.indexOf(' ')))
                .toList();
    }

    /** Every start and restart request, in order. */
    List<UnitRequest> requests() {
        return List.copyOf(requests);
    }

    /** The units with a request outstanding, in request order. */
    Set<UnitName> inFlight() {
        return Set.copyOf(inFlight);
    }

    boolean closed() {
        return closed;
    }

    /** How many times the daemon asked for the list of units (not among {@link #calls()}: no unit's). */
    int listings() {
        return listings;
    }
}
