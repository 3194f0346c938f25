package org.nvmexpress.discoverd.systemd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.Connector;

/**
 * The command a connection unit would run, without creating the unit: for {@code nvme-discoverd
 * --dry-run}, which must show exactly what the daemon would start. The same {@link ConnectCommands}
 * the unit manager uses builds it, and {@code connector = auto} is resolved the same way (one
 * {@code <nvme> connect --help} probe, which runs a program but changes nothing).
 *
 * <p>Never shows a secret: the built-in connector's secrets are given as the ids of the credentials
 * they would travel as; the nvme-cli connector refuses a connection with a literal secret, and the
 * preview says so.
 *
 * <p>Immutable once built; building it may block on the probe.
 */
public final class ConnectCommandPreview {
    private final ConnectCommands commands;

    private ConnectCommandPreview(ConnectCommands commands) {
        this.commands = commands;
    }

    /** The preview for the daemon's settings, probing {@code nvme} once when the connector is {@code auto}. */
    public static ConnectCommandPreview of(UnitManagerSettings settings) {
        return of(settings, new ProcessConnectorProbe(SystemdUnitManager.PROBE_TIMEOUT));
    }

    static ConnectCommandPreview of(UnitManagerSettings settings, ConnectorProbe probe) {
        Objects.requireNonNull(settings, "settings");
        Connector connector = ConnectorChoice.resolve(settings.connector(), settings.nvmePath(), probe);
        StateScripts scripts = new StateScripts(StateScripts.RUNTIME_DIR, settings.nvmePath());
        return new ConnectCommandPreview(new ConnectCommands(connector, settings.nvmePath(), settings.launcherPath(),
                scripts));
    }

    /** The connector in use: never {@link Connector#AUTO}. */
    public Connector connector() {
        return commands.connector();
    }

    /** What the unit for {@code request} would run. */
    public Preview preview(UnitRequest request) {
        Objects.requireNonNull(request, "request");
        ConnectPlan plan = commands.plan(request);
        if (plan instanceof ConnectPlan.Ready ready) {
            return new Preview(ready.command().argv(), ready.credentials().stream().map(Credential::id).toList(),
                    Optional.empty());
        }
        return new Preview(List.of(), List.of(), Optional.of(((ConnectPlan.Refused) plan).reason()));
    }

    /**
     * A connection unit's command.
     *
     * @param argv        the {@code ExecStart} argument vector as the unit runs it, {@code argv[0]}
     *                    first (before systemd's {@code $} escaping); empty when refused
     * @param credentials the ids of the credentials the connector reads its secrets from
     * @param refusal     why no unit would be created, when the connection must not be made this way
     */
    public record Preview(List<String> argv, List<String> credentials, Optional<String> refusal) {
        public Preview {
            argv = List.copyOf(argv);
            credentials = List.copyOf(credentials);
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
