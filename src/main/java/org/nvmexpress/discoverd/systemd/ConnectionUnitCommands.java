package org.nvmexpress.discoverd.systemd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The commands of one connection unit as argument vectors, for running a unit without systemd: the
 * real-kernel guest's unit manager runs them as child processes (docs/real-kernel-tests.md). They
 * are taken from the very properties {@link SystemdUnitManager} sends in {@code StartTransientUnit}
 * ({@link TransientUnitProperties}), with systemd's {@code $$} escape undone as systemd undoes it
 * when it runs them, so what runs here is exactly what a unit would run.
 *
 * <p>The secrets are not in any of the vectors: {@link #credentials()} are what systemd would put in
 * {@code $CREDENTIALS_DIRECTORY} (one file per {@link Credential#id()}), for the runner to write to a
 * root-only directory of its own and name in that variable.
 */
public final class ConnectionUnitCommands {
    private final UnitName unit;
    private final Optional<String> refusal;
    private final List<String> start;
    private final List<String> afterStart;
    private final List<String> stop;
    private final List<String> afterStop;
    private final List<Credential> credentials;

    private ConnectionUnitCommands(UnitName unit, Optional<String> refusal, List<String> start,
            List<String> afterStart, List<String> stop, List<String> afterStop, List<Credential> credentials) {
        this.unit = unit;
        this.refusal = refusal;
        this.start = List.copyOf(start);
        this.afterStart = List.copyOf(afterStart);
        this.stop = List.copyOf(stop);
        this.afterStop = List.copyOf(afterStop);
        this.credentials = List.copyOf(credentials);
    }

    /**
     * The commands of {@code request}'s unit under {@code settings}, whose connector must be resolved
     * ({@link Connector#BUILTIN} or {@link Connector#NVME_CLI}): resolving {@code auto} runs a probe,
     * which is the caller's to decide on. A connection the connector refuses (a literal secret with
     * nvme-cli) has its {@link #refusal()} and no commands.
     */
    public static ConnectionUnitCommands of(UnitManagerSettings settings, UnitRequest request) {
        Objects.requireNonNull(request, "request");
        StateScripts scripts = new StateScripts(StateScripts.RUNTIME_DIR, settings.nvmePath());
        ConnectCommands commands = new ConnectCommands(settings.connector(), settings.nvmePath(),
                settings.launcherPath(), scripts);
        ConnectPlan plan = commands.plan(request);
        if (plan instanceof ConnectPlan.Refused refused) {
            return new ConnectionUnitCommands(request.unit(), Optional.of(refused.reason()), List.of(), List.of(),
                    List.of(), List.of(), List.of());
        }
        ConnectPlan.Ready ready = (ConnectPlan.Ready) plan;
        List<UnitProperty> properties = new TransientUnitProperties(scripts, settings.disconnectTimeout())
                .build(request, ready);
        return new ConnectionUnitCommands(request.unit(), Optional.empty(), argv(properties, "ExecStart"),
                argv(properties, "ExecStartPost"), argv(properties, "ExecStop"), argv(properties, "ExecStopPost"),
                ready.credentials());
    }

    public UnitName unit() {
        return unit;
    }

    /** Why the unit must not be made (the manager's {@code Refused}); empty when it may. */
    public Optional<String> refusal() {
        return refusal;
    }

    /** {@code ExecStart}: the connector, {@code argv[0]} its absolute path; its failure fails the unit. */
    public List<String> start() {
        return commands();
    }

    /** {@code ExecStartPost}: state script A through {@code /bin/sh -c}, after a successful start; failure ignored. */
    public List<String> afterStart() {
        commands();
        return afterStart;
    }

    /** {@code ExecStop}: state script B (disconnect while the device is this unit's); failure ignored. */
    public List<String> stop() {
        commands();
        return stop;
    }

    /** {@code ExecStopPost}: state script C (forget the device); failure ignored. */
    public List<String> afterStop() {
        commands();
        return afterStop;
    }

    /** The secrets the connector reads from {@code $CREDENTIALS_DIRECTORY/<id>}; empty for most units. */
    public List<Credential> credentials() {
        return credentials;
    }

    private List<String> commands() {
        if (refusal.isPresent()) {
            throw new IllegalStateException(unit + " is refused and has no commands: " + refusal.get());
        }
        return start;
    }

    /** The one command of property {@code name}, as systemd would execute it. */
    private static List<String> argv(List<UnitProperty> properties, String name) {
        for (UnitProperty property : properties) {
            if (property.name().equals(name) && property.value() instanceof PropertyValue.Commands commands) {
                if (commands.commands().size() != 1) {
                    throw new IllegalStateException(name + " has " + commands.commands().size() + " commands, not one");
                }
                return commands.commands().get(0).argv().stream().map(ConnectionUnitCommands::unescape).toList();
            }
        }
        throw new IllegalStateException("a connection unit without " + name);
    }

    /** The inverse of {@link ExecCommand#literal(String)}: systemd reads {@code $$} as one {@code $}. */
    static String unescape(String text) {
        return text.replace("$$", "$");
    }
}
