package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.nbft.SkippedDescriptor.Kind;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;

/**
 * The derivation rules of {@link BootControllers} on tables written for each rule: which records
 * give controllers, which are skipped and why, and the TIDs, units and connect options that come
 * out. Interfaces are looked up in a fake {@code sys/class/net} and {@code proc/net/vlan} tree.
 */
final class BootControllerDeriverTest {
    private static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9";
    private static final String HOSTID = "e359b7a1-5d03-7747-b3cc-1754b8b819b9";
    private static final String MAC = "52:54:00:b8:19:b9";
    private static final String ALPHA = "nqn.2026-01.example:subsys-alpha";
    private static final String WELL_KNOWN = "nqn.2014-08.org.nvmexpress.discovery";
    /** The unit of ALPHA at 192.168.10.5:4420 without host-traddr. */
    private static final String ALPHA_UNIT = "nvme-discoverd-01e32bd60df3.service";

    @TempDir
    Path root;

    private static NbftTableWriter writer() {
        return new NbftTableWriter().host(HOSTNQN, NbftHeap.hex("e359b7a15d037747b3cc1754b8b819b9"), 0x07);
    }

    /** The tables named NBFT, NBFT1, ..., parsed and derived against the fake tree. */
    private BootControllers derive(NbftTableWriter... tables) throws NbftParseException {
        List<NbftTable> parsed = new ArrayList<>();
        for (int i = 0; i < tables.length; i++) {
            parsed.add(NbftParser.parse(i == 0 ? "NBFT" : "NBFT" + i, tables[i].build()));
        }
        return BootControllers.derive(parsed, new HostInterfaces(root));
    }

    /** {@code ROLE SOURCE: CANONICAL -> UNIT [IFACE]}: everything but the host identity, on one line. */
    private static List<String> lines(BootControllers derived) {
        return derived.controllers().stream().map(c -> c.role() + " " + c.source() + ": " + c.tid().canonical() + " -> "
                + c.unitName() + c.hostIface().map(i -> " [" + i + "]").orElse("")).toList();
    }

    private static List<String> skipped(BootControllers derived) {
        return derived.skipped().stream().map(SkippedDescriptor::toString).toList();
    }

