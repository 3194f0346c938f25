package org.nvmexpress.discoverd.systemd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.DaemonConfig;

/**
 * What the unit manager is built with.
 *
 * @param connector         the configured connector; {@link Connector#AUTO} is resolved once, at build
 * @param nvmePath          the {@code nvme} program (nvme-cli connector, and {@code disconnect} in
 *                          {@code ExecStop})
 * @param launcherPath      {@code nvme-discoverctl}, the built-in connector
 * @param maxPendingUnits   outstanding start/restart jobs at most
 * @param disconnectTimeout the units' {@code TimeoutStopUSec}
 * @param callTimeout       how long one D-Bus call may take before it counts as failed
 * @param reconnectDelay    the first pause before reconnecting to a lost bus; doubles per attempt
 * @param reconnectMaxDelay the longest pause between reconnection attempts
 * @param busAddress        the system bus's D-Bus address
 * @param root              the system root ({@code --root}, ARCHITECTURE §5) the files the daemon writes
 *                          itself are put under: {@code <root>/run/nvme/discoverd/credentials}. Not the
 *                          paths in a unit's properties: systemd and the unit's scripts run on the real
 *                          host, and read them there. {@code /} in production.
 */
public record UnitManagerSettings(Connector connector, String nvmePath, String launcherPath, int maxPendingUnits,
        Duration disconnectTimeout, Duration callTimeout, Duration reconnectDelay, Duration reconnectMaxDelay,
        String busAddress, Path root) {

    /** The D-Bus specification's system bus, used when {@code DBUS_SYSTEM_BUS_ADDRESS} is not set. */
    public static final String DEFAULT_SYSTEM_BUS = "unix:path=/var/run/dbus/system_bus_socket";
    /** sd-bus's default call timeout: systemd only queues a job, so a healthy reply takes milliseconds. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(25);

    public UnitManagerSettings {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(nvmePath, "nvmePath");
        Objects.requireNonNull(launcherPath, "launcherPath");
        Objects.requireNonNull(disconnectTimeout, "disconnectTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(busAddress, "busAddress");
        Objects.requireNonNull(root, "root");
        if (!root.isAbsolute()) {
            throw new IllegalArgumentException("root is not absolute: " + root);
        }
        if (maxPendingUnits < 1) {
            throw new IllegalArgumentException("maxPendingUnits out of range: " + maxPendingUnits);
        }
        if (reconnectDelay.isNegative() || reconnectDelay.isZero()) {
            throw new IllegalArgumentException("reconnectDelay is not positive: " + reconnectDelay);
        }
    }

    /** The settings with the system root {@code /}. */
    public UnitManagerSettings(Connector connector, String nvmePath, String launcherPath, int maxPendingUnits,
            Duration disconnectTimeout, Duration callTimeout, Duration reconnectDelay, Duration reconnectMaxDelay,
            String busAddress) {
        this(connector, nvmePath, launcherPath, maxPendingUnits, disconnectTimeout, callTimeout, reconnectDelay,
                reconnectMaxDelay, busAddress, Path.of("/"));
    }

    /**
     * The settings for the daemon: its configuration, the launcher of the built-in connector, and
     * the bus from {@code DBUS_SYSTEM_BUS_ADDRESS} in {@code environment} when set.
     */
    public static UnitManagerSettings of(DaemonConfig config, String launcherPath, Map<String, String> environment) {
        String address = environment.getOrDefault("DBUS_SYSTEM_BUS_ADDRESS", "");
        return new UnitManagerSettings(config.connector(), config.nvmePath(), launcherPath,
                (int) config.maxPendingUnits(), config.disconnectTimeout(), DEFAULT_CALL_TIMEOUT,
                Duration.ofMillis(250), Duration.ofSeconds(10), address.isEmpty() ? DEFAULT_SYSTEM_BUS : address);
    }

    public UnitManagerSettings withMaxPendingUnits(int value) {
        return new UnitManagerSettings(connector, nvmePath, launcherPath, value, disconnectTimeout, callTimeout,
                reconnectDelay, reconnectMaxDelay, busAddress, root);
    }

    public UnitManagerSettings withCallTimeout(Duration value) {
        return new UnitManagerSettings(connector, nvmePath, launcherPath, maxPendingUnits, disconnectTimeout, value,
                reconnectDelay, reconnectMaxDelay, busAddress, root);
    }

    public UnitManagerSettings withBusAddress(String value) {
        return new UnitManagerSettings(connector, nvmePath, launcherPath, maxPendingUnits, disconnectTimeout,
                callTimeout, reconnectDelay, reconnectMaxDelay, value, root);
    }

    public UnitManagerSettings withRoot(Path value) {
        return new UnitManagerSettings(connector, nvmePath, launcherPath, maxPendingUnits, disconnectTimeout,
                callTimeout, reconnectDelay, reconnectMaxDelay, busAddress, value);
    }
}
