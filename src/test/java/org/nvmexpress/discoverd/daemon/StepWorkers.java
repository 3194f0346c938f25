package org.nvmexpress.discoverd.daemon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * {@link Workers} for tests: work is queued when submitted and run only when {@link TestLoop}
 * says so, one item at a time, on a thread of its own (never the loop's, so a port that must not
 * be called on the loop can tell), while the test thread waits for it. Deterministic: the results
 * are posted in submission order.
 */
final class StepWorkers implements Workers {
    private final EventLoop loop;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-worker");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final List<String> submitted = new ArrayList<>();
    private boolean closed;

    StepWorkers(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public <T> void submit(String what, Callable<T> work, Function<Outcome<T>, LoopEvent> then) {
        if (!loop.inLoop()) {
            throw new AssertionError("submit off the loop: " + what);
        }
        submitted.add(what);
        queued.add(() -> loop.post(then.apply(Outcome.of(work))));
    }

    /** Runs every queued item on the worker thread, waiting for each; returns how many ran. */
    int runQueued() {
        int ran = 0;
        while (!queued.isEmpty() && !closed) {
            Runnable item = queued.removeFirst();
            try {
                thread.submit(item).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException e) {
                throw new AssertionError("work failed outside its Outcome", e.getCause());
            }
            ran++;
        }
        return ran;
    }

    boolean hasQueued() {
        return !queued.isEmpty();
    }

    /** What was submitted, by the names the loop gave, in order. */
    List<String> submitted() {
        return List.copyOf(submitted);
    }

    @Override
    public void close() {
        closed = true;
        queued.clear();
        thread.shutdownNow();
    }
}
