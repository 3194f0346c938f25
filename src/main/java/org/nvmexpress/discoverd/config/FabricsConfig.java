package org.nvmexpress.discoverd.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.Role;

/**
 * The fabrics configuration as the daemon uses it: the resolved connections of every accepted file,
 * in connection order (main file first, then drop-ins in byte order; within a file, sections then
 * lines in file order), the parameter scopes for discovered controllers, and everything that was
 * found wrong.
 *
 * @param files         every file that was read, in order
 * @param rejectedFiles the files left out because of an error (the others still apply)
 * @param diagnostics   errors and warnings, in file order
 * @param connections   the resolved connections of the accepted files
 * @param topDcParams   defaults for DCs discovered with no configured origin (main file scope)
 * @param topIocParams  defaults for IOCs discovered with no configured origin (main file scope)
 */
public record FabricsConfig(List<String> files, List<String> rejectedFiles, List<Diagnostic> diagnostics,
        List<ResolvedConnection> connections, Params topDcParams, Params topIocParams) {

    public static final FabricsConfig EMPTY =
            new FabricsConfig(List.of(), List.of(), List.of(), List.of(), Params.EMPTY, Params.EMPTY);

    public FabricsConfig {
        files = List.copyOf(files);
        rejectedFiles = List.copyOf(rejectedFiles);
        diagnostics = List.copyOf(diagnostics);
        connections = List.copyOf(connections);
        Objects.requireNonNull(topDcParams, "topDcParams");
        Objects.requireNonNull(topIocParams, "topIocParams");
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * The parameters for a controller the daemon discovered rather than read from the file
     * (reference §8.6, {@code resolve_discovered}): through a configured DC, that DC's file scope
     * ({@code dlpDcParams} for a referral, {@code dlpIocParams} for an I/O controller); with no
     * configured origin, the main file's scope. An I/O controller is never an origin.
     *
     * @param viaDc the configured connection it was discovered through, or {@code null}
     * @return the parameters, or empty when {@code viaDc} is an I/O controller
     */
    public Optional<Params> resolveDiscovered(ResolvedConnection viaDc, Role role) {
        if (viaDc == null) {
            return Optional.of(role == Role.DC ? topDcParams : topIocParams);
        }
        if (viaDc.role() != Role.DC) {
            return Optional.empty();
        }
        return Optional.of(role == Role.DC ? viaDc.dlpDcParams() : viaDc.dlpIocParams());
    }
}
