package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The production {@link Workers}: a few daemon threads ({@code daemon-worker-N}) and a bounded
 * queue. A submission the pool cannot take is answered at once, on the loop, with
 * {@link Outcome.Failure} through a timer of zero delay (the loop never posts to its own inbox),
 * and the caller treats it like any other failure: retried with backoff.
 */
final class WorkerPool implements Workers {
    /** Two threads: the host has few cores and the work is mostly waiting on files and DNS. */
    static final int DEFAULT_THREADS = 2;
    static final int DEFAULT_QUEUE = 1024;

    private final EventLoop loop;
    private final ThreadPoolExecutor executor;

    WorkerPool(EventLoop loop, int threads, int queueCapacity) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new NamedThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public <T> void submit(String what, Callable<T> work, Function<Outcome<T>, LoopEvent> then) {
        assert loop.inLoop() : "submit off the loop";
        try {
            executor.execute(() -> loop.post(then.apply(Outcome.of(work))));
        } catch (RejectedExecutionException e) {
            loop.schedule(Duration.ZERO, then.apply(new Outcome.Failure<>("no worker free for " + what, e)));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Daemon threads, so a hung read never keeps the process alive after the loop ended. */
    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private int next = 1;

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "daemon-worker-" + next++);
            thread.setDaemon(true);
            return thread;
        }
    }
}
