package org.nvmexpress.discoverd.config;

import java.util.ArrayList;
import java.util.List;
import org.nvmexpress.discoverd.tid.Role;

/**
 * The parameter cascade (reference §8.6). For a connection, lowest to highest: the main file's
 * type defaults, the connection's own file's type defaults (drop-ins only), that file's
 * {@code [Host]}, the endpoint section, the {@code controller =} line. {@code [Host]} deliberately
 * outranks the type defaults; a drop-in's defaults affect only that drop-in.
 */
final class Cascade {
    /** The accepted main file, or {@code null} when it is missing or rejected. */
    private final FabricsFile main;

    Cascade(FabricsFile main) {
        this.main = main;
    }

    /** The base parameters of {@code file} for a role: the defaults and {@code [Host]} layers. */
    Params base(FabricsFile file, Role role) {
        Params base = main == null ? Params.EMPTY : defaults(main, role);
        if (file == null) {
            return base;
        }
        if (file != main) {
            base = base.overlay(defaults(file, role));
        }
        return file.host() == null ? base : base.overlay(file.host().params());
    }

    private static Params defaults(FabricsFile file, Role role) {
        return role == Role.DC ? file.dcDefaults() : file.iocDefaults();
    }

    /** Every connection of {@code file}, sections then lines in file order. */
    List<ResolvedConnection> resolve(FabricsFile file) {
        List<ResolvedConnection> out = new ArrayList<>();
        FabricsFile.Host host = file.host();
        Params dcBase = base(file, Role.DC);
        Params iocBase = base(file, Role.IOC);
        for (FabricsFile.Endpoint e : file.endpoints()) {
            boolean dc = e.role() == Role.DC;
            String nqn = e.nqn() != null ? e.nqn() : ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN;
            for (FabricsFile.ControllerLine p : e.controllers()) {
                Params params = (dc ? dcBase : iocBase).overlay(e.params()).overlay(p.params());
                out.add(new ResolvedConnection(file.file(), p.line(), e.role(), p.transport(), p.traddr(), p.trsvcid(),
                        nqn, p.hostTraddr(), p.hostIface(), host == null ? null : host.hostnqn(),
                        host == null ? null : host.hostid(), host == null ? null : host.hostsymname(), params,
                        dc ? dcBase : Params.EMPTY, dc ? iocBase : Params.EMPTY));
            }
        }
        return out;
    }
}
