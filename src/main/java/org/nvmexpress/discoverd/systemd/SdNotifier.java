package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.nvmexpress.discoverd.kernel.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sd_notify without libsystemd: each message is one datagram from an unbound unix socket to
 * {@code $NOTIFY_SOCKET}. The kernel attaches our credentials, from which systemd checks that the
 * sender is the service's main process ({@code NotifyAccess=main}), so this must run in the
 * process systemd started (the launcher {@code exec}s the JVM for that reason).
 *
 * <p>A failed send is logged as a warning and otherwise ignored, as sd_notify's callers do: the
 * daemon's job does not depend on systemd hearing it. Thread-safe (methods are synchronized, so
 * a watchdog ping never interleaves with a state change).
 */
public final class SdNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(SdNotifier.class);

    private final NotifyAddress address;
    private final AFUNIXSocketAddress target;
    private final AFUNIXDatagramChannel channel;
    /** CLOCK_MONOTONIC, the clock of {@code MONOTONIC_USEC=} and of systemd's own timestamps. */
    private final Clock clock;
    private final Optional<Duration> watchdogInterval;

    /**
     * A notifier that sends to {@code address}.
     *
     * @throws IOException when no datagram socket can be made or the address is not usable
     */
    public SdNotifier(NotifyAddress address, Clock clock, Optional<Duration> watchdogInterval)
            throws IOException {
        this.address = Objects.requireNonNull(address, "address");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.watchdogInterval = Objects.requireNonNull(watchdogInterval, "watchdogInterval");
        this.target = address.socketAddress();
        this.channel = AFUNIXDatagramChannel.open();
    }

    /**
     * The notifier the environment asks for: {@link Notifier#none()} when {@code NOTIFY_SOCKET} is
     * unset (started by hand) or unusable (logged), an {@code SdNotifier} otherwise, watching
     * {@code WATCHDOG_USEC}/{@code WATCHDOG_PID} for process {@code pid}.
     */
    public static Notifier fromEnvironment(Map<String, String> env, long pid, Clock clock) {
        String value = env.get("NOTIFY_SOCKET");
        if (value == null) {
            return Notifier.none();
        }
        Optional<NotifyAddress> address = NotifyAddress.parse(value);
        if (address.isEmpty()) {
            LOG.warn("NOTIFY_SOCKET is not a unix socket path or @name: '{}'; not notifying systemd", value);
            return Notifier.none();
        }
        try {
            return new SdNotifier(address.get(), clock, WatchdogSettings.pingInterval(env, pid));
        } catch (IOException e) {
            LOG.warn("cannot open a socket to notify systemd at {}: {}; not notifying", address.get(), e.toString());
            return Notifier.none();
        }
    }

    @Override
    public synchronized void ready(String status) {
        // Read before sending, so the logged time is never later than systemd's record of it.
        long sentMicros = monotonicMicros();
        if (send(NotifyMessages.ready(status))) {
            LOG.info("sent READY=1 to the service manager (CLOCK_MONOTONIC {} µs)", sentMicros);
        }
    }

    @Override
    public synchronized void reloading(String status) {
        send(NotifyMessages.reloading(monotonicMicros(), status));
    }

    /** The clock in microseconds, the unit of {@code MONOTONIC_USEC=} and of systemd's timestamps. */
    private long monotonicMicros() {
        return TimeUnit.NANOSECONDS.toMicros(clock.nowNanos());
    }

    @Override
    public synchronized void status(String status) {
        send(NotifyMessages.status(status));
    }

    @Override
    public synchronized void stopping(String status) {
        send(NotifyMessages.stopping(status));
    }

    @Override
    public synchronized void watchdog() {
        send(NotifyMessages.watchdog());
    }

    @Override
    public Optional<Duration> watchdogInterval() {
        return watchdogInterval;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the notify socket failed: {}", e.toString());
        }
    }

    /** Sends one datagram; true when the kernel took it. */
    private boolean send(String message) {
        if (!channel.isOpen()) {
            return false;
        }
        try {
            // A blocking datagram channel sends the whole message or throws.
            channel.send(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), target);
            return true;
        } catch (IOException e) {
            LOG.warn("cannot notify systemd at {} ({}): {}", address, message.lines().findFirst().orElse(""),
                    e.toString());
            return false;
        }
    }
}
