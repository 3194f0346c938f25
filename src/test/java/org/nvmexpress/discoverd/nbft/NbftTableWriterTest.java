package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writer lays tables out as §7.2 says. Its strongest check: rebuilt from their reference dumps,
 * two firmware tables of the shared fixtures read back field for field like the originals.
 */
final class NbftTableWriterTest {
    private static final Path TABLES = Path.of("../shared/fixtures/nbft/tables");

    @Test
    void buildWritesTheLengthAndAChecksumThatSumsToZero() {
        byte[] table = new NbftTableWriter().build();
        NbftTableBytes bytes = NbftTableBytes.of(table);

        assertThat(NbftTableBytes.sum(table)).isZero();
        assertThat(bytes.u32At(4)).isEqualTo(table.length);
        assertThat(bytes.u32At(36) + bytes.u32At(40)).as("heap end").isEqualTo(table.length);
    }

    @Test
    void buildWritesAnEmptyTableWithOnlyTheHost() {
        Map<String, String> fields = NbftStructure.describe(new NbftTableWriter()
                .host("nqn.2014-08.org.nvmexpress:uuid:1", NbftHeap.hex("00112233445566778899aabbccddeeff"), 0x07)
                .build());

        assertThat(fields).containsEntry("header.signature", "NBFT")
                .containsEntry("header.revision", "1.0")
                .containsEntry("header.driver_dev_path", "(absent)")
                .containsEntry("control.id", "1 rev 1.0 csl 64")
                .containsEntry("control.flags", "0x1")
                .containsEntry("control.host", "32 bytes v1")
                .containsEntry("control.hfi", "none")
                .containsEntry("control.discovery", "none")
                .containsEntry("host.id", "2 flags 0x7")
                .containsEntry("host.host_id", "00112233445566778899aabbccddeeff")
                .containsEntry("host.nqn", "nqn.2014-08.org.nvmexpress:uuid:1");
    }

    @Test
    void layoutPutsTheListsAfterTheHostInControlOrder() {
        NbftTableWriter writer = new NbftTableWriter().hfi(new HfiSpec(1)).hfi(new HfiSpec(2))
                .ssns(new SsnsSpec(1)).security(new SecuritySpec(1)).discovery(new DiscoverySpec(1));
        NbftTableWriter.Layout layout = writer.layout();
        NbftTableBytes bytes = NbftTableBytes.of(writer.build());

        assertThat(layout).isEqualTo(new NbftTableWriter.Layout(160, 224, 352, 416, 448));
        assertThat(bytes.u32At(64 + 16)).isEqualTo(layout.hfiList());
        assertThat(bytes.u32At(64 + 24)).isEqualTo(layout.ssnsList());
        assertThat(bytes.u32At(64 + 32)).isEqualTo(layout.securityList());
        assertThat(bytes.u32At(64 + 40)).isEqualTo(layout.discoveryList());
        assertThat(bytes.u32At(36)).isEqualTo(layout.heap());
        assertThat(bytes.u8At(layout.hfi(1))).as("structure id").isEqualTo(3);
        assertThat(bytes.u8At(layout.hfi(1) + 1)).as("index").isEqualTo(2);
        assertThat(bytes.u8At(layout.ssns(0))).isEqualTo(4);
        assertThat(bytes.u8At(layout.security(0))).isEqualTo(5);
        assertThat(bytes.u8At(layout.discovery(0))).isEqualTo(6);
    }

