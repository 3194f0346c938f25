package org.nvmexpress.discoverd.systemd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.FabricsKey;

/**
 * The command a connection unit runs to connect (reference §3.4, ARCHITECTURE §6):
 *
 * <ul>
 * <li>{@link Connector#NVME_CLI}: {@code <nvme> connect <TID options> <parameters> --idempotent
 * --owner=<owner> --devid-file=<runtime>/units/<unit>.devid}, the C daemon's argv;
 * <li>{@link Connector#BUILTIN}: the same arguments after {@code <launcher> connect}, where the
 * launcher is {@code nvme-discoverctl}; secrets travel as systemd credentials loaded from root-only
 * files ({@link CredentialFiles}), one file each in {@code $CREDENTIALS_DIRECTORY}: {@code dhchap-secret}, {@code dhchap-ctrl-secret}, {@code tls-key}.
 * </ul>
 *
 * <p>A secret never goes into an argument: any local user can read a unit's {@code ExecStart} and a
 * process's argv (reference §15 item 32). So the nvme-cli connector refuses a connection whose
 * configuration holds a literal secret, and says how to fix it.
 */
final class ConnectCommands {
    /** The credential each secret key travels as, for the built-in connector. */
    static final Map<FabricsKey, String> CREDENTIAL_IDS = Map.of(
            FabricsKey.KXCHAP_SECRET, "dhchap-secret",
            FabricsKey.KXCHAP_CTRL_SECRET, "dhchap-ctrl-secret",
            FabricsKey.TLS_KEY, "tls-key");

    private final Connector connector;
    private final String program;
    private final StateScripts scripts;

    /**
     * @param connector    {@link Connector#NVME_CLI} or {@link Connector#BUILTIN}; resolve
     *                     {@link Connector#AUTO} first ({@link ConnectorChoice})
     * @param nvmePath     the {@code nvme} program, for the nvme-cli connector
     * @param launcherPath the {@code nvme-discoverctl} program, for the built-in connector
     * @param scripts      where the devid file lives
     */
    ConnectCommands(Connector connector, String nvmePath, String launcherPath, StateScripts scripts) {
        if (connector == Connector.AUTO) {
            throw new IllegalArgumentException("connector must be resolved, not auto");
        }
        this.connector = connector;
        this.program = connector == Connector.NVME_CLI ? Objects.requireNonNull(nvmePath, "nvmePath")
                : Objects.requireNonNull(launcherPath, "launcherPath");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
    }

    Connector connector() {
        return connector;
    }

    /** The command for {@code request}, or why the connection must not be made this way. */
    ConnectPlan plan(UnitRequest request) {
        Optional<String> refusal = refusal(request);
        return refusal.isPresent() ? new ConnectPlan.Refused(refusal.get()) : ready(request);
    }

    /** Why {@code request} must not be connected this way; empty when it may: a cheap check, nothing built. */
    Optional<String> refusal(UnitRequest request) {
        Map<FabricsKey, String> secrets = request.options().secrets();
        return connector == Connector.NVME_CLI && !secrets.isEmpty() ? Optional.of(refusal(secrets))
                : Optional.empty();
    }

    /** The command for a request {@link #refusal} does not refuse. */
    ConnectPlan.Ready ready(UnitRequest request) {
        Map<FabricsKey, String> secrets = request.options().secrets();
        if (connector == Connector.NVME_CLI && !secrets.isEmpty()) {
            throw new AssertionError("building a refused connection: " + request.unit());
        }
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.add("connect");
        argv.addAll(request.options().arguments());
        argv.add("--idempotent");
        argv.add("--owner=" + request.owner());
        argv.add("--devid-file=" + scripts.devidFile(request.unit()));
        List<Credential> credentials = new ArrayList<>();
        secrets.forEach((key, value) -> credentials.add(
                new Credential(CREDENTIAL_IDS.get(key), value.getBytes(StandardCharsets.UTF_8))));
        return new ConnectPlan.Ready(new ExecCommand(program, argv, false), credentials);
    }

    private static String refusal(Map<FabricsKey, String> secrets) {
        String keys = secrets.keySet().stream().map(k -> "'" + k.configName() + "'")
                .collect(Collectors.joining(", "));
        return "not connecting: the configuration gives " + keys + " as a literal secret, which the nvme-cli"
                + " connector would put on nvme connect's command line for every local user to read;"
                + " set 'connector = builtin' in nvme-discoverd.conf (secrets then travel as systemd"
                + " credentials) or refer to a key in the kernel keyring instead";
    }
}
