package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether systemd watches this process ({@code WatchdogSec=} sets {@code WATCHDOG_USEC}) and how
 * often to tell it we are alive. systemd recommends pinging at half the timeout, so one late
 * wake-up never kills a healthy daemon.
 */
final class WatchdogSettings {
    private static final Logger LOG = LoggerFactory.getLogger(WatchdogSettings.class);

    private WatchdogSettings() {
    }

    /**
     * Half of {@code WATCHDOG_USEC}, when it is a positive number and {@code WATCHDOG_PID} is unset
     * or names {@code pid} (a child that inherited the environment must not ping for its parent);
     * empty otherwise.
     */
    static Optional<Duration> pingInterval(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null) {
            return Optional.empty();
        }
        String watchdogPid = env.get("WATCHDOG_PID");
        if (watchdogPid != null && !watchdogPid.equals(Long.toString(pid))) {
            return Optional.empty();
        }
        if (!usec.matches("[0-9]{1,18}") || Long.parseLong(usec) < 2) {
            LOG.warn("WATCHDOG_USEC is not a number of microseconds above 1: '{}'; not sending WATCHDOG=1", usec);
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Long.parseLong(usec) / 2 * 1_000));
    }
}