    /** What the two fixture tables below do not cover: IPv6, VLAN, DHCP, extended infos, absences. */
    @Test
    void buildWritesTheOptionalPieces() {
        byte[] table = new NbftTableWriter()
                .hfi(new HfiSpec(4).trinfoVersion(2).flags(HfiSpec.VALID | HfiSpec.DHCP_OVERRIDE).vlan(100)
                        .ip("fd00:1::50", 64).dhcpServer("fd00:1::1").pcieSegment(3)
                        .extendedInfo(0x01020304L, NbftHeap.hex("000100012b3c4d5e")))
                .ssns(new SsnsSpec(7).flags(SsnsSpec.VALID | SsnsSpec.EXTENDED_INFO_IN_USE).hfis(4)
                        .target("fd00:1::5", "4420").nqn("nqn.2026-01.example:v6")
                        .extendedInfo(0x03, 9, 32, "root-path").extendedInfo11(1, 2, 0xFFFF, 4))
                .discovery(new DiscoverySpec(2).hfiIndex(4).uri("nvme+tcp://[fd00:1::5]:8009/"))
                .build();
        Map<String, String> fields = NbftStructure.describe(table);

        assertThat(NbftTableBytes.sum(table)).isZero();
        assertThat(fields)
                .containsEntry("hfi[0].info", "id 7 v1 trtype 3 trinfo v2 hfi 4 flags 0x5 length 128")
                .containsEntry("hfi[0].info.vlan", "100")
                .containsEntry("hfi[0].info.ip", "fd000001000000000000000000000050/64")
                .containsEntry("hfi[0].info.dhcp_server", "fd000001000000000000000000000001")
                .containsEntry("hfi[0].info.gateway", "00000000000000000000000000000000 metric 0")
                .containsEntry("hfi[0].info.host_name", "(absent)")
                .containsEntry("hfi[0].info.pcie_seg_num", "3")
                .containsEntry("hfi[0].info.ext", "id 10 v1 hfi 4 flags 0x3 iaid 04030201 duid 000100012b3c4d5e")
                .containsEntry("ssns[0].descriptor", "id 4 index 7 flags 0x11 trtype 3 trflags 0x0")
                .containsEntry("ssns[0].links", "discovery 0 security 0 hfi 4 secondary (absent)")
                .containsEntry("ssns[0].traddr", "fd000001000000000000000000000005")
                .containsEntry("ssns[0].ext", "length 23 id 9 v1 ssns 7 flags 0x3 cntlid 9 asqsz 32"
                        + " root_path root-path rev1.1 0102 cto 65535 04")
                .containsEntry("discovery[0].descriptor", "id 6 flags 0x1 index 2 hfi 4 security 0")
                .containsEntry("discovery[0].nqn", "(absent)");
    }

    @Test
    void buildRebuildsNbftStaticIpv4Discovery() throws IOException {
        byte[] original = fixture("NBFT-static-ipv4-discovery");
        byte[] rebuilt = new NbftTableWriter()
                // Header identity and the device path are not in the dump: from the table's header.
                .oem("BOCHS ", "BXPC    ", 0).creator("    ", 0x01000013)
                .driverDevicePath("Fv(7CB8BDC9-F8EB-4F34-AAEA-3EE4AF6516A1)"
                        + "/FvFile(EB487413-0480-4C92-9F17-D19482D325D5)")
                .host("nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9",
                        NbftHeap.hex("e359b7a15d037747b3cc1754b8b819b9"), 0x07)
                .hfi(new HfiSpec(1).flags(0x03).pciSbdf(8).mac("52:54:00:b8:19:b9").origin(1)
                        .ip("192.168.49.50", 24).gateway("0.0.0.0").dns("0.0.0.0", "0.0.0.0")
                        .dhcpServer("0.0.0.0").hostName("nvmeof-sles"))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://192.168.49.10:4420/")
                        .nqn("nqn.2014-08.org.nvmexpress.discovery"))
                .ssns(new SsnsSpec(1).flags(0x0051).discoveryIndex(1).target("192.168.49.10", "4420").nsid(1)
                        .nid(3, "df669a88bd6f4dd68a505f97eb55c835").hfis(1, 1)
                        .nqn("nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02")
                        .extendedInfo(0x01, 13, 0, null))
                .build();

