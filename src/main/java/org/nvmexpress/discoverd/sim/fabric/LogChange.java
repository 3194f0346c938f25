package org.nvmexpress.discoverd.sim.fabric;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * At {@code at} since the start, the log page of a discovery controller becomes {@code log} (its
 * generation counter goes up) and every controller connected to it raises the discovery log change
 * notice (the AEN, {@code NVME_AEN=0x70f002}).
 */
public record LogChange(Duration at, String discoveryController, List<LogEntry> log) {
    public LogChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(discoveryController, "discoveryController");
        log = List.copyOf(log);
    }
}
