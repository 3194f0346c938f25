package org.nvmexpress.discoverd.sim;

import java.time.Duration;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import org.nvmexpress.discoverd.kernel.Clock;

/**
 * Time that passes only when the driver says so ({@link #advanceTo}), shared by the simulated host
 * and the daemon's loop, so a test lives through 30 minutes of outage in milliseconds and the same
 * way every run. Confined to the driver's thread.
 */
public final class VirtualTime implements SimScheduler, Clock {
    private record Task(long at, long order, Runnable run) {
    }

    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>(Comparator.comparingLong(Task::at).thenComparingLong(Task::order));
    private long now;
    private long order;

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public void after(Duration delay, Runnable task) {
        tasks.add(new Task(now + Math.max(0, delay.toNanos()), order++, task));
    }

    /** Runs the tasks that are due, those they schedule for now included; returns how many ran. */
    public int runDue() {
        int ran = 0;
        while (!tasks.isEmpty() && tasks.peek().at() <= now) {
            tasks.poll().run().run();
            ran++;
        }
        return ran;
    }

    /** When the next task is due, if any. */
    public OptionalLong nextDeadlineNanos() {
        return tasks.isEmpty() ? OptionalLong.empty() : OptionalLong.of(tasks.peek().at());
    }

    /** Moves the time forward to {@code nanos}; never back. */
    public void advanceTo(long nanos) {
        now = Math.max(now, nanos);
    }
}
