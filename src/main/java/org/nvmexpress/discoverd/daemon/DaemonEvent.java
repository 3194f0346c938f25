package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing that happened, as {@code Monitor} streams it (VARLINK.md {@code Event}). Immutable;
 * never carries a secret.
 *
 * @param timestampUSec CLOCK_REALTIME µs
 * @param kind          {@code unit-started, connected, removed, retry-scheduled, gave-up, parked,
 *                      excluded, reloaded, dlp-changed}, …
 * @param unit          the controller's unit, when the event is about one
 * @param device        its device, when known
 * @param message       the log line's text
 */
public record DaemonEvent(long timestampUSec, String kind, Optional<String> unit, Optional<String> device,
        String message) {
    public DaemonEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(message, "message");
    }
}
