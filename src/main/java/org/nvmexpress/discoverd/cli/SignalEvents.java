package org.nvmexpress.discoverd.cli;

import java.util.Objects;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.daemon.LoopEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP, SIGTERM and SIGINT as {@link LoopEvent}s posted to the daemon's loop.
 *
 * <p>Why {@code sun.misc.Signal} (module {@code jdk.unsupported}): the JDK has no supported API for
 * SIGHUP at all, and for SIGTERM only shutdown hooks, which run while the JVM is already exiting
 * and cannot send {@code STOPPING=1} in order or choose the exit status. Handling signals natively
 * through JNA is worse: a Java callback may not run inside a signal handler, and
 * {@code signalfd(2)} needs the signals blocked in every thread, which the JVM's own threads,
 * started before {@code main}, do not do. {@code jdk.unsupported} is the module the JDK keeps
 * exported precisely for such uses, and the handler here only posts an immutable event (on the
 * JVM's signal dispatcher thread, which waits while the loop's inbox is full).
 */
final class SignalEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SignalEvents.class);

    private final Consumer<LoopEvent> poster;

    SignalEvents(Consumer<LoopEvent> poster) {
        this.poster = Objects.requireNonNull(poster, "poster");
    }

    /** Installs the handlers; a signal that cannot be handled (JVM run with {@code -Xrs}) is logged. */
    SignalEvents install() {
        handle("HUP", new LoopEvent.Reload());
        handle("TERM", new LoopEvent.Stop("SIGTERM"));
        handle("INT", new LoopEvent.Stop("SIGINT"));
        return this;
    }

    private void handle(String name, LoopEvent event) {
        try {
            Signal.handle(new Signal(name), signal -> poster.accept(event));
        } catch (IllegalArgumentException e) {
            LOG.error("cannot handle SIG{}: {}; it keeps the JVM's default action", name, e.getMessage());
        }
    }
}
