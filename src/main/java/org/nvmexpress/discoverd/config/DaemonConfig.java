package org.nvmexpress.discoverd.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The daemon's own settings, the {@code [Global]} keys of {@code nvme-discoverd.conf} (reference
 * §8.1). Immutable; every instance is valid, so code that holds one never re-checks it. Variations
 * are {@code withX(...)}. Read a file with {@link DaemonConfigReader}; a key that is absent or
 * invalid there keeps its value from {@link #DEFAULTS}.
 *
 * @param nbft                       {@code nbft}: load the controllers of the firmware boot table
 *                                   (NBFT); read at start-up only
 * @param debugLevel                 {@code debug-level}: the log threshold
 * @param fcKickstartIntervalMinutes {@code fc-kickstart-interval-minutes}: period of the FC kickstart
 *                                   on top of the one at start-up; 0 turns it off
 * @param epcsdPollIntervalMinutes   {@code epcsd-poll-interval-minutes}: how often a discovery
 *                                   controller without persistent connections (EPCSD=0) is
 *                                   reconnected and its log page re-read; at least 1
 * @param dcGiveupHours              {@code dc-giveup-hours}: how long a failing discovered discovery
 *                                   controller is retried before the daemon forgets it; 0 = forever
 * @param connector                  {@code connector}: what connection units run
 * @param nvmePath                   {@code nvme-path}: the {@code nvme} program the
 *                                   {@link Connector#NVME_CLI} connector runs; an absolute path
 * @param maxPendingUnits            {@code max-pending-units}: how many unit start/restart jobs may be
 *                                   outstanding in systemd at once; the rest wait in order (ARCHITECTURE
 *                                   §4: ~512 exhaust systemd 252's per-connection match rules)
 * @param disconnectTimeoutSec       {@code disconnect-timeout-sec}: how long systemd lets a unit's
 *                                   disconnect run before killing it ({@code TimeoutStopUSec})
 * @param ueventSource               {@code uevent-source}: which netlink group device events are read
 *                                   from; read at start-up only
 */
public record DaemonConfig(
        boolean nbft,
        LogLevel debugLevel,
        long fcKickstartIntervalMinutes,
        long epcsdPollIntervalMinutes,
        long dcGiveupHours,
        Connector connector,
        String nvmePath,
        long maxPendingUnits,
        long disconnectTimeoutSec,
        UeventGroup ueventSource) {

    /** Largest value of the three unsigned settings: C's {@code UINT_MAX}. */
    public static final long MAX_UNSIGNED = ValueSyntax.UINT_MAX;

    /** Smallest {@link #epcsdPollIntervalMinutes}: 0 would poll without pause. */
    public static final long MIN_EPCSD_POLL_INTERVAL_MINUTES = 1;

    /**
     * Largest {@link #maxPendingUnits}: well below the ~512 outstanding jobs at which systemd 252
     * dropped the C daemon off the bus (ARCHITECTURE §4).
     */
    public static final long MAX_PENDING_UNITS_LIMIT = 256;

    /** The settings in force when the file is missing or says nothing. */
    public static final DaemonConfig DEFAULTS =
            new DaemonConfig(true, LogLevel.INFO, 0, 15, 72, Connector.AUTO, "/usr/sbin/nvme", 64, 300,
                    UeventGroup.UDEV);

    public DaemonConfig {
        Objects.requireNonNull(debugLevel, "debugLevel");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(nvmePath, "nvmePath");
        checkRange("fcKickstartIntervalMinutes", fcKickstartIntervalMinutes, 0);
        checkRange("epcsdPollIntervalMinutes", epcsdPollIntervalMinutes, MIN_EPCSD_POLL_INTERVAL_MINUTES);
        checkRange("dcGiveupHours", dcGiveupHours, 0);
        Objects.requireNonNull(ueventSource, "ueventSource");
        checkRange("maxPendingUnits", maxPendingUnits, 1, MAX_PENDING_UNITS_LIMIT);
        checkRange("disconnectTimeoutSec", disconnectTimeoutSec, 1);
        if (!isValidNvmePath(nvmePath)) {
            throw new IllegalArgumentException("nvmePath is not an absolute path without NUL or line break: '"
                    + nvmePath + "'");
        }
    }

    /** Whether {@code path} can be {@link #nvmePath}: starts with {@code /}, no NUL, CR or LF. */
    public static boolean isValidNvmePath(String path) {
        return path.startsWith("/") && path.indexOf('\0') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0;
    }

    private static void checkRange(String name, long value, long min) {
        checkRange(name, value, min, MAX_UNSIGNED);
    }

    private static void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " out of range: " + value + " (must be " + min + " to "
                    + max + ")");
        }
    }

    /** The FC kickstart period, or empty when periodic kickstarts are off. */
    public Optional<Duration> fcKickstartInterval() {
        return fcKickstartIntervalMinutes == 0 ? Optional.empty()
                : Optional.of(Duration.ofMinutes(fcKickstartIntervalMinutes));
    }

    /** How long an EPCSD=0 discovery controller stays disconnected between two polls. */
    public Duration epcsdPollInterval() {
        return Duration.ofMinutes(epcsdPollIntervalMinutes);
    }

    /** How long a failing discovered discovery controller is retried, or empty for forever. */
    public Optional<Duration> dcGiveup() {
        return dcGiveupHours == 0 ? Optional.empty() : Optional.of(Duration.ofHours(dcGiveupHours));
    }

    /** How long systemd lets a connection unit's disconnect ({@code ExecStop}) run. */
    public Duration disconnectTimeout() {
        return Duration.ofSeconds(disconnectTimeoutSec);
    }

    public DaemonConfig withNbft(boolean value) {
        return new DaemonConfig(value, debugLevel, fcKickstartIntervalMinutes, epcsdPollIntervalMinutes, dcGiveupHours,
                connector, nvmePath, maxPendingUnits, disconnectTimeoutSec, ueventSource);
    }

    public DaemonConfig withDebugLevel(LogLevel value) {
        return new DaemonConfig(nbft, value, fcKickstartIntervalMinutes, epcsdPollIntervalMinutes, dcGiveupHours,
                connector, nvmePath, maxPendingUnits, disconnectTimeoutSec, ueventSource);
    }

    public DaemonConfig withFcKickstartIntervalMinutes(long value) {
        return new DaemonConfig(nbft, debugLevel, value, epcsdPollIntervalMinutes, dcGiveupHours,
                connector, nvmePath, maxPendingUnits, disconnectTimeoutSec, ueventSource);
    }

    public DaemonConfig withEpcsdPollIntervalMinutes(long value) {
        return new DaemonConfig(nbft, debugLevel, fcKickstartIntervalMinutes, value, dcGiveupHours,
                connector, nvmePath, maxPendingUnits, disconnectTimeoutSec, ueventSource);
    }

    public DaemonConfig withDcGiveupHours(long value) {
        return new DaemonConfig(nbft, debugLevel, fcKickstartIntervalMinutes, epcsdPollIntervalMinutes, value,
                connector, nvmePath, maxPendingUnits, disconnectTimeoutSec, ueventSource);
    }

    public DaemonConfig withConnector(Connector value) {
        return new DaemonConfig(nbft, debugLevel, fcKickstartIntervalMinutes, epcsdPollIntervalMinutes, dcGiveupHours,
                value, nvmePath, maxPendingUnits, disconnectTimeoutSec, ueventSource);
    }

    public DaemonConfig withNvmePath(String value) {
        return new DaemonConfig(nbft, debugLevel, fcKickstartIntervalMinutes, epcsdPollIntervalMinutes, dcGiveupHours,
                connector, value, maxPendingUnits, disconnectTimeoutSec, ueventSource);
    }

    public DaemonConfig withMaxPendingUnits(long value) {
        return new DaemonConfig(nbft, debugLevel, fcKickstartIntervalMinutes, epcsdPollIntervalMinutes, dcGiveupHours,
                connector, nvmePath, value, disconnectTimeoutSec, ueventSource);
    }

    public DaemonConfig withDisconnectTimeoutSec(long value) {
        return new DaemonConfig(nbft, debugLevel, fcKickstartIntervalMinutes, epcsdPollIntervalMinutes, dcGiveupHours,
                connector, nvmePath, maxPendingUnits, value, ueventSource);
    }

    public DaemonConfig withUeventSource(UeventGroup value) {
        return new DaemonConfig(nbft, debugLevel, fcKickstartIntervalMinutes, epcsdPollIntervalMinutes, dcGiveupHours,
                connector, nvmePath, maxPendingUnits, disconnectTimeoutSec, value);
    }
}
