package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The result of work done off the loop, as a value (STYLE §7 rule 6): a worker never throws into
 * the loop, it posts {@link Success} or {@link Failure} inside a {@link LoopEvent}, and the loop
 * decides what the failure means.
 *
 * @param <T> what the work produces
 */
public sealed interface Outcome<T> {

    /** @param value what the work produced */
    record Success<T>(T value) implements Outcome<T> {
        public Success {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param reason one line for the log: the exception's message, or its class when it has none
     * @param cause  the exception, for a stack trace where one helps
     */
    record Failure<T>(String reason, Throwable cause) implements Outcome<T> {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * Runs {@code work} on the calling thread (a worker's) and wraps what it returns or throws. An
     * interrupt becomes a failure with the thread's flag restored.
     */
    static <T> Outcome<T> of(Callable<T> work) {
        try {
            return new Success<>(work.call());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure<>("interrupted", e);
        } catch (Exception e) {
            // The worker's thread loop: a failure of the work is a value for the loop (STYLE §7 rule 10).
            return new Failure<>(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), e);
        }
    }
}
