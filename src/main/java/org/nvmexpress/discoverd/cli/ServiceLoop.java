package org.nvmexpress.discoverd.cli;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.Clock;
import org.nvmexpress.discoverd.systemd.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's main loop as far as this build goes: tells systemd it is ready, then blocks on its
 * events: reload on SIGHUP, stop on SIGTERM/SIGINT, and, when systemd watches us, a
 * {@code WATCHDOG=1} each time the watchdog interval has passed (the wait on the queue has that
 * deadline; nothing polls). The event loop that connects controllers replaces this with a later
 * issue; the notification protocol stays.
 *
 * <p>Runs on the thread that calls {@link #run}; only the event source is shared with other threads.
 */
final class ServiceLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLoop.class);

    private final ServiceEvents events;
    private final Notifier notifier;
    private final Clock clock;
    private final ServiceConfigLoader loader;
    private ServiceConfig config;
    /** CLOCK_MONOTONIC of the next watchdog ping; meaningful only while a watchdog interval is set. */
    private long nextPingNanos;

    ServiceLoop(ServiceEvents events, Notifier notifier, Clock clock, ServiceConfigLoader loader,
            ServiceConfig initial) {
        this.events = Objects.requireNonNull(events, "events");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.config = Objects.requireNonNull(initial, "initial");
    }

    /** Sends {@code READY=1}, handles events until asked to stop, sends {@code STOPPING=1}; returns the exit status. */
    int run() throws InterruptedException {
        Optional<Duration> watchdog = notifier.watchdogInterval();
        watchdog.ifPresent(interval -> LOG.info("systemd watchdog on: WATCHDOG=1 every {} ms", interval.toMillis()));
        notifier.ready(config.status().text());
        LOG.info("ready: {}", config.status().text());
        nextPingNanos = watchdog.map(interval -> clock.nowNanos() + interval.toNanos()).orElse(0L);
        while (true) {
            Optional<ServiceEvent> event = events.next(timeoutNanos(watchdog));
            // Checked after every wake-up, so a stream of events cannot starve the watchdog.
            watchdog.ifPresent(this::pingIfDue);
            if (event.isEmpty()) {
                continue;
            }
            if (event.get() instanceof ServiceEvent.Reload) {
                reload();
            } else if (event.get() instanceof ServiceEvent.Stop stop) {
                LOG.info("stopping on {}", stop.signal());
                notifier.stopping("Stopping on " + stop.signal());
                return 0;
            }
        }
    }

    /** How long to wait for an event: until the next ping is due, or without limit. */
    private long timeoutNanos(Optional<Duration> watchdog) {
        if (watchdog.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, nextPingNanos - clock.nowNanos());
    }

    private void pingIfDue(Duration interval) {
        long now = clock.nowNanos();
        if (now - nextPingNanos < 0) {
            return;
        }
        notifier.watchdog();
        nextPingNanos = now + interval.toNanos();
    }

    private void reload() {
        LOG.info("reloading the configuration (SIGHUP)");
        notifier.reloading("Reloading configuration...");
        config = loader.reload(config);
        notifier.ready(config.status().text());
        LOG.info("reloaded: {}", config.status().text());
    }
}
