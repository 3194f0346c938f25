package org.nvmexpress.discoverd.sim.fabric;

import java.time.Duration;
import java.util.Objects;

/**
 * The browsing service (avahi-daemon, systemd-resolved) going away at {@code at} and coming back at
 * {@code back}: a browser reports it lost, then back, and then every announcement live at that
 * moment again, as a restarted avahi-daemon does.
 */
public record BrowserRestart(Duration at, Duration back) {
    public BrowserRestart {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(back, "back");
        if (back.compareTo(at) <= 0) {
            throw new IllegalArgumentException("a browser restart must end after it starts");
        }
    }

    /** Whether the service is away at {@code t} since the start. */
    public boolean awayAt(Duration t) {
        return t.compareTo(at) >= 0 && t.compareTo(back) < 0;
    }
}
