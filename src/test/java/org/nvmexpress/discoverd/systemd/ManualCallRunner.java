package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/** A {@link CallRunner} on the test thread, in virtual time: nothing runs until the test says so. */
final class ManualCallRunner implements CallRunner {
    private record Timer(Duration due, long order, Runnable task) {
    }

    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>(Comparator.comparing(Timer::due).thenComparingLong(Timer::order));
    private Duration now = Duration.ZERO;
    private long scheduled;
    private boolean closed;

    @Override
    public void execute(Runnable task) {
        if (!closed) {
            ready.add(task);
        }
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        if (!closed) {
            timers.add(new Timer(now.plus(delay), scheduled++, task));
        }
    }

    @Override
    public void close() {
        closed = true;
        ready.clear();
        timers.clear();
    }

    /** Runs every ready task, including those they make ready; returns how many ran. */
    int runPending() {
        int ran = 0;
        while (!ready.isEmpty()) {
            ready.removeFirst().run();
            ran++;
        }
        return ran;
    }

    /** Moves virtual time on, runs the timers that came due and what they make ready. */
    void advance(Duration delta) {
        now = now.plus(delta);
        while (!timers.isEmpty() && timers.peek().due().compareTo(now) <= 0) {
            ready.add(timers.poll().task());
            runPending();
        }
        runPending();
    }

    /** When the next timer is due from now, or null. */
    Duration nextTimer() {
        return timers.isEmpty() ? null : timers.peek().due().minus(now);
    }
}
