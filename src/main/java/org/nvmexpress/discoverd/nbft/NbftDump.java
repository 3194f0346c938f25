package org.nvmexpress.discoverd.nbft;

import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * The reference dump of a parsed table: libnvme's {@code nbft-dump} output, byte for byte, so that
 * libnvme's expected-output files are the oracle of this parser (reference §7.5). One
 * {@code key=value} line per field: the raw size and the host, then each HFI, security profile,
 * discovery controller and SSNS. Quirks kept on purpose: byte arrays print each byte as {@code %x}
 * without zero padding, absent strings print {@code (null)}, an absent DHCP server prints empty,
 * and some flags print in hex, others in decimal, as the reference does.
 */
public final class NbftDump {
    private NbftDump() {
    }

    /** The dump of {@code table}, each line ending in {@code \n}. */
    public static String of(NbftTable table) {
        StringBuilder out = new StringBuilder(4096);
        line(out, "raw_nbft_size", table.rawSize());
        NbftHost host = table.host();
        line(out, "host.id", host.id().unpaddedHex());
        line(out, "host.nqn", host.nqn());
        line(out, "host.flags", String.format("0x%02x", host.flags()));
        List<NbftHfi> hfis = table.hfis();
        for (int i = 0; i < hfis.size(); i++) {
            hfi(out, "hfi_list[" + i + "]->", hfis.get(i));
        }
        List<NbftSecurity> profiles = table.securityProfiles();
        for (int i = 0; i < profiles.size(); i++) {
            security(out, "security_list[" + i + "]->", profiles.get(i));
        }
        List<NbftDiscovery> discoveries = table.discoveryControllers();
        for (int i = 0; i < discoveries.size(); i++) {
            discovery(out, "discovery_list[" + i + "]->", discoveries.get(i));
        }
        List<NbftSubsystemNamespace> namespaces = table.subsystemNamespaces();
        for (int i = 0; i < namespaces.size(); i++) {
            ssns(out, "subsystem_ns_list[" + i + "]->", namespaces.get(i));
        }
        return out.toString();
    }

    private static void hfi(StringBuilder out, String p, NbftHfi hfi) {
        NbftTcpInfo tcp = hfi.tcpInfo();
        String t = p + "tcp_info.";
        line(out, p + "index", hfi.index());
        line(out, p + "transport", hfi.transport());
        line(out, t + "pci_sbdf", tcp.pciSbdf());
        line(out, t + "mac_addr", tcp.macAddress().unpaddedHex());
        line(out, t + "vlan", tcp.vlan());
        line(out, t + "ip_origin", tcp.ipOrigin());
        line(out, t + "ipaddr", tcp.ipAddress().canonical());
        line(out, t + "subnet_mask_prefix", tcp.subnetMaskPrefix());
        line(out, t + "gateway_ipaddr", tcp.gateway().canonical());
        line(out, t + "route_metric", tcp.routeMetric());
        line(out, t + "primary_dns_ipaddr", tcp.primaryDns().canonical());
        line(out, t + "secondary_dns_ipaddr", tcp.secondaryDns().canonical());
        line(out, t + "dhcp_server_ipaddr", tcp.dhcpServer().map(NumericAddress::canonical).orElse(""));
        line(out, t + "host_name", orNull(tcp.hostName()));
        line(out, t + "flags", String.format("0x%02x", tcp.flags()));
        line(out, t + "pcie_seg_num", tcp.pcieSegment());
        line(out, t + "dhcp_iaid", tcp.dhcpIaid());
        line(out, t + "dhcp_duid", tcp.dhcpDuid().unpaddedHex());
        line(out, t + "dhcp_duid_len", tcp.dhcpDuid().length());
    }

    private static void security(StringBuilder out, String p, NbftSecurity s) {
        line(out, p + "index", s.index());
        line(out, p + "flags", s.flags());
        line(out, p + "secret_type", s.secretType());
        list(out, p + "sec_chan_algs", s.secureChannelAlgorithms());
        list(out, p + "auth_protocols", s.authProtocols());
        list(out, p + "cipher_suites", s.cipherSuites());
        list(out, p + "kx_groups", s.keyExchangeGroups());
        list(out, p + "sec_hash_funcs", s.hashFunctions());
        line(out, p + "secret_keypath", orNull(s.keyPath()));
    }

    private static void discovery(StringBuilder out, String p, NbftDiscovery d) {
        line(out, p + "index", d.index());
        d.security().ifPresent(s -> line(out, p + "security->index", s.index()));
        line(out, p + "hfi->index", d.hfi().index());
        line(out, p + "uri", d.uri());
        line(out, p + "nqn", orNull(d.nqn()));
    }

    private static void ssns(StringBuilder out, String p, NbftSubsystemNamespace s) {
        line(out, p + "index", s.index());
        s.discovery().ifPresent(d -> line(out, p + "discovery->index", d.index()));
        s.security().ifPresent(d -> line(out, p + "security->index", d.index()));
        line(out, p + "num_hfis", s.hfis().size());
        for (int j = 0; j < s.hfis().size(); j++) {
            line(out, p + "hfis[" + j + "]->index", s.hfis().get(j).index());
        }
        line(out, p + "transport", s.transport());
        line(out, p + "traddr", s.traddr().canonical());
        line(out, p + "trsvcid", s.trsvcid());
        line(out, p + "subsys_port_id", s.portId());
        line(out, p + "nsid", s.nsid());
        line(out, p + "nid_type", s.nidType());
        line(out, p + "nid", s.nid().unpaddedHex());
        line(out, p + "subsys_nqn", s.nqn());
        line(out, p + "trflags", String.format("0x%04x", s.trflags()));
        Optional<NbftSsnsExtendedInfo> ext = s.extendedInfo();
        line(out, p + "controller_id", ext.map(NbftSsnsExtendedInfo::controllerId).orElse(0));
        line(out, p + "asqsz", ext.map(NbftSsnsExtendedInfo::asqsz).orElse(0));
        line(out, p + "dhcp_root_path_string", orNull(ext.flatMap(NbftSsnsExtendedInfo::dhcpRootPath)));
        line(out, p + "naed", String.format("0x%02x", ext.map(NbftSsnsExtendedInfo::naed).orElse(0)));
        line(out, p + "cipeec", String.format("0x%02x", ext.map(NbftSsnsExtendedInfo::cipeec).orElse(0)));
        line(out, p + "cto", ext.map(NbftSsnsExtendedInfo::cto).orElse(0));
        line(out, p + "nceec", String.format("0x%02x", ext.map(NbftSsnsExtendedInfo::nceec).orElse(0)));
        line(out, p + "flags", String.format("0x%04x", s.flags()));
    }

    private static void list(StringBuilder out, String key, NbftBytes bytes) {
        line(out, key, bytes.unpaddedHex());
        line(out, key + "_len", bytes.length());
    }

    private static String orNull(Optional<String> value) {
        return value.orElse("(null)");
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append('=').append(value).append('\n');
    }
}
