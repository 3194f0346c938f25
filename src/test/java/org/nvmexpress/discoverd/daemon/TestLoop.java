package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.kernel.FakeClock;

/**
 * The loop on the test thread (STYLE §5, like netty's {@code EmbeddedEventLoop}): the test drives
 * it, the loop never drives the test. {@link #runPending()} delivers what is waiting and runs the
 * queued off-loop work until nothing is left; {@link #advance(Duration)} moves the virtual clock
 * from deadline to deadline, running what each timer set off.
 */
final class TestLoop {
    final FakeClock clock = new FakeClock();
    final EventLoop loop = new EventLoop(clock, 100_000);
    final StepWorkers workers = new StepWorkers(loop);
    private Consumer<LoopEvent> handler = event -> {
        throw new AssertionError("no handler for " + event);
    };

    TestLoop() {
        loop.bindToCurrentThread();
    }

    void handler(Consumer<LoopEvent> value) {
        handler = value;
    }

    /** Delivers events and timers that are due and runs queued work, until all three are done. */
    void runPending() {
        do {
            loop.runPending(handler);
        } while (workers.runQueued() > 0);
    }

    /** Lets {@code duration} pass, firing each timer at its deadline. */
    void advance(Duration duration) {
        runPending();
        long target = clock.nowNanos() + duration.toNanos();
        while (loop.hasTimers() && loop.nextDeadlineNanos() - target <= 0) {
            advanceTo(loop.nextDeadlineNanos());
            runPending();
        }
        advanceTo(target);
        runPending();
    }

    private void advanceTo(long nanos) {
        if (nanos - clock.nowNanos() > 0) {
            clock.set(Duration.ofNanos(nanos));
        }
    }
}
