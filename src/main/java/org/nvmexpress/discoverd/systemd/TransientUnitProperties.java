package org.nvmexpress.discoverd.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The properties of a connection unit's {@code StartTransientUnit} call, in the C daemon's order
 * (reference §3.3, Appendix A.3, contract):
 *
 * <ol>
 * <li>{@code Type=oneshot}, {@code RemainAfterExit=yes}: the unit is active while connected;
 * <li>{@code Description}; {@code CollectMode=inactive-or-failed}, so a failed unit is unloaded and
 * the next attempt creates it afresh;
 * <li>{@code TimeoutStopUSec} from {@code disconnect-timeout-sec};
 * <li>{@code Before=nvme-discoverd.service}, so at shutdown the daemon stops first and does not
 * reconnect what is being disconnected; {@code After=network.target} for IP transports, so they
 * disconnect before the network goes;
 * <li>{@code ExecStart} (the connector), then {@code ExecStartPost}, {@code ExecStop},
 * {@code ExecStopPost} running the {@link StateScripts} through {@code /bin/sh -c}, failures ignored;
 * <li>{@code LoadCredential}, only when the connector takes secrets (built-in connector): each
 * secret's id and the path of the root-only file {@link CredentialFiles} writes it to before the
 * call. Never {@code SetCredential}: systemd 252 gives its bytes to any local user who asks for the
 * property over D-Bus.
 * </ol>
 *
 * <p>Every argument goes through {@link ExecCommand#literal()}: systemd would otherwise expand
 * {@code ${...}} in the scripts and in configuration values itself.
 */
final class TransientUnitProperties {
    /** The daemon's own unit: connection units are ordered before it. */
    static final String DAEMON_UNIT = "nvme-discoverd.service";
    private static final Set<String> IP_TRANSPORTS = Set.of("tcp", "rdma");
    private static final String SHELL = "/bin/sh";

    private final StateScripts scripts;
    private final long disconnectTimeoutUsec;

    TransientUnitProperties(StateScripts scripts, Duration disconnectTimeout) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.disconnectTimeoutUsec = disconnectTimeout.toNanos() / 1000;
    }

    List<UnitProperty> build(UnitRequest request, ConnectPlan.Ready plan) {
        List<UnitProperty> props = new ArrayList<>();
        props.add(text("Type", "oneshot"));
        props.add(new UnitProperty("RemainAfterExit", new PropertyValue.Flag(true)));
        props.add(text("Description", request.description()));
        props.add(text("CollectMode", "inactive-or-failed"));
        props.add(new UnitProperty("TimeoutStopUSec", new PropertyValue.UInt64(disconnectTimeoutUsec)));
        props.add(new UnitProperty("Before", new PropertyValue.TextList(List.of(DAEMON_UNIT))));
        if (IP_TRANSPORTS.contains(request.tid().transport())) {
            props.add(new UnitProperty("After", new PropertyValue.TextList(List.of("network.target"))));
        }
        props.add(commands("ExecStart", plan.command()));
        props.add(commands("ExecStartPost", shell(scripts.afterStart(request.unit()))));
        props.add(commands("ExecStop", shell(scripts.stop(request.unit()))));
        props.add(commands("ExecStopPost", shell(scripts.afterStop(request.unit()))));
        if (!plan.credentials().isEmpty()) {
            props.add(new UnitProperty("LoadCredential", new PropertyValue.CredentialPaths(plan.credentials().stream()
                    .map(c -> new PropertyValue.CredentialPath(c.id(), scripts.credentialFile(request.unit(), c.id())))
                    .toList())));
        }
        return props;
    }

    private static UnitProperty text(String name, String value) {
        return new UnitProperty(name, new PropertyValue.Text(value));
    }

    private static UnitProperty commands(String name, ExecCommand command) {
        return new UnitProperty(name, new PropertyValue.Commands(List.of(command.literal())));
    }

    private static ExecCommand shell(String script) {
        return new ExecCommand(SHELL, List.of(SHELL, "-c", script), true);
    }
}
