package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.Optional;

/**
 * The port through which the daemon tells its service manager how it is doing (sd_notify). Every
 * method sends at most one message and never throws: a service manager that cannot be told is
 * reported in the log, and the daemon carries on.
 *
 * <p>Production: {@link SdNotifier#fromEnvironment}; without {@code $NOTIFY_SOCKET} (started by
 * hand) that gives {@link #none()}. Tests use a recording double.
 */
public interface Notifier extends AutoCloseable {

    /** Start-up or a reload is complete: {@code READY=1} with the current status line. */
    void ready(String status);

    /**
     * A reload starts: {@code RELOADING=1} with {@code MONOTONIC_USEC=} (the clock read now, so
     * systemd can tell this reload from an older one, reference §1.6) and the status line; send
     * {@link #ready} when it is done.
     */
    void reloading(String status);

    /** The one-line status {@code systemctl status} shows, e.g. {@code 12 controllers: 9 connected, 2 retrying}. */
    void status(String status);

    /** Shutdown has begun: {@code STOPPING=1} with the status line. */
    void stopping(String status);

    /** {@code WATCHDOG=1}; call it every {@link #watchdogInterval()}. */
    void watchdog();

    /** How often to call {@link #watchdog()}, or empty when nobody watches (no {@code WatchdogSec=}). */
    Optional<Duration> watchdogInterval();

    /** Releases the socket; later calls send nothing. */
    @Override
    void close();

    /** A notifier for a daemon without a service manager: every call does nothing. */
    static Notifier none() {
        return NoNotifier.INSTANCE;
    }
}
