package org.nvmexpress.discoverd.nbft;

import java.util.List;
import java.util.Objects;

/**
 * One parsed NBFT: what survived the parse rules of reference §7.3, every link resolved to the
 * object it names, and a warning for each descriptor that was dropped or partly ignored.
 *
 * <p>Lists keep table order. Links between descriptors are by their {@code index} fields; when two
 * descriptors of a kind share an index, links resolve to the first (and a warning says so).
 *
 * @param source               the table file as the user named it
 * @param rawSize              the size of the file in bytes
 * @param header               the ACPI header
 * @param host                 the host identity
 * @param hfis                 the host fabric interfaces
 * @param securityProfiles     the security profiles
 * @param discoveryControllers the discovery controllers
 * @param subsystemNamespaces  the subsystem namespaces (the boot volumes)
 * @param warnings             what was dropped or ignored, and why
 */
public record NbftTable(String source, int rawSize, NbftHeader header, NbftHost host, List<NbftHfi> hfis,
        List<NbftSecurity> securityProfiles, List<NbftDiscovery> discoveryControllers,
        List<NbftSubsystemNamespace> subsystemNamespaces, List<NbftProblem> warnings) {
    public NbftTable {
        Objects.requireNonNull(source, "source");
        if (rawSize < 0) {
            throw new IllegalArgumentException("rawSize out of range: " + rawSize);
        }
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(host, "host");
        hfis = List.copyOf(hfis);
        securityProfiles = List.copyOf(securityProfiles);
        discoveryControllers = List.copyOf(discoveryControllers);
        subsystemNamespaces = List.copyOf(subsystemNamespaces);
        warnings = List.copyOf(warnings);
    }
}
