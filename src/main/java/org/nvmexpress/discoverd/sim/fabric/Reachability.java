package org.nvmexpress.discoverd.sim.fabric;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a port answers, in time since the simulation started. Reachable unless a {@link Window} or
 * the {@link Flapping} says otherwise. A port that becomes unreachable takes the connections through
 * it down (the kernel then reconnects until its {@code ctrl-loss-tmo} runs out); a connect to it
 * fails with a timeout.
 *
 * @param down         windows during which the port does not answer
 * @param flapping     a port that goes up and down for ever, from some time on
 * @param connectDelay how long a connect (and a log page read) takes: zero for a healthy port, more
 *                     for a slow one
 */
public record Reachability(List<Window> down, Optional<Flapping> flapping, Duration connectDelay) {
    public static final Reachability ALWAYS = new Reachability(List.of(), Optional.empty(), Duration.ZERO);

    public Reachability {
        down = List.copyOf(down);
        Objects.requireNonNull(flapping, "flapping");
        Objects.requireNonNull(connectDelay, "connectDelay");
    }

    /** Whether the port answers at {@code t} since the start. */
    public boolean reachableAt(Duration t) {
        for (Window w : down) {
            if (w.contains(t)) {
                return false;
            }
        }
        return flapping.map(f -> f.upAt(t)).orElse(true);
    }

    /** The first time after {@code t} at which {@link #reachableAt} may change; empty when never. */
    public Optional<Duration> nextChangeAfter(Duration t) {
        Optional<Duration> next = Optional.empty();
        for (Window w : down) {
            for (Duration edge : List.of(w.from(), w.until())) {
                if (edge.compareTo(t) > 0 && next.map(n -> edge.compareTo(n) < 0).orElse(true)) {
                    next = Optional.of(edge);
                }
            }
        }
        if (flapping.isPresent()) {
            Duration edge = flapping.get().nextEdgeAfter(t);
            if (next.map(n -> edge.compareTo(n) < 0).orElse(true)) {
                next = Optional.of(edge);
            }
        }
        return next;
    }

    /** Unreachable from {@code from} (inclusive) to {@code until} (exclusive). */
    public record Window(Duration from, Duration until) {
        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (until.compareTo(from) <= 0) {
                throw new IllegalArgumentException("a window must end after it starts");
            }
        }

        boolean contains(Duration t) {
            return t.compareTo(from) >= 0 && t.compareTo(until) < 0;
        }
    }

    /** From {@code from} on: down for {@code down}, then up for {@code up}, and again. */
    public record Flapping(Duration from, Duration up, Duration down) {
        public Flapping {
            Objects.requireNonNull(from, "from");
            if (up.isNegative() || up.isZero() || down.isNegative() || down.isZero()) {
                throw new IllegalArgumentException("a flapping port needs positive up and down times");
            }
        }

        boolean upAt(Duration t) {
            if (t.compareTo(from) < 0) {
                return true;
            }
            long phase = t.minus(from).toNanos() % up.plus(down).toNanos();
            return phase >= down.toNanos();
        }

        Duration nextEdgeAfter(Duration t) {
            if (t.compareTo(from) < 0) {
                return from;
            }
            long period = up.plus(down).toNanos();
            long since = t.minus(from).toNanos();
            long cycleStart = since - since % period;
            long edge = since % period < down.toNanos() ? cycleStart + down.toNanos() : cycleStart + period;
            return from.plusNanos(edge);
        }
    }
}
