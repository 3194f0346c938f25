package org.nvmexpress.discoverd.daemon;

import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host names configured as {@code traddr} (reference §2.3): each is resolved off the loop
 * through the {@link HostResolver}; one that does not resolve is reported once per run of failures,
 * stays desired ({@link DesiredSet#unresolved()}) and is tried again with {@link RetryPolicy}'s
 * backoff, for ever, never dropped. When one resolves, the desired set is rebuilt by whoever
 * listens ({@link Listener}).
 *
 * <p>Loop-confined.
 */
final class HostNames {
    private static final Logger LOG = LoggerFactory.getLogger(HostNames.class);

    /** Told on the loop when the answers change. */
    interface Listener {
        /** Every name asked for in {@link #resolveAll} has had its first answer. */
        void firstAnswers();

        /** A name that failed before resolved now. */
        void resolved(String hostName);
    }

    private final EventLoop loop;
    private final Workers workers;
    private final HostResolver resolver;
    private final RetryPolicy retry;
    private final Listener listener;
    private final Map<String, String> addresses = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, TimerQueue.Timer> timers = new HashMap<>();
    private final Set<String> awaitingFirst = new HashSet<>();

    HostNames(EventLoop loop, Workers workers, HostResolver resolver, RetryPolicy retry, Listener listener) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Resolves every name in {@code names} again (start-up and reload resolve afresh, as the C
     * daemon does) and forgets the ones no longer configured; {@link Listener#firstAnswers()} once
     * each has an answer, at once when there are none.
     */
    void resolveAll(Set<String> names) {
        assert loop.inLoop();
        timers.values().forEach(TimerQueue.Timer::cancel);
        timers.clear();
        addresses.keySet().retainAll(names);
        errors.keySet().retainAll(names);
        failures.keySet().retainAll(names);
        awaitingFirst.clear();
        awaitingFirst.addAll(names);
        if (names.isEmpty()) {
            listener.firstAnswers();
            return;
        }
        names.stream().sorted().forEach(this::submit);
    }

    private void submit(String hostName) {
        workers.submit("resolve " + hostName, () -> resolve(hostName),
                outcome -> new WorkDone.NameResolved(hostName, outcome));
    }

    private String resolve(String hostName) throws UnknownHostException {
        return resolver.resolve(hostName);
    }

    void resolved(WorkDone.NameResolved result) {
        assert loop.inLoop();
        String name = result.hostName();
        if (!awaitingFirst.contains(name) && !failures.containsKey(name)) {
            return; // no longer configured, or answered already
        }
        boolean first = awaitingFirst.remove(name);
        if (result.outcome() instanceof Outcome.Success<String> success) {
            addresses.put(name, success.value());
            errors.remove(name);
            Integer failed = failures.remove(name);
            if (failed != null) {
                LOG.info("host name '{}' resolves to {} after {} failed attempt{}", name, success.value(), failed,
                        failed == 1 ? "" : "s");
                if (!first) {
                    listener.resolved(name);
                }
            }
        } else {
            failed(name, ((Outcome.Failure<String>) result.outcome()).reason());
        }
        if (first && awaitingFirst.isEmpty()) {
            listener.firstAnswers();
        }
    }

    private void failed(String name, String reason) {
        int failed = failures.merge(name, 1, Integer::sum);
        if (failed == 1) {
            LOG.warn("host name '{}' does not resolve: {}; its connections wait, retrying", name, reason);
        } else {
            LOG.debug("host name '{}' still does not resolve (attempt {}): {}", name, failed, reason);
        }
        errors.put(name, reason);
        timers.put(name, loop.schedule(retry.delayAfter(failed), new Due.Resolve(name)));
    }

    /** A failed name's retry is due. */
    void due(String hostName) {
        assert loop.inLoop();
        if (timers.remove(hostName) != null) {
            submit(hostName);
        }
    }

    /** Name to canonical address, for the names that resolved. */
    Map<String, String> addresses() {
        assert loop.inLoop();
        return Map.copyOf(addresses);
    }

    /** Name to why not, for the names that did not resolve (yet). */
    Map<String, String> errors() {
        assert loop.inLoop();
        return Map.copyOf(errors);
    }
}
