package org.nvmexpress.discoverd.cli;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP, SIGTERM and SIGINT as {@link ServiceEvent}s on a queue the daemon's thread blocks on.
 *
 * <p>Why {@code sun.misc.Signal} (module {@code jdk.unsupported}): the JDK has no supported API for
 * SIGHUP at all, and for SIGTERM only shutdown hooks, which run while the JVM is already exiting
 * and cannot send {@code STOPPING=1} in order or choose the exit status. Handling signals natively
 * through JNA is worse: a Java callback may not run inside a signal handler, and
 * {@code signalfd(2)} needs the signals blocked in every thread, which the JVM's own threads,
 * started before {@code main}, do not do. {@code jdk.unsupported} is the module the JDK keeps
 * exported precisely for such uses, and the handler here only posts an immutable event.
 */
final class SignalEvents implements ServiceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SignalEvents.class);

    /** Events posted by the JVM's signal dispatcher thread, taken by the daemon's thread. */
    private final BlockingQueue<ServiceEvent> queue = new LinkedBlockingQueue<>();

    /** Installs the handlers; a signal that cannot be handled (JVM run with {@code -Xrs}) is logged. */
    SignalEvents install() {
        handle("HUP", new ServiceEvent.Reload());
        handle("TERM", new ServiceEvent.Stop("SIGTERM"));
        handle("INT", new ServiceEvent.Stop("SIGINT"));
        return this;
    }

    private void handle(String name, ServiceEvent event) {
        try {
            Signal.handle(new Signal(name), signal -> queue.add(event));
        } catch (IllegalArgumentException e) {
            LOG.error("cannot handle SIG{}: {}; it keeps the JVM's default action", name, e.getMessage());
        }
    }

    @Override
    public Optional<ServiceEvent> next(long timeoutNanos) throws InterruptedException {
        if (timeoutNanos == Long.MAX_VALUE) {
            return Optional.of(queue.take());
        }
        return Optional.ofNullable(queue.poll(timeoutNanos, TimeUnit.NANOSECONDS));
    }
}
