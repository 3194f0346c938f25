package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.Optional;

/** {@link Notifier#none()}: stateless, so one shared instance is no hidden state. */
enum NoNotifier implements Notifier {
    INSTANCE;

    @Override
    public void ready(String status) {
    }

    @Override
    public void reloading(String status) {
    }

    @Override
    public void status(String status) {
    }

    @Override
    public void stopping(String status) {
    }

    @Override
    public void watchdog() {
    }

    @Override
    public Optional<Duration> watchdogInterval() {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
