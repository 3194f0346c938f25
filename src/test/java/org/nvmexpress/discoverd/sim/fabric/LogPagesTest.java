package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.dlp.AddressFamily;
import org.nvmexpress.discoverd.dlp.DcContext;
import org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.EntryTarget;
import org.nvmexpress.discoverd.dlp.EntryTargets;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.dlp.LogPageReader;
import org.nvmexpress.discoverd.dlp.Subtype;
import org.nvmexpress.discoverd.dlp.TcpSecurityType;
import org.nvmexpress.discoverd.dlp.TransportRequirements;
import org.nvmexpress.discoverd.dlp.TransportSpecific;
import org.nvmexpress.discoverd.dlp.TransportType;
import org.nvmexpress.discoverd.tid.Role;

final class LogPagesTest {
    private static final String VOL1 = "nqn.2024-01.com.example:vol1";
    private static final String VOL2 = "nqn.2024-01.com.example:vol2";
    private static final String DC2_NQN = "nqn.2024-01.com.example:dc2";

    private static final Fabric FABRIC = parse("""
            {
              "ports": [
                {"name": "d1", "transport": "tcp", "traddr": "192.168.100.5", "trsvcid": "8009"},
                {"name": "a1", "transport": "tcp", "traddr": "192.168.100.10", "trsvcid": "4420"},
                {"name": "b1", "transport": "tcp", "traddr": "fd00:100::10", "trsvcid": "4420"},
                {"name": "r1", "transport": "rdma", "traddr": "10.0.0.10", "trsvcid": "4420"},
                {"name": "d2", "transport": "tcp", "traddr": "192.168.101.5", "trsvcid": "8009"}
              ],
              "subsystems": [
                {"nqn": "nqn.2024-01.com.example:vol1", "ports": ["a1", "b1"]},
                {"nqn": "nqn.2024-01.com.example:vol2", "ports": ["r1"]}
              ],
              "discovery-controllers": [
                {"name": "dc1", "port": "d1", "log": [
                  {"self": {"epcsd": true}},
                  {"subsystem": "nqn.2024-01.com.example:vol1", "port": "a1"},
                  {"subsystem": "nqn.2024-01.com.example:vol1", "port": "b1"},
                  {"subsystem": "nqn.2024-01.com.example:vol2", "port": "r1"},
                  {"referral": "dc2"}
                ]},
                {"name": "dc2", "nqn": "nqn.2024-01.com.example:dc2", "port": "d2", "log": [{"self": {}}]}
              ]
            }
            """);

