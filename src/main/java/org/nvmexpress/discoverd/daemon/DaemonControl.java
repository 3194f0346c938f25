package org.nvmexpress.discoverd.daemon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the daemon offers its status and control interface (varlink, ARCHITECTURE §7): the
 * immutable {@link DaemonSnapshot} the loop last published, a live stream of {@link DaemonEvent}s,
 * and the commands, each posted to the loop and completed when the loop is done. Thread-safe:
 * called from the varlink threads, which never touch the loop's state.
 */
public interface DaemonControl {

    /** The snapshot the loop published last; never {@code null}. */
    DaemonSnapshot snapshot();

    /**
     * Delivers every event from now on to {@code listener}, on a thread of the daemon's, until the
     * returned handle is closed. The listener must not block: it hands the event to a bounded queue
     * of its own (a slow client never slows the loop).
     */
    Subscription subscribe(Consumer<DaemonEvent> listener);

    /** An event stream's end. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Same as SIGHUP; completes once the reload's pass has ended, with its snapshot published. */
    CompletableFuture<ReloadResult> reload();

    /**
     * Retries now, without waiting for the backoff: {@code unit}, or every controller in backoff
     * when empty. Completes with how many were retried; exceptionally with {@link NoSuchController}
     * for a unit the daemon does not track.
     */
    CompletableFuture<Integer> retry(Optional<String> unit);

    /**
     * How a reload ended.
     *
     * @param errors the fabrics configuration's errors ({@code file:line: message}); when not empty
     *               the files with errors kept their last good content
     */
    record ReloadResult(List<String> errors) {
        public ReloadResult {
            errors = List.copyOf(errors);
        }

        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    /** {@link #retry} of a unit the daemon does not track. */
    final class NoSuchController extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String unit;

        public NoSuchController(String unit) {
            super("no such controller: " + Objects.requireNonNull(unit, "unit"));
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }
}
