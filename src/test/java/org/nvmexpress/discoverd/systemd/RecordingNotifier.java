package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.nvmexpress.discoverd.kernel.Clock;

/**
 * A {@link Notifier} that records each message as it would go on the wire ({@link NotifyMessages}),
 * with {@code MONOTONIC_USEC} read from the given clock.
 */
public final class RecordingNotifier implements Notifier {
    private final Clock clock;
    private final Optional<Duration> watchdogInterval;
    private final List<String> messages = new ArrayList<>();
    private boolean closed;

    public RecordingNotifier(Clock clock, Optional<Duration> watchdogInterval) {
        this.clock = clock;
        this.watchdogInterval = watchdogInterval;
    }

    @Override
    public void ready(String status) {
        record(NotifyMessages.ready(status));
    }

    @Override
    public void reloading(String status) {
        record(NotifyMessages.reloading(TimeUnit.NANOSECONDS.toMicros(clock.nowNanos()), status));
    }

    @Override
    public void status(String status) {
        record(NotifyMessages.status(status));
    }

    @Override
    public void stopping(String status) {
        record(NotifyMessages.stopping(status));
    }

    @Override
    public void watchdog() {
        record(NotifyMessages.watchdog());
    }

    @Override
    public Optional<Duration> watchdogInterval() {
        return watchdogInterval;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Every message sent so far, in order. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    public boolean closed() {
        return closed;
    }

    private void record(String message) {
        if (closed) {
            throw new IllegalStateException("notifier used after close: " + message);
        }
        messages.add(message);
    }
}
