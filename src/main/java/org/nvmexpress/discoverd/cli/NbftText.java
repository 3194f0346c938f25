package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.nbft.NbftDiscovery;
import org.nvmexpress.discoverd.nbft.NbftHfi;
import org.nvmexpress.discoverd.nbft.NbftHost;
import org.nvmexpress.discoverd.nbft.NbftSubsystemNamespace;
import org.nvmexpress.discoverd.nbft.NbftTable;
import org.nvmexpress.discoverd.nbft.NbftTcpInfo;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * The summary {@code nbft show} prints for people: per table, the host, then one line per HFI,
 * discovery controller and subsystem namespace, links by their index numbers.
 */
final class NbftText {
    private NbftText() {
    }

    static void print(List<NbftTable> tables, PrintWriter out) {
        for (int i = 0; i < tables.size(); i++) {
            if (i > 0) {
                out.println();
            }
            table(tables.get(i), out);
        }
    }

    private static void table(NbftTable table, PrintWriter out) {
        out.printf("%s: NBFT %d.%d from %s, %d bytes%n", table.source(), table.header().majorRevision(),
                table.header().minorRevision(), (table.header().oemId() + " " + table.header().oemTableId()).strip(),
                table.rawSize());
        NbftHost host = table.host();
        out.println("  host " + host.nqn());
        out.println("       id " + host.idText());
        for (NbftHfi hfi : table.hfis()) {
            out.println("  hfi " + hfi.index() + ": " + hfi(hfi.tcpInfo()));
        }
        for (NbftDiscovery d : table.discoveryControllers()) {
            out.println("  discovery " + d.index() + ": " + d.uri() + " " + d.nqn().orElse("(well-known discovery NQN)")
                    + " via hfi " + d.hfi().index() + d.security().map(s -> ", security " + s.index()).orElse(""));
        }
        for (NbftSubsystemNamespace s : table.subsystemNamespaces()) {
            out.println("  ssns " + s.index() + ": " + ssns(s));
        }
    }

    private static String hfi(NbftTcpInfo tcp) {
        StringBuilder line = new StringBuilder();
        line.append(tcp.ipAddress()).append('/').append(tcp.subnetMaskPrefix());
        line.append(" mac ").append(tcp.macText());
        line.append(" vlan ").append(tcp.vlan() == 0 ? "none" : String.valueOf(tcp.vlan()));
        line.append(" gateway ").append(tcp.gateway());
        tcp.dhcpServer().ifPresent(server -> line.append(" dhcp ").append(server));
        tcp.hostName().ifPresent(name -> line.append(" host name ").append(name));
        return line.toString();
    }

    private static String ssns(NbftSubsystemNamespace s) {
        List<String> notes = new ArrayList<>();
        s.discovery().ifPresent(d -> notes.add("discovery " + d.index()));
        s.security().ifPresent(p -> notes.add("security " + p.index()));
        if (s.nonBootable()) {
            notes.add("not bootable");
        }
        if (s.unavailableNamespace()) {
            notes.add("unavailable");
        }
        String hfis = s.hfis().stream().map(h -> String.valueOf(h.index())).collect(Collectors.joining(","));
        return hostPort(s.traddr(), s.trsvcid()) + " " + s.nqn() + " nsid " + s.nsid() + " via hfi " + hfis
                + (notes.isEmpty() ? "" : ", " + String.join(", ", notes));
    }

    /** {@code address:port}, the address in brackets when it is IPv6. */
    private static String hostPort(NumericAddress address, String port) {
        return (address.isIpv4() ? address.canonical() : "[" + address.canonical() + "]") + ":" + port;
    }
}