    @Test
    void ssnsGivesAnIoControllerWithTheTablesHostAndTheHfisInterface() throws Exception {
        netInterface("eth0", MAC);
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).mac(MAC).ip("192.168.49.50", 24))
                .ssns(new SsnsSpec(1).target("192.168.49.10", "4420").hfis(1, 1)
                        .nqn("nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02")));

        // The unit is the C daemon's for the same controller (reference Appendix A.2).
        assertThat(derived.controllers()).containsExactly(new BootController(Role.IOC,
                TidParser.strict("transport=tcp;traddr=192.168.49.10;trsvcid=4420;"
                        + "nqn=nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02;host-traddr=192.168.49.50"),
                HOSTNQN, Optional.of(HOSTID), Optional.of("eth0"), "NBFT", "NBFT SSNS 1 via HFI 1"));
        assertThat(derived.controllers().get(0).unitName().value()).isEqualTo("nvme-discoverd-7b558b165f2b.service");
        assertThat(derived.skipped()).isEmpty();
    }

    @Test
    void ssnsWithASecondaryHfiGivesOneIoControllerPerHfi() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).ip("192.168.10.50", 24))
                .hfi(new HfiSpec(2).ip("192.168.20.50", 24))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1, 2)));

        assertThat(lines(derived)).containsExactly(
                "IOC NBFT SSNS 1 via HFI 1: transport=tcp;traddr=192.168.10.5;trsvcid=4420;nqn=" + ALPHA
                        + ";host-traddr=192.168.10.50 -> nvme-discoverd-e5b43e46a808.service",
                "IOC NBFT SSNS 1 via HFI 2: transport=tcp;traddr=192.168.10.5;trsvcid=4420;nqn=" + ALPHA
                        + ";host-traddr=192.168.20.50 -> nvme-discoverd-b9e91fd72061.service");
    }

    /** libnvme drops such an SSNS (reference §15 item 28); its primary HFI is all it needs. */
    @Test
    void ssnsWithAnEmptySecondaryHfiListIsKept() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).ip("192.168.10.50", 24))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1)));

        assertThat(lines(derived)).containsExactly("IOC NBFT SSNS 1 via HFI 1: transport=tcp;traddr=192.168.10.5;"
                + "trsvcid=4420;nqn=" + ALPHA + ";host-traddr=192.168.10.50 -> nvme-discoverd-e5b43e46a808.service");
    }

    @Test
    void ipv6SsnsGetsTheCDaemonsUnit() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).ip("fd00:1::50", 64))
                .ssns(new SsnsSpec(1).target("fd00:1::5", "4420").nqn("nqn.2026-03.example:gamma-subsys").hfis(1)));

        // NBFT-synthetic-ipv6-3hfi-4ssns-2disc-2sec in reference Appendix A.2.
        assertThat(lines(derived)).containsExactly("IOC NBFT SSNS 1 via HFI 1: transport=tcp;traddr=fd00:1::5;trsvcid=4420;"
                + "nqn=nqn.2026-03.example:gamma-subsys;host-traddr=fd00:1::50 -> nvme-discoverd-6fae88afea65.service");
    }

    /** The C daemon splits this URI at the first colon and drops the DC (reference §7.4). */
    @Test
    void discoveryDescriptorWithAnIpv6UriAndNoNqnGivesADiscoveryController() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).ip("fd00:1::50", 64))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://[fd00:1::5]:8009/")));

        assertThat(lines(derived)).containsExactly("DC NBFT DD 1 via HFI 1: transport=tcp;traddr=fd00:1::5;trsvcid=8009;"
                + "nqn=" + WELL_KNOWN + ";host-traddr=fd00:1::50 -> nvme-discoverd-9f644116ee18.service");
    }

    @Test
    void discoveryUriWithoutAPortUsesPort8009() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).ip("192.0.2.50", 24))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme://192.0.2.5/").nqn("nqn.2026-01.example:cdc")));

        assertThat(lines(derived)).containsExactly("DC NBFT DD 1 via HFI 1: transport=tcp;traddr=192.0.2.5;trsvcid=8009;"
                + "nqn=nqn.2026-01.example:cdc;host-traddr=192.0.2.50 -> nvme-discoverd-e5ec9378144b.service");
    }

    @Test
    void discoveryDescriptorThatAnSsnsLinksToGivesNoController() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).ip("192.168.10.50", 24))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://192.168.10.5:8009/"))
                .ssns(new SsnsSpec(1).discoveryIndex(1).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1)));

        assertThat(derived.controllers()).extracting(BootController::role).containsExactly(Role.IOC);
        assertThat(skipped(derived)).containsExactly("NBFT DD 1: referenced by SSNS 1");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::kind).containsExactly(Kind.REFERENCED);
    }

    /** NBFT-ipv6-noip+disc: the firmware could not boot, so the discovery controller is still needed. */
    @Test
    void unavailableSsnsIsSkippedAndLeavesItsDiscoveryDescriptorUnreferenced() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://[4321:BBBB::1]:4420/").nqn(WELL_KNOWN))
                .ssns(new SsnsSpec(1).discoveryIndex(1).target("4321:bbbb::1", "4420").nqn(WELL_KNOWN).hfis(1)));

        assertThat(lines(derived)).containsExactly("DC NBFT DD 1 via HFI 1: transport=tcp;traddr=4321:bbbb::1;trsvcid=4420;"
                + "nqn=" + WELL_KNOWN + " -> nvme-discoverd-0b8f6ec5124a.service");
        assertThat(skipped(derived)).containsExactly(
                "NBFT SSNS 1: unavailable: the subsystem NQN is the well-known discovery NQN");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::kind).containsExactly(Kind.UNAVAILABLE);
    }

    /** A skipped SSNS with a profile still links its discovery descriptor: the namespaces were found. */
    @Test
    void recordsWithASecurityProfileAreSkippedAsUnsupported() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).ip("192.168.10.50", 24))
                .security(new SecuritySpec(1)).security(new SecuritySpec(2))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://192.168.10.5:8009/"))
                .discovery(new DiscoverySpec(2).hfiIndex(1).securityIndex(2).uri("nvme+tcp://192.168.10.6:8009/"))
                .ssns(new SsnsSpec(1).discoveryIndex(1).securityIndex(1).target("192.168.10.5", "4420").nqn(ALPHA)
                        .hfis(1)));

        assertThat(derived.controllers()).isEmpty();
        assertThat(skipped(derived)).containsExactly("NBFT SSNS 1: security profile 1 unsupported",
                "NBFT DD 1: referenced by SSNS 1", "NBFT DD 2: security profile 2 unsupported");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::kind)
                .containsExactly(Kind.SECURITY_UNSUPPORTED, Kind.REFERENCED, Kind.SECURITY_UNSUPPORTED);
    }

    @Test
    void ssnsOfOneSubsystemCollapseIntoTheFirst() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nsid(1).nqn(ALPHA).hfis(1))
                .ssns(new SsnsSpec(2).target("192.168.10.5", "4420").nsid(2).nqn(ALPHA).hfis(1)));

        assertThat(lines(derived)).containsExactly("IOC NBFT SSNS 1 via HFI 1: transport=tcp;traddr=192.168.10.5;"
                + "trsvcid=4420;nqn=" + ALPHA + " -> " + ALPHA_UNIT);
        assertThat(skipped(derived)).containsExactly("NBFT SSNS 2 via HFI 1: duplicate of NBFT SSNS 1 via HFI 1");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::kind).containsExactly(Kind.DUPLICATE);
    }

    @Test
    void duplicatesCollapseAcrossTables() throws Exception {
        NbftTableWriter table = writer().hfi(new HfiSpec(1))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://192.168.10.5/"))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1));

        BootControllers derived = derive(table, table);

        assertThat(derived.controllers()).extracting(BootController::source)
                .containsExactly("NBFT SSNS 1 via HFI 1", "NBFT DD 1 via HFI 1");
        assertThat(skipped(derived)).containsExactly("NBFT1 SSNS 1 via HFI 1: duplicate of NBFT SSNS 1 via HFI 1",
                "NBFT1 DD 1 via HFI 1: duplicate of NBFT DD 1 via HFI 1");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::table).containsExactly("NBFT1", "NBFT1");
    }

    /** Two HFIs without an address on other ports: one TID, so one unit, but two ways to connect. */
    @Test
    void sameTidWithOtherConnectOptionsIsSkippedAsAConflict() throws Exception {
        netInterface("eth0", "52:54:00:aa:bb:01");
        netInterface("eth1", "52:54:00:aa:bb:02");
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).mac("52:54:00:aa:bb:01"))
                .hfi(new HfiSpec(2).mac("52:54:00:aa:bb:02"))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1, 2)));

        assertThat(lines(derived)).containsExactly("IOC NBFT SSNS 1 via HFI 1: transport=tcp;traddr=192.168.10.5;"
                + "trsvcid=4420;nqn=" + ALPHA + " -> " + ALPHA_UNIT + " [eth0]");
        assertThat(skipped(derived)).containsExactly("NBFT SSNS 1 via HFI 2: same TID, and unit " + ALPHA_UNIT
                + ", as NBFT SSNS 1 via HFI 1 with other connect options: --hostnqn=" + HOSTNQN + " --hostid=" + HOSTID
                + " --host-iface=eth1");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::kind).containsExactly(Kind.CONFLICT);
    }

    @Test
    void hfiWithoutAnAddressGivesNoHostTraddr() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1).ip("0.0.0.0", 0)).hfi(new HfiSpec(2))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1))
                .ssns(new SsnsSpec(2).target("192.168.10.6", "4420").nqn(ALPHA).hfis(2)));

        assertThat(derived.controllers()).extracting(c -> c.tid().canonical()).containsExactly(
                "transport=tcp;traddr=192.168.10.5;trsvcid=4420;nqn=" + ALPHA,
                "transport=tcp;traddr=192.168.10.6;trsvcid=4420;nqn=" + ALPHA);
    }

    @Test
    void hostIfaceIsTheInterfaceWithTheHfisMacAndVlan() throws Exception {
        netInterface("eth1", MAC);
        netInterface("eth1.100", MAC);
        Files.createDirectories(root.resolve("proc/net/vlan"));
        Files.writeString(root.resolve("proc/net/vlan/eth1.100"), "eth1.100  VID: 100\t REF: 1\nDevice: eth1\n");
        BootControllers derived = derive(writer()
                .hfi(new HfiSpec(1).mac(MAC).vlan(100).ip("192.168.100.50", 24))
                .hfi(new HfiSpec(2).mac(MAC).ip("192.168.10.50", 24))
                .hfi(new HfiSpec(3).mac("52:54:00:00:00:03").ip("192.168.30.50", 24))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1, 2, 3)));

        assertThat(derived.controllers()).extracting(c -> c.source() + " " + c.hostIface().orElse("(none)"))
                .containsExactly("NBFT SSNS 1 via HFI 1 eth1.100", "NBFT SSNS 1 via HFI 2 eth1", "NBFT SSNS 1 via HFI 3 (none)");
    }

    @Test
    void discoveryDescriptorsWithUnusableUrisAreSkippedWithTheReason() throws Exception {
        BootControllers derived = derive(writer().hfi(new HfiSpec(1))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://192.0.2.1:70000/"))
                .discovery(new DiscoverySpec(2).hfiIndex(1).uri("nvme+rdma://192.0.2.1/"))
                .discovery(new DiscoverySpec(3).hfiIndex(1).uri("nvme+tcp://boot.example/"))
                .discovery(new DiscoverySpec(4).hfiIndex(1).uri("http://192.0.2.1/")));

        assertThat(derived.controllers()).isEmpty();
        assertThat(skipped(derived)).containsExactly(
                "NBFT DD 1: URI invalid: 'nvme+tcp://192.0.2.1:70000/': port out of range: 70000",
                "NBFT DD 2: unsupported transport rdma (only tcp)",
                "NBFT DD 3: URI invalid: 'nvme+tcp://boot.example/': host 'boot.example' is not a numeric address",
                "NBFT DD 4: URI invalid: 'http://192.0.2.1/': not an nvme URI");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::kind).containsExactly(Kind.URI_INVALID,
                Kind.UNSUPPORTED_TRANSPORT, Kind.URI_INVALID, Kind.URI_INVALID);
    }

    @Test
    void allZeroHostIdGivesNoHostid() throws Exception {
        BootControllers derived = derive(new NbftTableWriter().host(HOSTNQN, new byte[16], 0x05).hfi(new HfiSpec(1))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1)));

        assertThat(derived.controllers()).singleElement().satisfies(c -> {
            assertThat(c.hostnqn()).isEqualTo(HOSTNQN);
            assertThat(c.hostid()).isEmpty();
        });
    }

    /** The parser drops what links nowhere (a DD without its HFI among them), with a warning; derivation never sees it. */
    @Test
    void linksToMissingDescriptorsAreTheParsersWarnings() throws Exception {
        NbftTableWriter writer = writer().hfi(new HfiSpec(1))
                .discovery(new DiscoverySpec(1).hfiIndex(9).uri("nvme+tcp://192.0.2.1/"))
                .ssns(new SsnsSpec(1).discoveryIndex(7).target("192.168.10.5", "4420").nqn(ALPHA).hfis(1))
                .ssns(new SsnsSpec(2).target("192.168.10.6", "4420").nqn(ALPHA).hfis(5));
        NbftTableWriter.Layout layout = writer.layout();
        NbftTable table = NbftParser.parse("NBFT", writer.build());

        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "NBFT: discovery descriptor 0 at offset " + layout.discovery(0) + ": dropped: HFI 9 not found",
                "NBFT: SSNS descriptor 0 at offset " + layout.ssns(0)
                        + ": primary discovery controller 7 not found (link left out)",
                "NBFT: SSNS descriptor 1 at offset " + layout.ssns(1) + ": dropped: primary HFI 5 not found");
        BootControllers derived = BootControllers.derive(List.of(table), new HostInterfaces(root));
        assertThat(derived.controllers()).extracting(BootController::source).containsExactly("NBFT SSNS 1 via HFI 1");
        assertThat(derived.skipped()).isEmpty();
    }

    private void netInterface(String name, String mac) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/class/net").resolve(name));
        Files.writeString(dir.resolve("address"), mac + "\n");
    }
}
