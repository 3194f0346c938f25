package org.nvmexpress.discoverd.varlink;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.config.LogLevel;
import org.nvmexpress.discoverd.daemon.DaemonControl;

/**
 * {@code io.systemd.service}, answered as systemd's own services answer it
 * ({@code src/shared/varlink-io.systemd.service.c}): {@code Ping} takes no parameter;
 * {@code SetLogLevel} takes a mandatory syslog level 0–7 (anything else, or an extra parameter,
 * is {@code InvalidParameter}) and from anyone but root is
 * {@code org.varlink.service.PermissionDenied}; {@code Reload} is our {@code Reload}, with the
 * same permission error as {@code SetLogLevel}. {@code GetEnvironment} is
 * {@code MethodNotImplemented} on purpose: the daemon's environment may hold credentials'
 * paths and is none of a status client's business.
 */
final class SystemdServiceMethods {
    static final String INTERFACE = "io.systemd.service";
    private static final int LOG_DEBUG = 7;

    private final DaemonControl daemon;
    private final Consumer<LogLevel> threshold;

    /** @param threshold sets the daemon's logging threshold ({@code Logging::setThreshold}) */
    SystemdServiceMethods(DaemonControl daemon, Consumer<LogLevel> threshold) {
        this.daemon = Objects.requireNonNull(daemon, "daemon");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
    }

    Map<String, Method> methods() {
        return Map.of("Ping", this::ping, "Reload", this::reload, "SetLogLevel", this::setLogLevel,
                "GetEnvironment", (call, caller) -> {
                    throw ServiceErrors.methodNotImplemented(call.method());
                });
    }

    private Answer ping(Call call, Caller caller) throws VarlinkError {
        CallParameters.of(call.parameters(), Set.of());
        return new Answer.Reply(ServiceErrors.object());
    }

    private Answer reload(Call call, Caller caller) throws VarlinkError, InterruptedException {
        CallParameters.of(call.parameters(), Set.of());
        if (!caller.isRoot()) {
            throw ServiceErrors.servicePermissionDenied();
        }
        return DiscoverdMethods.reload(daemon);
    }

    private Answer setLogLevel(Call call, Caller caller) throws VarlinkError {
        OptionalInt level = CallParameters.of(call.parameters(), Set.of("level")).optionalInt("level");
        if (level.isEmpty() || level.getAsInt() < 0 || level.getAsInt() > LOG_DEBUG) {
            throw ServiceErrors.invalidParameter("level");
        }
        if (!caller.isRoot()) {
            throw ServiceErrors.servicePermissionDenied();
        }
        threshold.accept(threshold(level.getAsInt()));
        return new Answer.Reply(ServiceErrors.object());
    }

    /**
     * The daemon's threshold for a syslog level: emerg, alert, crit and err are {@code err};
     * warning is {@code warn}; notice and info are {@code info} (the daemon has no notice, and
     * the threshold that logs at least what notice asks for is info); debug is {@code debug}.
     */
    static LogLevel threshold(int syslogLevel) {
        if (syslogLevel <= 3) {
            return LogLevel.ERR;
        }
        if (syslogLevel == 4) {
            return LogLevel.WARN;
        }
        return syslogLevel == LOG_DEBUG ? LogLevel.DEBUG : LogLevel.INFO;
    }
}
