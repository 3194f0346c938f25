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
 *
 * <p>What it builds is bounded whatever the tables say: no field longer than a TID or connect
 * option can carry gets into one (the record is skipped instead), and at most
 * {@link #MAX_CONTROLLERS} controllers and {@link #MAX_SKIPPED} skipped descriptors are kept, the
 * rest counted. A valid table of 255 HFIs and 255 SSNS sharing one 64 KiB NQN once made 65,025
 * TIDs of 128 KiB each.
 */
final class BootControllerDeriver {
    /** Controllers kept: far more than any firmware boots through, far fewer than 255 × 255. */
    static final int MAX_CONTROLLERS = 4096;
    /** Skipped descriptors listed; the rest are counted in one last entry. */
    static final int MAX_SKIPPED = 4096;
    /** NVMe base specification: an NQN is at most 223 bytes. */
    static final int MAX_NQN_BYTES = 223;
    /** The Discovery Log Page's TRSVCID field: 32 bytes. */
    static final int MAX_TRSVCID_BYTES = 32;

    private static final String TCP = "tcp";
    private static final int DEFAULT_DISCOVERY_PORT = 8009;

    private final HostInterfaces interfaces;
    private final int maxControllers;
    private final int maxSkipped;
    /** Insertion order is table order; the key is the TID, so a repeated one is found at once. */
    private final Map<TransportId, BootController> controllers = new LinkedHashMap<>();
    private final List<SkippedDescriptor> skipped = new ArrayList<>();
    /** The first record left out for {@link #maxControllers}, and how many were. */
    private SkippedDescriptor firstDropped;
    private int droppedControllers;
    /** The first skipped descriptor not listed for {@link #maxSkipped}, and how many were not. */
    private SkippedDescriptor firstUnlisted;
    private int unlistedSkips;

    BootControllerDeriver(HostInterfaces interfaces) {
        this(interfaces, MAX_CONTROLLERS, MAX_SKIPPED);
    }

    /** With other bounds than {@link #MAX_CONTROLLERS} and {@link #MAX_SKIPPED}, so tests reach them with small tables. */
    BootControllerDeriver(HostInterfaces interfaces, int maxControllers, int maxSkipped) {
        if (maxControllers < 1 || maxSkipped < 1) {
            throw new IllegalArgumentException("bounds out of range: " + maxControllers + ", " + maxSkipped);
        }
        this.interfaces = interfaces;
        this.maxControllers = maxControllers;
        this.maxSkipped = maxSkipped;
    }

    void add(NbftTable table) {
        TableContext context = new TableContext(table);
        String longHostNqn = tooLong("host NQN", context.hostnqn, MAX_NQN_BYTES);
        if (longHostNqn != null) {
            // Every controller of the table would carry it: one entry says why there are none.
            skip(context, context.name, Kind.TOO_LONG, longHostNqn + ": no controller from this table");
            return;
        }
        Map<Integer, Integer> referencedBy = new HashMap<>();
        for (NbftSubsystemNamespace ssns : table.subsystemNamespaces()) {
            addIoControllers(context, ssns, referencedBy);
        }
        for (NbftDiscovery dd : table.discoveryControllers()) {
            addDiscoveryController(context, dd, referencedBy.get(dd.index()));
        }
    }

    BootControllers result() {
        List<SkippedDescriptor> all = new ArrayList<>(skipped);
        if (firstDropped != null) {
            all.add(new SkippedDescriptor(firstDropped.table(), firstDropped.source(), Kind.LIMIT, "this and "
                    + (droppedControllers - 1) + " more records left out: at most " + maxControllers
                    + " boot controllers are derived"));
        }
        if (firstUnlisted != null) {
            all.add(new SkippedDescriptor(firstUnlisted.table(), firstUnlisted.source(), Kind.LIMIT, "this and "
                    + (unlistedSkips - 1) + " more skipped descriptors not listed: only the first " + maxSkipped + " are"));
        }
        return new BootControllers(new ArrayList<>(controllers.values()), all);
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
        String longField = tooLong("NQN", ssns.nqn(), MAX_NQN_BYTES);
        longField = longField != null ? longField : tooLong("trsvcid", ssns.trsvcid(), MAX_TRSVCID_BYTES);
        if (longField != null) {
            skip(context, name, Kind.TOO_LONG, longField);
            return;
        }
        String traddr = ssns.traddr().canonical();
        for (NbftHfi hfi : ssns.hfis()) {
            String source = name + " via HFI " + hfi.index();
            if (leftOut(context, source)) {
                continue;
            }
            TransportId tid = TransportId.builder().transport(ssns.transport()).traddr(traddr)
                    .trsvcid(ssns.trsvcid()).nqn(ssns.nqn()).hostTraddr(context.hostTraddr(hfi)).build()
                    .withDefaultTrsvcid(Role.IOC);
            offer(context, Role.IOC, tid, hfi, source);
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
        String longNqn = dd.nqn().map(nqn -> tooLong("NQN", nqn, MAX_NQN_BYTES)).orElse(null);
        if (longNqn != null) {
            skip(context, name, Kind.TOO_LONG, longNqn);
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
        String source = name + " via HFI " + dd.hfi().index();
        if (leftOut(context, source)) {
            return;
        }
        TransportId tid = TransportId.builder().transport(TCP).traddr(uri.host())
                .trsvcid(String.valueOf(uri.portOr(DEFAULT_DISCOVERY_PORT)))
                .nqn(dd.nqn().orElse(BootControllers.WELL_KNOWN_DISCOVERY_NQN)).hostTraddr(context.hostTraddr(dd.hfi()))
                .build();
        offer(context, Role.DC, tid, dd.hfi(), source);
    }

    /** Adds the controller, or records it as a duplicate of (or a conflict with) the first with its TID. */
    /**
     * Whether the record at {@code source} is past {@link #maxControllers}: then it is only counted,
     * with no TID built, so a table of 65,025 records costs 4,096 TIDs, not 65,025.
     */
    private boolean leftOut(TableContext context, String source) {
        if (controllers.size() < maxControllers) {
            return false;
        }
        if (droppedControllers++ == 0) {
            firstDropped = new SkippedDescriptor(context.table.source(), source, Kind.LIMIT, "left out");
        }
        return true;
    }

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
        SkippedDescriptor descriptor = new SkippedDescriptor(context.table.source(), source, kind, reason);
        if (skipped.size() < maxSkipped) {
            skipped.add(descriptor);
        } else if (unlistedSkips++ == 0) {
            firstUnlisted = descriptor;
        }
    }

    /** Why {@code value} cannot go into a TID or connect option, or {@code null} when it can. */
    static String tooLong(String field, String value, int maxBytes) {
        long bytes = utf8Length(value);
        return bytes <= maxBytes ? null
                : field + " is " + bytes + " bytes, longer than the " + maxBytes + " it may have";
    }

    /** The UTF-8 length of {@code text}, as the table stored it (an unpaired surrogate cannot come from there). */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static String securityUnsupported(NbftSecurity profile) {
        return "security profile " + profile.index() + " unsupported";
    }

    /** The HFI's address for tcp; none when it is all zero ({@code ::} or {@code 0.0.0.0}: the firmware had none). */
    private static String hostTraddrOf(NbftHfi hfi) {
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
        /** Each HFI's host-traddr, formatted once however many SSNS it serves. */
        private final Map<NbftHfi, Optional<String>> hostTraddrs = new IdentityHashMap<>();

        TableContext(NbftTable table) {
            this.table = table;
            this.name = table.source().substring(table.source().lastIndexOf('/') + 1);
            this.hostnqn = table.host().nqn();
            // libnvme formats the 16 bytes in table order; all zero is no host ID at all (the
            // connector then falls back as for any connection without one).
            this.hostid = table.host().id().equals(NbftBytes.of(new byte[16])) ? Optional.empty()
                    : Optional.of(table.host().idText());
        }

        String hostTraddr(NbftHfi hfi) {
            return hostTraddrs.computeIfAbsent(hfi, h -> Optional.ofNullable(hostTraddrOf(h))).orElse(null);
        }

        Optional<String> hostIface(NbftHfi hfi) {
            return ifaces.computeIfAbsent(hfi, h -> interfaces.find(h.tcpInfo().macAddress().toArray(), h.tcpInfo().vlan()));
        }
    }
}
