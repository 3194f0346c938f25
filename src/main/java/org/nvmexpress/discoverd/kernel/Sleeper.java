package org.nvmexpress.discoverd.kernel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waiting, as a port: production code blocks the calling worker thread, tests advance a virtual
 * clock instead, so no unit test ever sleeps.
 */
@FunctionalInterface
public interface Sleeper {
    /** Blocks the calling thread for {@code duration}. */
    Sleeper THREAD = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
