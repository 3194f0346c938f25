package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.nvmexpress.discoverd.nbft.NbftDiscovery;
import org.nvmexpress.discoverd.nbft.NbftHeader;
import org.nvmexpress.discoverd.nbft.NbftHfi;
import org.nvmexpress.discoverd.nbft.NbftHost;
import org.nvmexpress.discoverd.nbft.NbftProblem;
import org.nvmexpress.discoverd.nbft.NbftSecurity;
import org.nvmexpress.discoverd.nbft.NbftSsnsExtendedInfo;
import org.nvmexpress.discoverd.nbft.NbftSubsystemNamespace;
import org.nvmexpress.discoverd.nbft.NbftTable;
import org.nvmexpress.discoverd.nbft.NbftTcpInfo;

/**
 * The parsed tables as JSON for scripts: {@code {"tables": [...], "rejected": [...]}}. Every field
 * of the model is there; byte arrays are hex strings (two digits per byte), addresses are text,
 * links are the index numbers of the descriptors they name, and absent values are {@code null}.
 */
final class NbftJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NbftJson() {
    }

    static ObjectNode of(List<NbftTable> tables, List<NbftProblem> rejected) {
        ObjectNode root = JSON.objectNode();
        ArrayNode tableNodes = root.putArray("tables");
        tables.forEach(t -> tableNodes.add(table(t)));
        ArrayNode rejectedNodes = root.putArray("rejected");
        rejected.forEach(p -> rejectedNodes.add(problem(p)));
        return root;
    }

    private static ObjectNode table(NbftTable t) {
        ObjectNode node = JSON.objectNode();
        node.put("file", t.source());
        node.put("rawSize", t.rawSize());
        node.set("header", header(t.header()));
        node.set("host", host(t.host()));
        ArrayNode hfis = node.putArray("hfis");
        t.hfis().forEach(h -> hfis.add(hfi(h)));
        ArrayNode profiles = node.putArray("securityProfiles");
        t.securityProfiles().forEach(s -> profiles.add(security(s)));
        ArrayNode discoveries = node.putArray("discoveryControllers");
        t.discoveryControllers().forEach(d -> discoveries.add(discovery(d)));
        ArrayNode namespaces = node.putArray("subsystemNamespaces");
        t.subsystemNamespaces().forEach(s -> namespaces.add(ssns(s)));
        ArrayNode warnings = node.putArray("warnings");
        t.warnings().forEach(w -> warnings.add(w.toString()));
        return node;
    }

    private static ObjectNode header(NbftHeader h) {
        ObjectNode node = JSON.objectNode();
        node.put("length", h.length());
        node.put("majorRevision", h.majorRevision());
        node.put("minorRevision", h.minorRevision());
        node.put("oemId", h.oemId());
        node.put("oemTableId", h.oemTableId());
        node.put("oemRevision", h.oemRevision());
        node.put("creatorId", h.creatorId());
        node.put("creatorRevision", h.creatorRevision());
        node.put("driverDevicePath", h.driverDevicePath().orElse(null));
        return node;
    }

    private static ObjectNode host(NbftHost h) {
        ObjectNode node = JSON.objectNode();
        node.put("id", h.id().hex());
        node.put("nqn", h.nqn());
        node.put("flags", h.flags());
        return node;
    }

    private static ObjectNode hfi(NbftHfi h) {
        NbftTcpInfo tcp = h.tcpInfo();
        ObjectNode node = JSON.objectNode();
        node.put("index", h.index());
        node.put("transport", h.transport());
        node.put("pciSbdf", tcp.pciSbdf());
        node.put("macAddress", tcp.macAddress().hex());
        node.put("vlan", tcp.vlan());
        node.put("ipOrigin", tcp.ipOrigin());
        node.put("ipAddress", tcp.ipAddress().canonical());
        node.put("subnetMaskPrefix", tcp.subnetMaskPrefix());
        node.put("gateway", tcp.gateway().canonical());
        node.put("routeMetric", tcp.routeMetric());
        node.put("primaryDns", tcp.primaryDns().canonical());
        node.put("secondaryDns", tcp.secondaryDns().canonical());
        node.put("dhcpServer", tcp.dhcpServer().map(a -> a.canonical()).orElse(null));
        node.put("hostName", tcp.hostName().orElse(null));
        node.put("flags", tcp.flags());
        node.put("pcieSegment", tcp.pcieSegment());
        node.put("dhcpIaid", tcp.dhcpIaid());
        node.put("dhcpDuid", tcp.dhcpDuid().hex());
        return node;
    }

    private static ObjectNode security(NbftSecurity s) {
        ObjectNode node = JSON.objectNode();
        node.put("index", s.index());
        node.put("flags", s.flags());
        node.put("secretType", s.secretType());
        node.put("secureChannelAlgorithms", s.secureChannelAlgorithms().hex());
        node.put("authProtocols", s.authProtocols().hex());
        node.put("cipherSuites", s.cipherSuites().hex());
        node.put("keyExchangeGroups", s.keyExchangeGroups().hex());
        node.put("hashFunctions", s.hashFunctions().hex());
        node.put("keyPath", s.keyPath().orElse(null));
        return node;
    }

    private static ObjectNode discovery(NbftDiscovery d) {
        ObjectNode node = JSON.objectNode();
        node.put("index", d.index());
        node.put("hfi", d.hfi().index());
        node.put("security", d.security().map(NbftSecurity::index).orElse(null));
        node.put("uri", d.uri());
        node.put("nqn", d.nqn().orElse(null));
        return node;
    }

    private static ObjectNode ssns(NbftSubsystemNamespace s) {
        ObjectNode node = JSON.objectNode();
        node.put("index", s.index());
        node.put("discovery", s.discovery().map(NbftDiscovery::index).orElse(null));
        node.put("security", s.security().map(NbftSecurity::index).orElse(null));
        ArrayNode hfis = node.putArray("hfis");
        s.hfis().forEach(h -> hfis.add(h.index()));
        node.put("transport", s.transport());
        node.put("traddr", s.traddr().canonical());
        node.put("trsvcid", s.trsvcid());
        node.put("portId", s.portId());
        node.put("nsid", s.nsid());
        node.put("nidType", s.nidType());
        node.put("nid", s.nid().hex());
        node.put("nqn", s.nqn());
        node.put("trflags", s.trflags());
        node.put("flags", s.flags());
        node.set("extendedInfo", s.extendedInfo().map(NbftJson::extendedInfo).orElse(null));
        return node;
    }

    private static ObjectNode extendedInfo(NbftSsnsExtendedInfo e) {
        ObjectNode node = JSON.objectNode();
        node.put("controllerId", e.controllerId());
        node.put("asqsz", e.asqsz());
        node.put("dhcpRootPath", e.dhcpRootPath().orElse(null));
        node.put("naed", e.naed());
        node.put("cipeec", e.cipeec());
        node.put("cto", e.cto());
        node.put("nceec", e.nceec());
        return node;
    }

    private static ObjectNode problem(NbftProblem p) {
        ObjectNode node = JSON.objectNode();
        node.put("file", p.table());
        node.put("descriptor", p.descriptor());
        node.put("offset", p.offset().isPresent() ? p.offset().getAsLong() : null);
        node.put("message", p.message());
        node.put("text", p.toString());
        return node;
    }
}
