package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The daemon's {@link DaemonControl}: reads come from the snapshot the loop published last and never
 * touch the loop's state; commands are posted to the loop as {@link ControlRequest}s and carried out
 * there ({@link ControlCommands}). Thread-safe.
 *
 * <p>The futures are completed on the loop thread: a client attaches its reply with an
 * {@code ...Async} stage (or only hands the result to its own thread), since a stage that blocked
 * would block the loop. A command posted once the loop has stopped fails at once.
 */
final class LoopControl implements DaemonControl {
    private final EventLoop loop;
    private final SnapshotPublisher snapshots;
    private final ControlEvents events;

    LoopControl(EventLoop loop, SnapshotPublisher snapshots, ControlEvents events) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public DaemonSnapshot snapshot() {
        return snapshots.current();
    }

    @Override
    public Subscription subscribe(Consumer<DaemonEvent> listener) {
        return events.subscribe(listener);
    }

    @Override
    public CompletableFuture<ReloadResult> reload() {
        CompletableFuture<ReloadResult> done = new CompletableFuture<>();
        post(new ControlRequest.Reload(done), done);
        return done;
    }

    @Override
    public CompletableFuture<Integer> retry(Optional<String> unit) {
        Objects.requireNonNull(unit, "unit");
        CompletableFuture<Integer> done = new CompletableFuture<>();
        post(new ControlRequest.Retry(unit, done), done);
        return done;
    }

    /** Posts {@code request}; after the loop stopped the post is dropped, so {@code done} fails instead. */
    private void post(ControlRequest request, CompletableFuture<?> done) {
        loop.post(request);
        if (loop.isClosed()) {
            done.completeExceptionally(new IllegalStateException("the daemon is stopping"));
        }
    }
}
