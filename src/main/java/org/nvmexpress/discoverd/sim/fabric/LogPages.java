package org.nvmexpress.discoverd.sim.fabric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nvmexpress.discoverd.dlp.EntryFlags;
import org.nvmexpress.discoverd.dlp.Subtype;
import org.nvmexpress.discoverd.dlp.TransportType;

/**
 * The Discovery Log Page a simulated discovery controller serves (reference §5.4), written with
 * {@link DlpWriter}: the 1024-byte header with the generation counter, then one 1024-byte entry per
 * {@link LogEntry}, in order.
 *
 * <p>What each entry holds: an {@link LogEntry.Ioc} is subtype 2 (nvme) with the port's
 * transport, address and service and the subsystem's NQN; a {@link LogEntry.Referral} subtype 1
 * with the referred controller's port and NQN; a {@link LogEntry.Self} subtype 3 (current
 * discovery subsystem) with this controller's port and NQN, and EFLAGS EPCSD when it says so. In
 * every entry: portid is the port's position in {@link Fabric#ports()} plus 1 (the target's port
 * number, the same for every entry through one port), cntlid 0xffff (dynamic controller model),
 * adrfam ipv4 or ipv6 from the address, TREQ 0 (not specified), and for tcp sectype none; for
 * rdma the TSAS of RoCEv2 with rdma-cm, as {@link DlpWriter#rdma} writes it.
 */
public final class LogPages {
    private LogPages() {
    }

    /**
     * The page {@code dc} serves when its log is {@code log} (its initial one, or that of a
     * {@link LogChange}) under the generation counter {@code genctr}.
     *
     * @throws IllegalArgumentException when an entry names a port, subsystem or controller the
     *                                  fabric does not have (a fabric from {@link FabricFile} has them all)
     */
    public static byte[] encode(Fabric fabric, DiscoveryController dc, List<LogEntry> log, long genctr) {
        Objects.requireNonNull(fabric, "fabric");
        Objects.requireNonNull(dc, "dc");
        // Indexed once per page, so a page costs its entries plus the fabric, never their product.
        Map<String, Integer> ports = new HashMap<>();
        for (int i = 0; i < fabric.ports().size(); i++) {
            ports.put(fabric.ports().get(i).name(), i);
        }
        Map<String, DiscoveryController> dcs = new HashMap<>();
        fabric.discoveryControllers().forEach(d -> dcs.put(d.name(), d));
        DlpWriter page = new DlpWriter().genctr(genctr);
        for (LogEntry entry : log) {
            page.entry(entry(fabric, ports, dcs, dc, entry));
        }
        return page.build();
    }

    private static DlpWriter.Entry entry(Fabric fabric, Map<String, Integer> ports,
            Map<String, DiscoveryController> dcs, DiscoveryController dc, LogEntry entry) {
        if (entry instanceof LogEntry.Ioc ioc) {
            return target(fabric, ports, ioc.port(), ioc.subsystem()).subtype(Subtype.NVME.code());
        }
        if (entry instanceof LogEntry.Referral referral) {
            DiscoveryController other = dcs.get(referral.discoveryController());
            if (other == null) {
                throw new IllegalArgumentException("no discovery controller named " + referral.discoveryController());
            }
            return target(fabric, ports, other.port(), other.nqn()).subtype(Subtype.REFERRAL.code());
        }
        LogEntry.Self self = (LogEntry.Self) entry;
        return target(fabric, ports, dc.port(), dc.nqn()).subtype(Subtype.CURRENT.code())
                .eflags(self.epcsd() ? EntryFlags.EPCSD : 0);
    }

    /** An entry for {@code nqn} behind the port named {@code portName}. */
    private static DlpWriter.Entry target(Fabric fabric, Map<String, Integer> ports, String portName, String nqn) {
        Integer index = ports.get(portName);
        if (index == null) {
            throw new IllegalArgumentException("no port named " + portName);
        }
        Port port = fabric.ports().get(index);
        DlpWriter.Entry entry = port.transport().equals(TransportType.RDMA.libnvmeName())
                ? DlpWriter.rdma(port.traddr(), port.trsvcid(), nqn)
                : DlpWriter.tcp(port.traddr(), port.trsvcid(), nqn).sectype(0);
        return entry.portid(index + 1).cntlid(0xffff).treq(0);
    }
}
