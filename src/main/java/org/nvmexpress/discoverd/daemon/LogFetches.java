package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Reads the log pages of the discovery controllers, on the workers, never on the loop (reference
 * §5.1; the C daemon fetches on its loop, §15 item 36). Per DC at most one fetch is under way and
 * one more is held: a storm of change notices from one DC costs two fetches, not one per notice.
 * A failed fetch changes nothing the daemon had (§15 items 14-15): it is logged when the problem is
 * new and tried again with the controllers' backoff; a good page goes to the {@link Sink}.
 *
 * <p>Loop-confined.
 */
final class LogFetches {
    private static final Logger LOG = LoggerFactory.getLogger(LogFetches.class);

    /** Where a good page goes. */
    interface Sink {
        void fetched(TrackedController dc, FetchResult.Fetched page);
    }

    /** One DC's fetches. */
    private static final class State {
        long seq;
        boolean inFlight;
        boolean held;
        int failures;
        TimerQueue.Timer retry;
        /** The device of the connection whose page was asked for, so a repeated "connected" reads once. */
        DeviceName readFor;
        String lastProblem = "";
    }

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Workers workers;
    private final DiscoveryLogSource source;
    private final RetryPolicy retry;
    private final Sink sink;
    private final ControllerLog log = new ControllerLog(LOG);
    private final Map<UnitName, State> states = new HashMap<>();

    LogFetches(EventLoop loop, ControllerTracker tracker, Workers workers, DiscoveryLogSource source, RetryPolicy retry,
            Sink sink) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.source = Objects.requireNonNull(source, "source");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** {@code dc} is connected on its device: its page is read, once per connection. */
    void connected(TrackedController dc) {
        assert loop.inLoop();
        DeviceName device = dc.device().orElseThrow();
        State state = states.computeIfAbsent(dc.unit(), u -> new State());
        if (!device.equals(state.readFor)) {
            state.readFor = device;
            request(dc, state);
        }
    }

    /** The DC said its page changed (a change notice, a rediscover): read it again. */
    void changed(TrackedController dc) {
        assert loop.inLoop();
        request(dc, states.computeIfAbsent(dc.unit(), u -> new State()));
    }

    /** {@code dc} lost its connection: nothing is read through it until it is connected again. */
    void disconnected(UnitName dc) {
        assert loop.inLoop();
        State state = states.get(dc);
        if (state != null) {
            state.readFor = null;
            state.held = false;
            cancelRetry(state);
        }
    }

    /** {@code dc} is no longer tracked. */
    void forget(UnitName dc) {
        assert loop.inLoop();
        State state = states.remove(dc);
        if (state != null) {
            cancelRetry(state);
        }
    }

    private void request(TrackedController dc, State state) {
        Optional<DeviceName> device = dc.device();
        if (device.isEmpty()) {
            return; // read when it is connected
        }
        if (state.inFlight) {
            state.held = true;
            return;
        }
        cancelRetry(state);
        state.inFlight = true;
        long seq = ++state.seq;
        DeviceName on = device.get();
        workers.submit("read the discovery log of " + on, () -> source.fetch(on.value()),
                outcome -> new WorkDone.LogFetched(dc.unit(), on, seq, outcome));
    }

    void fetched(WorkDone.LogFetched result) {
        assert loop.inLoop();
        State state = states.get(result.unit());
        if (state == null || state.seq != result.seq()) {
            return;
        }
        state.inFlight = false;
        Optional<TrackedController> tracked = tracker.get(result.unit());
        if (tracked.isEmpty()) {
            states.remove(result.unit());
            return;
        }
        TrackedController dc = tracked.get();
        boolean again = state.held;
        state.held = false;
        if (!dc.device().equals(Optional.of(result.device()))) {
            LOG.debug("{} - its discovery log was read through {}, which it is no longer on; dropped", dc,
                    result.device());
        } else {
            FetchResult fetch = result.outcome() instanceof Outcome.Success<FetchResult> success ? success.value() : null;
            String problem = fetch == null ? ((Outcome.Failure<FetchResult>) result.outcome()).reason() : fetch.describe();
            if (fetch instanceof FetchResult.Fetched page) {
                state.failures = 0;
                state.lastProblem = "";
                sink.fetched(dc, page);
            } else if (!again) {
                failed(dc, state, problem);
            }
        }
        if (again && tracker.get(result.unit()).isPresent()) {
            request(dc, state);
        }
    }

    private void failed(TrackedController dc, State state, String problem) {
        state.failures++;
        Duration delay = retry.delayAfter(state.failures);
        state.retry = loop.schedule(delay, new Due.Fetch(dc.unit()));
        Level level = problem.equals(state.lastProblem) ? Level.INFO : Level.WARN;
        state.lastProblem = problem;
        log.log(level, dc, "cannot read its discovery log: " + problem + "; what it listed stays, trying again in "
                + Connections.seconds(delay));
    }

    /** A failed fetch's retry is due. */
    void due(UnitName unit) {
        assert loop.inLoop();
        State state = states.get(unit);
        if (state == null) {
            return;
        }
        state.retry = null;
        tracker.get(unit).ifPresent(dc -> request(dc, state));
    }

    private static void cancelRetry(State state) {
        if (state.retry != null) {
            state.retry.cancel();
            state.retry = null;
        }
    }
}
