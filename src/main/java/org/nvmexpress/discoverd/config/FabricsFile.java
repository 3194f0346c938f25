package org.nvmexpress.discoverd.config;

import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.tid.Role;

/**
 * One fabrics configuration file as written, before the cascade: its defaults sections, its
 * {@code [Host]} persona, and its endpoint sections with their {@code controller =} lines.
 *
 * @param file        the file's name in diagnostics
 * @param dcDefaults  {@code [Discovery Controller Defaults]}, merged if repeated
 * @param iocDefaults {@code [I/O Controller Defaults]}, merged if repeated
 * @param host        {@code [Host]}, or {@code null} when the file has none
 * @param endpoints   {@code [Discovery Controller]} and {@code [Subsystem]} sections in file order
 */
public record FabricsFile(String file, Params dcDefaults, Params iocDefaults, Host host, List<Endpoint> endpoints) {
    public FabricsFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(dcDefaults, "dcDefaults");
        Objects.requireNonNull(iocDefaults, "iocDefaults");
        endpoints = List.copyOf(endpoints);
    }

    /**
     * A persona: the host identity connections of this file use, and parameters for all of them.
     * An identity field is {@code null} when unset or reset to empty (the system default applies).
     */
    public record Host(int line, String hostnqn, String hostid, String hostsymname, Params params) {
        public Host {
            Objects.requireNonNull(params, "params");
        }
    }

    /**
     * A {@code [Discovery Controller]} (role DC) or {@code [Subsystem]} (role IOC) section.
     *
     * @param nqn the section's {@code nqn}, or {@code null} for a DC without one
     */
    public record Endpoint(int line, Role role, String nqn, Params params, List<ControllerLine> controllers) {
        public Endpoint {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(params, "params");
            controllers = List.copyOf(controllers);
        }
    }

    /**
     * One {@code controller =} line: the path's addressing, verbatim ({@code traddr} may be a host
     * name), and its per-path parameter overrides.
     */
    public record ControllerLine(int line, String transport, String traddr, String trsvcid, String hostTraddr,
            String hostIface, Params params) {
        public ControllerLine {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(traddr, "traddr");
            Objects.requireNonNull(params, "params");
        }
    }
}