        Map<String, String> expected = NbftStructure.describe(original);
        assertThat(expected).as("the description reads the fixture")
                .containsEntry("host.nqn", "nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9")
                .containsEntry("hfi[0].info.ip", "00000000000000000000ffffc0a83132/24")
                .containsEntry("ssns[0].traddr", "00000000000000000000ffffc0a8310a")
                .containsEntry("discovery[0].uri", "nvme+tcp://192.168.49.10:4420/");
        assertThat(NbftStructure.describe(rebuilt)).containsExactlyEntriesOf(expected);
    }

    @Test
    void buildRebuildsNbftSynthetic2hfi3ssnsDiscSec() throws IOException {
        byte[] original = fixture("NBFT-synthetic-2hfi-3ssns-disc-sec");
        String alpha = "nqn.2026-01.example:subsys-alpha";
        byte[] rebuilt = new NbftTableWriter()
                .oem("SYNTH ", "TBL1GEN ", 1).creator("GNRT", 1).minorRevision(1)
                .host("nqn.2014-08.org.nvmexpress:uuid:22222222-2222-2222-2222-222222222222",
                        NbftHeap.hex("22".repeat(16)), 0x07)
                .hfi(new HfiSpec(1).trinfoVersion(2).flags(0x03).mac("52:54:00:aa:bb:01").origin(1)
                        .ip("192.168.10.50", 24).gateway("192.168.10.1").routeMetric(500))
                .hfi(new HfiSpec(2).trinfoVersion(2).flags(0x01).mac("52:54:00:aa:bb:02").origin(1)
                        .ip("192.168.20.50", 24).gateway("192.168.20.1").routeMetric(600))
                // The dump hides the secure-channel list: flags 0x55 has bits 8:7 clear, so it is not read.
                .security(new SecuritySpec(1).flags(0x55).secretType(2).secureChannelAlgorithms(1).authProtocols(3)
                        .keyPath("redfish://bmc.test.example/keys/boot"))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://192.168.10.5:8009/")
                        .nqn("nqn.2014-08.org.nvmexpress.discovery"))
                .ssns(new SsnsSpec(1).flags(0x55).trflags(0x0003).discoveryIndex(1).target("192.168.10.5", "4420")
                        .nsid(1).nid(3, "aabbccdd111122223333445566778899").securityIndex(1).hfis(1, 1).nqn(alpha))
                .ssns(new SsnsSpec(2).flags(0x55).discoveryIndex(1).target("192.168.10.5", "4420")
                        .nsid(2).nid(3, "aabbccdd111122223333445566778800").securityIndex(1).hfis(1, 1).nqn(alpha))
                .ssns(new SsnsSpec(3).flags(0x45).target("192.168.20.5", "4420").nsid(1)
                        .nid(2, "fedcba9876543210abcdef0123456789").securityIndex(1).hfis(2, 2)
                        .nqn("nqn.2026-01.example:subsys-beta"))
                .build();

        Map<String, String> expected = NbftStructure.describe(original);
        assertThat(expected).as("the description reads the fixture")
                .containsEntry("header.revision", "1.1")
                .containsEntry("hfi[1].info.ip", "00000000000000000000ffffc0a81432/24")
                .containsEntry("ssns[2].traddr", "00000000000000000000ffffc0a81405")
                .containsEntry("security[0].keypath", "redfish://bmc.test.example/keys/boot");
        assertThat(NbftStructure.describe(rebuilt)).containsExactlyEntriesOf(expected);
    }

    @Test
    void tableBytesOverwritesLittleEndianFields() {
        byte[] table = new NbftTableWriter().build();
        NbftTableBytes bytes = NbftTableBytes.of(table).u8(100, 0xAB).u16(102, 0x1234).u32(104, 0xDEADBEEFL)
                .put(110, (byte) 1, (byte) 2);

        assertThat(bytes.toByteArray()).startsWith(Arrays.copyOf(table, 100));
        assertThat(bytes.u8At(100)).isEqualTo(0xAB);
        assertThat(bytes.toByteArray()[102]).isEqualTo((byte) 0x34);
        assertThat(bytes.u16At(102)).isEqualTo(0x1234);
        assertThat(bytes.toByteArray()[104]).isEqualTo((byte) 0xEF);
        assertThat(bytes.u32At(104)).isEqualTo(0xDEADBEEFL);
        assertThat(bytes.u16At(110)).isEqualTo(0x0201);
        assertThat(table[100]).as("the original is untouched").isZero();
    }

    @Test
    void tableBytesChecksumRepairsTheSumAfterACorruption() {
        byte[] table = new NbftTableWriter().build();

        byte[] corrupted = NbftTableBytes.of(table).u8(64 + 6, 0).toByteArray();
        byte[] repaired = NbftTableBytes.of(table).u8(64 + 6, 0).checksum().toByteArray();

        assertThat(NbftTableBytes.sum(corrupted)).isEqualTo(0xFF);
        assertThat(NbftTableBytes.sum(repaired)).isZero();
        assertThat(repaired[64 + 6]).isZero();
    }

    @Test
    void tableBytesTruncateKeepsTheHeaderLength() {
        byte[] table = new NbftTableWriter().build();
        NbftTableBytes cut = NbftTableBytes.of(table).truncate(100).checksum();

        assertThat(cut.toByteArray()).hasSize(100);
        assertThat(cut.u32At(4)).isEqualTo(table.length);
        assertThat(NbftTableBytes.sum(cut.toByteArray())).isZero();
    }

    @Test
    void extendedInfo11NeedsTheRevision10Fields() {
        assertThatThrownBy(() -> new SsnsSpec(1).extendedInfo11(0, 0, 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("extendedInfo11 extends extendedInfo: call that first");
    }

    private static byte[] fixture(String name) throws IOException {
        Path table = TABLES.resolve(name);
        assumeThat(Files.isRegularFile(table))
                .as("NBFT fixture %s is absent: the shared fixtures must sit beside the project", table)
                .isTrue();
        return Files.readAllBytes(table);
    }
}