    private static Fabric parse(String text) {
        try {
            return FabricFile.parse(text, "fabric.json");
        } catch (FabricFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static byte[] dc1Page(long genctr) {
        DiscoveryController dc1 = FABRIC.discoveryController("dc1").orElseThrow();
        return LogPages.encode(FABRIC, dc1, dc1.log(), genctr);
    }

    @Test
    void encodeWritesTheHeaderAndOneEntryPerLogEntry() throws Exception {
        byte[] page = dc1Page(7);

        DiscoveryLogPage decoded = DiscoveryLogDecoder.decode(page);

        assertThat(page).hasSize(1024 * 6);
        assertThat(decoded.genctr()).isEqualTo(7);
        assertThat(decoded.numrec()).isEqualTo(5);
        assertThat(decoded.recfmt()).isZero();
        assertThat(decoded.warnings()).isEmpty();
        assertThat(decoded.entries()).extracting(DiscoveryLogEntry::kind)
                .containsExactly(Subtype.CURRENT, Subtype.NVME, Subtype.NVME, Subtype.NVME, Subtype.REFERRAL);
    }

    @Test
    void encodeWritesAnIocWithItsPortsAddressAndTheSubsystemNqn() throws Exception {
        List<DiscoveryLogEntry> entries = DiscoveryLogDecoder.decode(dc1Page(1)).entries();

        DiscoveryLogEntry ipv4 = entries.get(1);
        assertThat(ipv4.transportType()).isEqualTo(TransportType.TCP);
        assertThat(ipv4.addressFamily()).isEqualTo(AddressFamily.IPV4);
        assertThat(ipv4.traddr()).isEqualTo("192.168.100.10");
        assertThat(ipv4.trsvcid()).isEqualTo("4420");
        assertThat(ipv4.subnqn()).isEqualTo(VOL1);
        assertThat(ipv4.portid()).isEqualTo(2);
        assertThat(ipv4.cntlid()).isEqualTo(0xffff);
        assertThat(ipv4.treq().secureChannel()).isEqualTo(TransportRequirements.SecureChannel.NOT_SPECIFIED);
        assertThat(ipv4.securityType()).isEqualTo(TcpSecurityType.NONE);
        assertThat(ipv4.eflags().value()).isZero();
        DiscoveryLogEntry ipv6 = entries.get(2);
        assertThat(ipv6.addressFamily()).isEqualTo(AddressFamily.IPV6);
        assertThat(ipv6.traddr()).isEqualTo("fd00:100::10");
        assertThat(ipv6.portid()).isEqualTo(3);
    }

    @Test
    void encodeWritesAnRdmaIocWithTheRoceTsas() throws Exception {
        DiscoveryLogEntry rdma = DiscoveryLogDecoder.decode(dc1Page(1)).entries().get(3);

        assertThat(rdma.transportType()).isEqualTo(TransportType.RDMA);
        assertThat(rdma.subnqn()).isEqualTo(VOL2);
        assertThat(rdma.tsas()).isInstanceOf(TransportSpecific.Rdma.class);
    }

    @Test
    void encodeWritesTheSelfEntryWithThisControllersPortNqnAndEpcsd() throws Exception {
        DiscoveryLogEntry self = DiscoveryLogDecoder.decode(dc1Page(1)).entries().get(0);

        assertThat(self.traddr()).isEqualTo("192.168.100.5");
        assertThat(self.trsvcid()).isEqualTo("8009");
        assertThat(self.subnqn()).isEqualTo(DlpWriter.DISCOVERY_NQN);
        assertThat(self.portid()).isEqualTo(1);
        assertThat(self.eflags().explicitPersistentConnection()).isTrue();
        assertThat(self.eflags().duplicateReturnInformation()).isFalse();
    }

    @Test
    void encodeWritesASelfEntryWithoutEpcsdWhenTheLogSaysNot() throws Exception {
        DiscoveryController dc2 = FABRIC.discoveryController("dc2").orElseThrow();

        DiscoveryLogEntry self = DiscoveryLogDecoder.decode(LogPages.encode(FABRIC, dc2, dc2.log(), 1)).entries().get(0);

        assertThat(self.subnqn()).isEqualTo(DC2_NQN);
        assertThat(self.eflags().explicitPersistentConnection()).isFalse();
    }

    @Test
    void encodeWritesAReferralWithTheReferredControllersPortAndNqn() throws Exception {
        DiscoveryLogEntry referral = DiscoveryLogDecoder.decode(dc1Page(1)).entries().get(4);

        assertThat(referral.traddr()).isEqualTo("192.168.101.5");
        assertThat(referral.trsvcid()).isEqualTo("8009");
        assertThat(referral.subnqn()).isEqualTo(DC2_NQN);
        assertThat(referral.portid()).isEqualTo(5);
    }

    @Test
    void encodedPagesComeThroughTheRealFetchProtocolIntoConnectableTargets() {
        byte[] page = dc1Page(42);
        LogPageReader slices = command -> Arrays.copyOfRange(page, (int) command.offset(),
                (int) command.offset() + command.length());

        FetchResult result = new DiscoveryLogFetcher().fetch(slices);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        DiscoveryLogPage fetched = ((FetchResult.Fetched) result).page();
        assertThat(fetched.genctr()).isEqualTo(42);
        List<String> targets = fetched.entries().stream()
                .map(e -> EntryTargets.of(e, new DcContext(null, null, null)))
                .map(t -> t instanceof EntryTarget.Connectable c ? c.role() + " " + c.tid().canonical() : t.toString())
                .toList();
        assertThat(targets).containsExactly(
                Role.DC + " transport=tcp;traddr=192.168.100.5;trsvcid=8009;nqn=" + DlpWriter.DISCOVERY_NQN,
                Role.IOC + " transport=tcp;traddr=192.168.100.10;trsvcid=4420;nqn=" + VOL1,
                Role.IOC + " transport=tcp;traddr=fd00:100::10;trsvcid=4420;nqn=" + VOL1,
                Role.IOC + " transport=rdma;traddr=10.0.0.10;trsvcid=4420;nqn=" + VOL2,
                Role.DC + " transport=tcp;traddr=192.168.101.5;trsvcid=8009;nqn=" + DC2_NQN);
    }

    @Test
    void encodeWritesAnEmptyLogAsAHeaderAlone() throws Exception {
        DiscoveryController dc1 = FABRIC.discoveryController("dc1").orElseThrow();

        byte[] page = LogPages.encode(FABRIC, dc1, List.of(), 3);

        assertThat(page).hasSize(1024);
        assertThat(DiscoveryLogDecoder.decode(page).entries()).isEmpty();
    }

    @Test
    void encodeRefusesAnEntryThatNamesNothingInTheFabric() {
        DiscoveryController dc1 = FABRIC.discoveryController("dc1").orElseThrow();

        assertThatThrownBy(() -> LogPages.encode(FABRIC, dc1, List.of(new LogEntry.Referral("dc9")), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no discovery controller named dc9");
        assertThatThrownBy(() -> LogPages.encode(FABRIC, dc1, List.of(new LogEntry.Ioc(VOL1, "z9")), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no port named z9");
    }
}
