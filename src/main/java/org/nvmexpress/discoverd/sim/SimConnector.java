package org.nvmexpress.discoverd.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.fabrics.BuiltinConnector;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectArgumentException;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectFailure;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectOutcome;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectRequest;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOption;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOptions;
import org.nvmexpress.discoverd.kernel.fabrics.HostIdentityFiles;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.systemd.UnitRequest;

/**
 * What a connection unit's {@code ExecStart} runs, here in-process: the real built-in connector
 * ({@code nvme-discoverctl connect --idempotent --owner --devid-file}) against the simulated kernel,
 * with the real registry and devid file under the simulation's root. The options are the unit's
 * arguments ({@link UnitRequest#options()}); the TID's own come from the TID. No secrets: the
 * simulated systemd gets none.
 */
final class SimConnector {
    private static final Set<FabricsOption> FROM_TID = EnumSet.range(FabricsOption.TRANSPORT, FabricsOption.HOST_IFACE);

    private final Path root;
    private final BuiltinConnector connector;

    SimConnector(Path root, SimKernel kernel) {
        this.root = root;
        this.connector = new BuiltinConnector(kernel, kernel, new Registry(root));
    }

    ConnectOutcome connect(UnitRequest request, Path devidFile) {
        try {
            ConnectRequest connect = new ConnectRequest(request.tid(), new HostIdentityFiles(root).resolve(request.tid()),
                    parameters(request), Optional.of(request.owner()), Optional.of(devidFile), true);
            return connector.connect(connect);
        } catch (ConnectArgumentException e) {
            return new ConnectOutcome.Failed(ConnectFailure.BAD_ARGUMENTS, e.getMessage(), java.util.List.of());
        } catch (IOException e) {
            return new ConnectOutcome.Failed(ConnectFailure.FAILED, e.getMessage(), java.util.List.of());
        }
    }

    /** {@code --ctrl-loss-tmo=5} and the like as the kernel's options; the TID's fields are left out. */
    private static FabricsOptions parameters(UnitRequest request) throws ConnectArgumentException {
        FabricsOptions.Builder b = FabricsOptions.builder();
        for (String argument : request.options().arguments()) {
            int eq = argument.indexOf('=');
            String name = (eq < 0 ? argument.substring(2) : argument.substring(2, eq)).replace('-', '_');
            Optional<FabricsOption> option = EnumSet.allOf(FabricsOption.class).stream()
                    .filter(o -> o.token().equals(name) && !FROM_TID.contains(o) && !o.isSecret()).findFirst();
            if (option.isEmpty()) {
                continue; // the TID's fields, --hostid of a persona: the connector takes them from the TID
            }
            if (option.get().kind() == FabricsOption.Kind.FLAG) {
                b.flag(option.get(), true);
            } else if (eq >= 0) {
                b.set(option.get(), argument.substring(eq + 1));
            }
        }
        return b.build();
    }
}
