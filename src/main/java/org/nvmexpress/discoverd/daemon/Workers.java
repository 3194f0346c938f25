package org.nvmexpress.discoverd.daemon;

import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Where the loop sends blocking work (sysfs scans, settling a new controller, registry and
 * exclusion reads, name resolution, configuration reads): off the loop, with the result posted
 * back as an event carrying an {@link Outcome} (STYLE §7 rule 7). Production: {@link WorkerPool};
 * tests run the work on a thread of their own, one step at a time.
 */
interface Workers extends AutoCloseable {

    /**
     * Runs {@code work} off the loop, then posts {@code then.apply(outcome)} to it. Loop only; never
     * blocks. When no worker can take it (the pool is saturated or closed) the work is not run and
     * the loop gets a failure outcome instead, so every submission is answered exactly once.
     *
     * @param what names the work for the log
     */
    <T> void submit(String what, Callable<T> work, Function<Outcome<T>, LoopEvent> then);

    /** Stops the workers; work not started is dropped, running work is interrupted. */
    @Override
    void close();
}
