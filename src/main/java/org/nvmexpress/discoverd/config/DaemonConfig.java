package org.nvmexpress.discoverd.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The daemon's own settings, the keys of {@code nvme-discoverd.conf} (reference §8.1, in upstream's
 * current layout): {@code [Global]} holds upstream's {@code nbft} and {@code debug-level} and this
 * daemon's own knobs, {@code [Discovery]} the discovery timers. Immutable; every instance is valid,
 * so code that holds one never re-checks it. Variations are {@code withX(...)}. Read a file with
 * {@link DaemonConfigReader}; a key that is absent or invalid there keeps its value from
 * {@link #DEFAULTS}.
 *
 * @param nbft                       {@code nbft}: load the controllers of the firmware boot table
 *                                   (NBFT); read at start-up only
 * @param debugLevel                 {@code debug-level}: the log threshold
 * @param connector                  {@code connector}: what connection units run
 * @param nvmePath                   {@code nvme-path}: the {@code nvme} program the
 *                                   {@link Connector#NVME_CLI} connector runs; an absolute path
 * @param ueventSource               {@code uevent-source}: which netlink group device events are read
 *                                   from; read at start-up only
 * @param maxPendingUnits            {@code max-pending-units}: how many unit start/restart jobs may be
 *                                   outstanding in systemd at once; the rest wait in order (ARCHITECTURE
 *                                   §4: ~512 exhaust systemd 252's per-connection match rules)
 * @param disconnectTimeoutSec       {@code disconnect-timeout-sec}: how long systemd lets a unit's
 *                                   disconnect run before killing it ({@code TimeoutStopUSec})
 * @param auditIntervalMinutes       {@code audit-interval-minutes}: how often the daemon audits the
 *                                   host while it runs (sysfs, the registry and systemd's units against
 *                                   what it tracks, drift repaired); 10 by default, 0 turns the
 *                                   periodic audit off (the C daemon audits at start-up only, §1.4)
 * @param epcsdPollIntervalMinutes   {@code [Discovery] epcsd-poll-interval-minutes}: how often a
 *                                   discovery controller without persistent connections (EPCSD=0) is
 *                                   reconnected and its log page re-read; at least 1
 * @param fcKickstartIntervalMinutes {@code [Discovery] fc-kickstart-interval-minutes}: period of the FC
 *                                   kickstart on top of the one at start-up; 0 turns it off
 * @param dcGiveupTimeout            {@code [Discovery] dc-giveup-timeout}: how long a failing
 *                                   discovered discovery controller is retried before the daemon
 *                                   forgets it
 * @param zeroconf                   {@code zeroconf}: whether, and through which service, discovery
 *                                   controllers announced with DNS-SD are browsed for; {@code no} by
 *                                   default (at most one orchestrator per host should browse)
 */
public record DaemonConfig(
        boolean nbft,
        LogLevel debugLevel,
        Connector connector,
        String nvmePath,
        UeventGroup ueventSource,
        long maxPendingUnits,
        long disconnectTimeoutSec,
        long auditIntervalMinutes,
        long epcsdPollIntervalMinutes,
        long fcKickstartIntervalMinutes,
        GiveUpTimeout dcGiveupTimeout,
        Zeroconf zeroconf) {

    /** Largest value of the unsigned settings without a bound of their own: C's {@code UINT_MAX}. */
    public static final long MAX_UNSIGNED = ValueSyntax.UINT_MAX;

    /** Smallest {@link #epcsdPollIntervalMinutes}: 0 would poll without pause. */
    public static final long MIN_EPCSD_POLL_INTERVAL_MINUTES = 1;

    /**
     * Largest {@link #maxPendingUnits}: well below the ~512 outstanding jobs at which systemd 252
     * dropped the C daemon off the bus (ARCHITECTURE §4).
     */
    public static final long MAX_PENDING_UNITS_LIMIT = 256;

    /**
     * Largest {@link #auditIntervalMinutes}, a day: an audit catches what the device events missed,
     * and drift left for longer than a day is better served by a restart; a larger number is more
     * likely a unit mistake (seconds written as minutes) than a wish.
     */
    public static final long MAX_AUDIT_INTERVAL_MINUTES = 24 * 60;

    /**
     * The settings in force when the file is missing or says nothing; 72 hours as upstream. The audit
     * every 10 minutes is ours: lost uevents and drift (an entry removed by hand, a unit gone) are
     * otherwise only noticed at the next restart, and one survey of a 10,000-controller host costs a
     * few hundred milliseconds of a worker, not of the loop.
     */
    public static final DaemonConfig DEFAULTS = new DaemonConfig(true, LogLevel.INFO, Connector.AUTO, "/usr/sbin/nvme",
            UeventGroup.UDEV, 64, 300, 10, 15, 0, GiveUpTimeout.after(Duration.ofHours(72)), Zeroconf.NO);

    public DaemonConfig {
        Objects.requireNonNull(debugLevel, "debugLevel");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(nvmePath, "nvmePath");
        Objects.requireNonNull(ueventSource, "ueventSource");
        Objects.requireNonNull(dcGiveupTimeout, "dcGiveupTimeout");
        Objects.requireNonNull(zeroconf, "zeroconf");
        if (!isValidNvmePath(nvmePath)) {
            throw new IllegalArgumentException("nvmePath is not an absolute path without NUL or line break: '"
                    + nvmePath + "'");
        }
        checkRange("maxPendingUnits", maxPendingUnits, 1, MAX_PENDING_UNITS_LIMIT);
        checkRange("disconnectTimeoutSec", disconnectTimeoutSec, 1, MAX_UNSIGNED);
        checkRange("auditIntervalMinutes", auditIntervalMinutes, 0, MAX_AUDIT_INTERVAL_MINUTES);
        checkRange("epcsdPollIntervalMinutes", epcsdPollIntervalMinutes, MIN_EPCSD_POLL_INTERVAL_MINUTES,
                MAX_UNSIGNED);
        checkRange("fcKickstartIntervalMinutes", fcKickstartIntervalMinutes, 0, MAX_UNSIGNED);
    }

    /** Whether {@code path} can be {@link #nvmePath}: starts with {@code /}, no NUL, CR or LF. */
    public static boolean isValidNvmePath(String path) {
        return path.startsWith("/") && path.indexOf('\0') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0;
    }

    private static void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " out of range: " + value + " (must be " + min + " to "
                    + max + ")");
        }
    }

    /** How long systemd lets a connection unit's disconnect ({@code ExecStop}) run. */
    public Duration disconnectTimeout() {
        return Duration.ofSeconds(disconnectTimeoutSec);
    }

    /** The period of the audit, or empty when it is off ({@code audit-interval-minutes = 0}). */
    public Optional<Duration> auditInterval() {
        return auditIntervalMinutes == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(auditIntervalMinutes));
    }

    /** How long an EPCSD=0 discovery controller stays disconnected between two polls. */
    public Duration epcsdPollInterval() {
        return Duration.ofMinutes(epcsdPollIntervalMinutes);
    }

    /** The FC kickstart period, or empty when periodic kickstarts are off. */
    public Optional<Duration> fcKickstartInterval() {
        return fcKickstartIntervalMinutes == 0 ? Optional.empty()
                : Optional.of(Duration.ofMinutes(fcKickstartIntervalMinutes));
    }

    public DaemonConfig withNbft(boolean value) {
        return copy(c -> c.nbft = value);
    }

    public DaemonConfig withDebugLevel(LogLevel value) {
        return copy(c -> c.debugLevel = value);
    }

    public DaemonConfig withConnector(Connector value) {
        return copy(c -> c.connector = value);
    }

    public DaemonConfig withNvmePath(String value) {
        return copy(c -> c.nvmePath = value);
    }

    public DaemonConfig withUeventSource(UeventGroup value) {
        return copy(c -> c.ueventSource = value);
    }

    public DaemonConfig withMaxPendingUnits(long value) {
        return copy(c -> c.maxPendingUnits = value);
    }

    public DaemonConfig withDisconnectTimeoutSec(long value) {
        return copy(c -> c.disconnectTimeoutSec = value);
    }

    public DaemonConfig withAuditIntervalMinutes(long value) {
        return copy(c -> c.auditIntervalMinutes = value);
    }

    public DaemonConfig withEpcsdPollIntervalMinutes(long value) {
        return copy(c -> c.epcsdPollIntervalMinutes = value);
    }

    public DaemonConfig withFcKickstartIntervalMinutes(long value) {
        return copy(c -> c.fcKickstartIntervalMinutes = value);
    }

    public DaemonConfig withDcGiveupTimeout(GiveUpTimeout value) {
        return copy(c -> c.dcGiveupTimeout = value);
    }

    public DaemonConfig withZeroconf(Zeroconf value) {
        return copy(c -> c.zeroconf = value);
    }

    /** This config with {@code change} applied; the constructor validates the result. */
    private DaemonConfig copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /**
     * The components as mutable fields, so each {@code withX} names only what it changes instead of
     * repeating the twelve-argument constructor. The one mutable type here: private, and it lives
     * for a single {@code withX} call, so no {@code DaemonConfig} is ever seen half-changed.
     */
    private static final class Copy {
        boolean nbft;
        LogLevel debugLevel;
        Connector connector;
        String nvmePath;
        UeventGroup ueventSource;
        long maxPendingUnits;
        long disconnectTimeoutSec;
        long auditIntervalMinutes;
        long epcsdPollIntervalMinutes;
        long fcKickstartIntervalMinutes;
        GiveUpTimeout dcGiveupTimeout;
        Zeroconf zeroconf;

        Copy(DaemonConfig from) {
            nbft = from.nbft;
            debugLevel = from.debugLevel;
            connector = from.connector;
            nvmePath = from.nvmePath;
            ueventSource = from.ueventSource;
            maxPendingUnits = from.maxPendingUnits;
            disconnectTimeoutSec = from.disconnectTimeoutSec;
            auditIntervalMinutes = from.auditIntervalMinutes;
            epcsdPollIntervalMinutes = from.epcsdPollIntervalMinutes;
            fcKickstartIntervalMinutes = from.fcKickstartIntervalMinutes;
            dcGiveupTimeout = from.dcGiveupTimeout;
            zeroconf = from.zeroconf;
        }

        DaemonConfig build() {
            return new DaemonConfig(nbft, debugLevel, connector, nvmePath, ueventSource, maxPendingUnits,
                    disconnectTimeoutSec, auditIntervalMinutes, epcsdPollIntervalMinutes, fcKickstartIntervalMinutes,
                    dcGiveupTimeout, zeroconf);
        }
    }
}
