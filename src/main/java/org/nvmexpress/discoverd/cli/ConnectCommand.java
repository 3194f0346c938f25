package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.kernel.fabrics.BuiltinConnector;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectArgumentException;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectCredentials;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectOutcome;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectRequest;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOptions;
import org.nvmexpress.discoverd.kernel.fabrics.HostIdentityFiles;
import org.nvmexpress.discoverd.kernel.fabrics.ProcKeys;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.TransportId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl connect}: the built-in connector (ARCHITECTURE §6), accepting the
 * {@code nvme connect} command line the daemon emits (reference §3.4) without its secrets, which
 * come from systemd credentials. The work is {@link BuiltinConnector}'s; this class parses, reads the
 * host identity and the credentials, and maps the outcome to an exit status.
 */
@Command(name = "connect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Connect an NVMe over Fabrics controller through /dev/nvme-fabrics, as 'nvme connect"
                + " --idempotent --owner --devid-file' does, without nvme-cli.",
                "Secrets are never taken from the command line: the DH-HMAC-CHAP secrets and the TLS key serial"
                + " are read from the systemd credentials dhchap-secret, dhchap-ctrl-secret and tls-key in"
                + " $CREDENTIALS_DIRECTORY."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:connected, or already connected with --idempotent",
                "1:the connect failed for another reason (device, files, kernel)",
                "2:usage error or bad input, or the kernel refused the options",
                "3:the target is unreachable", "4:the target refused the connection or the authentication",
                "5:already connected (without --idempotent)"})
final class ConnectCommand implements Callable<Integer> {
    static final int EXIT_UNREACHABLE = 3;
    static final int EXIT_REFUSED_BY_TARGET = 4;
    static final int EXIT_ALREADY_CONNECTED = 5;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-t", "--transport"}, required = true, paramLabel = "TRANSPORT", description = "tcp, rdma, fc or loop.")
    private String transport;

    @Option(names = {"-a", "--traddr"}, paramLabel = "ADDR", description = "The target's address.")
    private String traddr;

    @Option(names = {"-s", "--trsvcid"}, paramLabel = "PORT", description = "The target's service id (tcp, rdma: default 4420).")
    private String trsvcid;

    @Option(names = {"-n", "--nqn"}, required = true, paramLabel = "NQN", description = "The subsystem NQN.")
    private String nqn;

    @Option(names = {"-w", "--host-traddr"}, paramLabel = "ADDR", description = "The host address to connect from.")
    private String hostTraddr;

    @Option(names = {"-f", "--host-iface"}, paramLabel = "IFACE", description = "The host interface to connect through.")
    private String hostIface;

    @Option(names = {"-q", "--hostnqn"}, paramLabel = "NQN", description = "The host NQN (default: /etc/nvme/hostnqn).")
    private String hostnqn;

    @Option(names = {"-I", "--hostid"}, paramLabel = "UUID", description = "The host ID (default: /etc/nvme/hostid).")
    private String hostid;

    @Mixin
    private ConnectTunables tunables;

    @Option(names = "--owner", paramLabel = "NAME",
            description = "Record NAME as the owner in the registry (/run/nvme/registry/nvmeN).")
    private String owner;

    @Option(names = "--devid-file", paramLabel = "FILE", description = "Write the controller's name (nvmeN) to FILE.")
    private Path devidFile;

    @Option(names = "--idempotent", description = "A matching controller already connected counts as success.")
    private boolean idempotent;

    @Mixin
    private RootOption root;

    @Mixin
    private ConnectSecretOptions secrets;

    private final ConnectPorts ports;

    /** For picocli: the real kernel and the process's credentials. */
    ConnectCommand() {
        this(ConnectPorts.system());
    }

    ConnectCommand(ConnectPorts ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    @Override
    public Integer call() {
        Optional<String> refusal = secrets.refusal();
        if (refusal.isPresent()) {
            throw badInput(refusal.get());
        }
        Path system = root.resolve("/");
        checkOwner();
        TransportId tid = transportId();
        try {
            ConnectIdentity identity = new HostIdentityFiles(system).resolve(tid);
            ConnectCredentials credentials = ConnectCredentials.read(ports.credentialsDirectory());
            FabricsOptions.Builder parameters = FabricsOptions.builder();
            tunables.addTo(parameters, new ProcKeys(system), credentials.tlsKey().isPresent());
            credentials.addTo(parameters);
            ConnectRequest request = new ConnectRequest(tid, identity, parameters.build(), Optional.ofNullable(owner),
                    Optional.ofNullable(devidFile).map(this::underRoot), idempotent);
            BuiltinConnector connector = new BuiltinConnector(ports.fabrics(system), ports.lookup(system),
                    new Registry(system));
            return report(connector.connect(request));
        } catch (ConnectArgumentException e) {
            throw badInput(e.getMessage());
        } catch (IOException e) {
            return fail(e.getMessage());
        }
    }

    private TransportId transportId() {
        String[][] given = {{"--transport", transport}, {"--traddr", traddr}, {"--trsvcid", trsvcid}, {"--nqn", nqn},
            {"--host-traddr", hostTraddr}, {"--host-iface", hostIface}, {"--hostnqn", hostnqn}, {"--hostid", hostid}};
        for (String[] option : given) {
            if (option[1] != null && option[1].isBlank()) {
                throw badInput(option[0] + ": empty value");
            }
        }
        try {
            return TransportId.builder().transport(transport).traddr(traddr).trsvcid(trsvcid).nqn(nqn)
                    .hostTraddr(hostTraddr).hostIface(hostIface).hostnqn(hostnqn).hostid(hostid).build();
        } catch (InvalidTransportIdException e) {
            throw badInput("invalid connection: " + e.getMessage());
        }
    }

    /** The registry stores the owner as one line of text. */
    private void checkOwner() {
        if (owner != null && (owner.isBlank() || owner.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0))) {
            throw badInput("--owner: '" + owner + "' is not one line of text");
        }
    }

    /** An absolute devid path lies under {@code --root}; a relative one is taken as given. */
    private Path underRoot(Path file) {
        return file.isAbsolute() ? root.resolve(file.toString()) : file;
    }

    private int report(ConnectOutcome outcome) {
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : outcome.warnings()) {
            err.println(spec.qualifiedName() + ": warning: " + warning);
        }
        err.flush();
        if (outcome instanceof ConnectOutcome.Failed failed) {
            return switch (failed.reason()) {
                case UNREACHABLE -> fail(outcome.message(), EXIT_UNREACHABLE);
                case REFUSED_BY_TARGET -> fail(outcome.message(), EXIT_REFUSED_BY_TARGET);
                case ALREADY_CONNECTED -> fail(outcome.message(), EXIT_ALREADY_CONNECTED);
                case BAD_ARGUMENTS -> fail(outcome.message(), Commands.EXIT_USAGE);
                case FAILED -> fail(outcome.message(), Commands.EXIT_FAILURE);
            };
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(outcome.message());
        out.flush();
        return 0;
    }

    private int fail(String message) {
        return fail(message, Commands.EXIT_FAILURE);
    }

    private int fail(String message, int status) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + message);
        err.flush();
        return status;
    }

    /** Bad input: picocli prints the message and a pointer to --help, and exits 2. */
    private ParameterException badInput(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
