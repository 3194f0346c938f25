package org.nvmexpress.discoverd.nbft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.nbft.SkippedDescriptor.Kind;
import org.nvmexpress.discoverd.tid.NumericAddress;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * Collects the boot controllers of tables added one after the other, by the rules that
 * {@link BootControllers} states. Single use, one thread.
 */
final class BootControllerDeriver {
    private static final String TCP = "tcp";
    private static final int DEFAULT_DISCOVERY_PORT = 8009;

    private final HostInterfaces interfaces;
    /** Insertion order is table order; the key is the TID, so a repeated one is found at once. */
    private final Map<TransportId, BootController> controllers = new LinkedHashMap<>();
    private final List<SkippedDescriptor> skipped = new ArrayList<>();

    BootControllerDeriver(HostInterfaces interfaces) {
        this.interfaces = interfaces;
    }

    void add(NbftTable table) {
        TableContext context = new TableContext(table);
        Map<Integer, Integer> referencedBy = new HashMap<>();
        for (NbftSubsystemNamespace ssns : table.subsystemNamespaces()) {
            addIoControllers(context, ssns, referencedBy);
        }
        for (NbftDiscovery dd : table.discoveryControllers()) {
            addDiscoveryController(context, dd, referencedBy.get(dd.index()));
        }
    }

    BootControllers result() {
        return new BootControllers(new ArrayList<>(controllers.values()), skipped);
    }

    /**
     * One I/O controller per HFI of {@code ssns}. Records the discovery descriptor an available
     * SSNS links to in {@code referencedBy} (by index, the way links resolve), even when the SSNS
     * itself is skipped for its security profile: the firmware found the namespaces either way.
     */
    private void addIoControllers(TableContext context, NbftSubsystemNamespace ssns, Map<Integer, Integer> referencedBy) {
        String name = context.name + " SSNS " + ssns.index();
        if (BootControllers.WELL_KNOWN_DISCOVERY_NQN.equals(ssns.nqn())) {
            skip(context, name, Kind.UNAVAILABLE, "unavailable: the subsystem NQN is the well-known discovery NQN");
            return;
        }
        ssns.discovery().ifPresent(dd -> referencedBy.putIfAbsent(dd.index(), ssns.index()));
        if (ssns.security().isPresent()) {
            skip(context, name, Kind.SECURITY_UNSUPPORTED, securityUnsupported(ssns.security().get()));
            return;
        }
        for (NbftHfi hfi : ssns.hfis()) {
            TransportId tid = TransportId.builder().transport(ssns.transport()).traddr(ssns.traddr().canonical())
                    .trsvcid(ssns.trsvcid()).nqn(ssns.nqn()).hostTraddr(hostTraddr(hfi)).build()
                    .withDefaultTrsvcid(Role.IOC);
            offer(context, Role.IOC, tid, hfi, name + " via HFI " + hfi.index());
        }
    }

    /** A discovery controller for {@code dd}, unless an SSNS (index {@code referencingSsns}) links to it. */
    private void addDiscoveryController(TableContext context, NbftDiscovery dd, Integer referencingSsns) {
        String name = context.name + " DD " + dd.index();
        if (referencingSsns != null) {
            skip(context, name, Kind.REFERENCED, "referenced by SSNS " + referencingSsns);
            return;
        }
        if (dd.security().isPresent()) {
            skip(context, name, Kind.SECURITY_UNSUPPORTED, securityUnsupported(dd.security().get()));
            return;
        }
        NvmeUri uri;
        try {
            uri = NvmeUri.parse(dd.uri());
        } catch (InvalidNvmeUriException e) {
            skip(context, name, Kind.URI_INVALID, "URI invalid: " + e.getMessage());
            return;
        }
        if (!TCP.equals(uri.transport())) {
            skip(context, name, Kind.UNSUPPORTED_TRANSPORT, "unsupported transport " + uri.transport() + " (only tcp)");
            return;
        }
        if (NumericAddress.parse(uri.host()).isEmpty()) {
            // The kernel takes numeric addresses only, and resolving a name here would block.
            skip(context, name, Kind.URI_INVALID, "URI invalid: '" + InvalidNvmeUriException.printable(dd.uri())
                    + "': host '" + InvalidNvmeUriException.printable(uri.host()) + "' is not a numeric address");
            return;
        }
        TransportId tid = TransportId.builder().transport(TCP).traddr(uri.host())
                .trsvcid(String.valueOf(uri.portOr(DEFAULT_DISCOVERY_PORT)))
                .nqn(dd.nqn().orElse(BootControllers.WELL_KNOWN_DISCOVERY_NQN)).hostTraddr(hostTraddr(dd.hfi())).build();
        offer(context, Role.DC, tid, dd.hfi(), name + " via HFI " + dd.hfi().index());
    }

    /** Adds the controller, or records it as a duplicate of (or a conflict with) the first with its TID. */
    private void offer(TableContext context, Role role, TransportId tid, NbftHfi hfi, String source) {
        BootController controller = new BootController(role, tid, context.hostnqn, context.hostid,
                context.hostIface(hfi), context.table.source(), source);
        BootController first = controllers.putIfAbsent(tid, controller);
        if (first == null) {
            return;
        }
        if (first.sameConnectOptions(controller)) {
            skip(context, source, Kind.DUPLICATE, "duplicate of " + first.source());
        } else {
            skip(context, source, Kind.CONFLICT, "same TID, and unit " + first.unitName() + ", as " + first.source()
                    + " with other connect options: " + String.join(" ", controller.connectOptions()));
        }
    }

    private void skip(TableContext context, String source, Kind kind, String reason) {
        skipped.add(new SkippedDescriptor(context.table.source(), source, kind, reason));
    }

    private static String securityUnsupported(NbftSecurity profile) {
        return "security profile " + profile.index() + " unsupported";
    }

    /** The HFI's address for tcp; none when it is all zero ({@code ::} or {@code 0.0.0.0}: the firmware had none). */
    private static String hostTraddr(NbftHfi hfi) {
        NumericAddress address = hfi.tcpInfo().ipAddress();
        for (byte b : address.bytes()) {
            if (b != 0) {
                return address.canonical();
            }
        }
        return null;
    }

    /** What every controller of one table shares, and the interface of each HFI, looked up once. */
    private final class TableContext {
        private final NbftTable table;
        /** The table's file name, which every source begins with. */
        private final String name;
        private final String hostnqn;
        private final Optional<String> hostid;
        private final Map<NbftHfi, Optional<String>> ifaces = new IdentityHashMap<>();

        TableContext(NbftTable table) {
            this.table = table;
            this.name = table.source().substring(table.source().lastIndexOf('/') + 1);
            this.hostnqn = table.host().nqn();
            // libnvme formats the 16 bytes in table order; all zero is no host ID at all (the
            // connector then falls back as for any connection without one).
            this.hostid = table.host().id().equals(NbftBytes.of(new byte[16])) ? Optional.empty()
                    : Optional.of(table.host().idText());
        }

        Optional<String> hostIface(NbftHfi hfi) {
            return ifaces.computeIfAbsent(hfi, h -> interfaces.find(h.tcpInfo().macAddress().toArray(), h.tcpInfo().vlan()));
        }
    }
}
