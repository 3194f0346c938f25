package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A command of the status interface ({@link DaemonControl}), posted by a varlink thread: the loop
 * carries it out ({@link ControlCommands}) and completes its future, on the loop thread. The value
 * is immutable; the future is its answer channel.
 */
sealed interface ControlRequest extends LoopEvent {

    /** {@link DaemonControl#reload()}: completed when the pass that serves it has been carried out. */
    record Reload(CompletableFuture<DaemonControl.ReloadResult> done) implements ControlRequest {
        public Reload {
            Objects.requireNonNull(done, "done");
        }
    }

    /** {@link DaemonControl#retry}: completed with how many controllers were retried. */
    record Retry(Optional<String> unit, CompletableFuture<Integer> done) implements ControlRequest {
        public Retry {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(done, "done");
        }
    }
}
