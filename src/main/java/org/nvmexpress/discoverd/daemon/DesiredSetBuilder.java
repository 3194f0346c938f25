package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.FabricsConfigLoader;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.nbft.BootController;
import org.nvmexpress.discoverd.nbft.BootControllers;
import org.nvmexpress.discoverd.nbft.SkippedDescriptor;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.NumericAddress;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * Builds the {@link DesiredSet} from the fabrics configuration and the boot controllers (reference
 * §2.3, §2.6, §7.4). Pure: host names were resolved beforehand, off the loop, and come in as maps.
 *
 * <p><b>Boot controllers</b> become requests with {@code nbft = true} (registry owner {@code nbft});
 * the table's host NQN, host ID and host interface are connect options
 * ({@link BootController#connectOptions()}), never TID fields, and the parameters are those of the
 * fabrics configuration's top-level scope for discovered controllers, as the C daemon's
 * {@code params_for} gives an NBFT TID (reference §1.10 step 2).
 *
 * <p><b>Configured connections</b> become requests with
 * {@link ConnectOptions#of ConnectOptions.of(tid, persona host ID, parameters)}. A host name in
 * {@code traddr} (tcp and rdma only; fc and loop addresses are never resolved, §15 item 20) takes
 * the address {@code resolvedHostNames} gives it; without one the connection is
 * {@link DesiredSet#unresolved() unresolved}, still desired, never dropped.
 *
 * <p><b>One TID both in a boot table and configured</b> is one candidate, at the boot
 * controller's place, with both sources. The administrator's configuration wins for how to
 * connect: its parameters and secrets, and its persona's host ID when it sets one, as the C daemon
 * takes a configured connection's parameters for a TID it equals. The table's host NQN and host
 * interface are kept, since the configured TID, to be equal, carries neither: they are how the
 * firmware made the boot path. The owner stays {@code nbft}: the firmware connected it first, and
 * {@code nvme disconnect-all} must keep leaving it alone. When several configured lines give one
 * TID, the first one's options apply and every line is a source.
 *
 * <p><b>Unusable input</b> ({@link DesiredSet#unusable()}): every error of the fabrics
 * configuration and every connection it left out for an invalid address (as {@code FILE:LINE:
 * message}; a file with an error is left out whole), every skipped boot-table descriptor but the
 * duplicates of one already taken (as {@code nbft:TABLE:DESCRIPTOR: reason}), a host name that
 * resolved to something that makes no TID, and a TID named as a DC by one source and as an I/O
 * controller by another (the first role stands).
 */
public final class DesiredSetBuilder {

    private DesiredSetBuilder() {
    }

    /**
     * @param fabrics           the fabrics configuration as loaded (its errors included)
     * @param boot              the boot controllers; {@code BootControllers} with none when
     *                          {@code nbft = false}
     * @param resolvedHostNames host name to canonical numeric address, for the names that resolved
     * @param resolutionErrors  host name to why it did not resolve, for the names that did not
     */
    public static DesiredSet build(FabricsConfig fabrics, BootControllers boot, Map<String, String> resolvedHostNames,
            Map<String, String> resolutionErrors) {
        Objects.requireNonNull(fabrics, "fabrics");
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(resolvedHostNames, "resolvedHostNames");
        Objects.requireNonNull(resolutionErrors, "resolutionErrors");
        List<Decision.Skip> unusable = new ArrayList<>();
        List<PendingName> unresolved = new ArrayList<>();
        configErrors(fabrics, unusable);
        bootSkips(boot, unusable);
        List<Configured> configured = configured(fabrics, resolvedHostNames, resolutionErrors, unusable, unresolved);

        CandidateMerger merger = new CandidateMerger(fabrics, unusable);
        for (Role role : List.of(Role.DC, Role.IOC)) {
            boot.controllers().stream().filter(c -> c.role() == role).forEach(merger::addBoot);
            configured.stream().filter(c -> c.connection().role() == role)
                    .forEach(c -> merger.addConfigured(c.connection(), c.tid()));
        }
        return new DesiredSet(merger.candidates(), unusable, unresolved);
    }

    /** A configured connection and the TID it has, its host name resolved. */
    record Configured(ResolvedConnection connection, TransportId tid) {
    }

    private static void configErrors(FabricsConfig fabrics, List<Decision.Skip> unusable) {
        for (Diagnostic d : fabrics.diagnostics()) {
            if (d.isError() || d.message().startsWith(FabricsConfigLoader.CONNECTION_SKIPPED)) {
                unusable.add(Decision.Skip.unusable(Optional.empty(), d.withoutSeverity()));
            }
        }
    }

    private static void bootSkips(BootControllers boot, List<Decision.Skip> unusable) {
        for (SkippedDescriptor s : boot.skipped()) {
            if (s.kind() == SkippedDescriptor.Kind.DUPLICATE) {
                continue; // one SSNS per namespace of a subsystem: the controller is in the set
            }
            Source.Boot source = bootSource(s.source());
            Role role = source.descriptor().startsWith("DD ") ? Role.DC : Role.IOC;
            unusable.add(Decision.Skip.unusable(Optional.of(role), source.describe() + ": " + s.reason()));
        }
    }

    /** {@code NBFT SSNS 1 via HFI 1} as {@code Boot(NBFT, SSNS 1 via HFI 1)}. */
    static Source.Boot bootSource(String source) {
        int space = source.indexOf(' ');
        return space < 0 ? new Source.Boot(source, "table") : new Source.Boot(source.substring(0, space),
                source.substring(space + 1));
    }

    private static List<Configured> configured(FabricsConfig fabrics, Map<String, String> resolved,
            Map<String, String> errors, List<Decision.Skip> unusable, List<PendingName> unresolved) {
        List<Configured> out = new ArrayList<>();
        for (ResolvedConnection c : fabrics.connections()) {
            try {
                if (!c.needsResolution()) {
                    c.tid().ifPresent(tid -> out.add(new Configured(c, tid)));
                    continue;
                }
                String address = resolved.get(c.traddr());
                if (address == null) {
                    unresolved.add(new PendingName(c, c.traddr(), errors.getOrDefault(c.traddr(), "not resolved yet")));
                } else if (NumericAddress.parse(address).isEmpty()) {
                    unusable.add(Decision.Skip.unusable(Optional.of(c.role()), c.source() + ": host name "
                            + c.traddr() + " resolved to '" + address + "', not a numeric address"));
                } else {
                    out.add(new Configured(c, c.tidWithTraddr(address)));
                }
            } catch (InvalidTransportIdException e) {
                unusable.add(Decision.Skip.unusable(Optional.of(c.role()),
                        c.source() + ": " + FabricsConfigLoader.CONNECTION_SKIPPED + e.getMessage()));
            }
        }
        return out;
    }
}
