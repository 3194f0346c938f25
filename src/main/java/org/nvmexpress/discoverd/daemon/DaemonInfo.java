package org.nvmexpress.discoverd.daemon;

import java.time.InstantSource;
import java.util.Objects;

/**
 * What the daemon cannot find out for itself and its status interface reports: handed in by
 * {@code nvme-discoverd}'s main, which knows its version (the daemon may not use {@code cli}) and
 * which connector the unit manager chose.
 *
 * @param version   the daemon's version, as {@code --version} prints it
 * @param connector the connector the unit manager runs: {@code nvme-cli} or {@code builtin}
 *                  ({@code connector = auto} resolved)
 * @param wall      CLOCK_REALTIME, for the times the status interface shows: the loop counts on
 *                  CLOCK_BOOTTIME, which means nothing to a client; tests pass one that follows the
 *                  virtual clock
 */
public record DaemonInfo(String version, String connector, InstantSource wall) {
    public DaemonInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(wall, "wall");
    }
}
