package org.nvmexpress.discoverd.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nvmexpress.discoverd.tid.TransportId;

class AnnouncementsTest {
    static final String CDC_NQN = "nqn.1988-11.com.example:cdc";

    static ServiceInstance instance(String type, String iface, String address, int port, Map<String, String> txt) {
        return new ServiceInstance(new ServiceInstance.Key("CDC on array-a", type, "local", iface, false), address,
                port, txt);
    }

    static ServiceInstance tcp(Map<String, String> txt) {
        return instance(ServiceInstance.TYPE_TCP, "eth0", "192.168.1.20", 8009, txt);
    }

    @Test
    void tcpAnnouncementIsADcOnItsInterface() {
        assertThat(Announcements.read(tcp(Map.of("p", "tcp", "nqn", CDC_NQN)))).isEqualTo(new Announcements.Dc(
                TransportId.builder().transport("tcp").traddr("192.168.1.20").trsvcid("8009").nqn(CDC_NQN)
                        .hostIface("eth0").build()));
    }

    @ParameterizedTest
    @CsvSource({"roce", "iwarp", "rdma", "RoCE"})
    void rdmaNamesAreRdmaWithoutHostIface(String p) {
        Announcements.Reading reading = Announcements.read(instance(ServiceInstance.TYPE_UDP, "ib0", "10.1.0.5", 4420,
                Map.of("p", p)));
        assertThat(reading).isEqualTo(new Announcements.Dc(TransportId.builder().transport("rdma").traddr("10.1.0.5")
                .trsvcid("4420").nqn(Announcements.WELL_KNOWN_DISCOVERY_NQN).build()));
    }

    @Test
    void missingNqnIsTheWellKnownOneAndMissingPOnTcpIsTcp() {
        Announcements.Dc dc = (Announcements.Dc) Announcements.read(tcp(Map.of()));
        assertThat(dc.tid().nqn()).isEqualTo(Announcements.WELL_KNOWN_DISCOVERY_NQN);
        assertThat(dc.tid().transport()).isEqualTo("tcp");
    }

    @Test
    void missingPOnUdpIsIgnored() {
        assertThat(Announcements.read(instance(ServiceInstance.TYPE_UDP, "eth0", "10.1.0.5", 4420, Map.of())))
                .isEqualTo(new Announcements.Ignored("no p= in the TXT record of a _nvme-disc._udp instance"));
    }

    @Test
    void otherProtocolIsIgnoredNamingIt() {
        assertThat(Announcements.read(tcp(Map.of("p", "fc"))))
                .isEqualTo(new Announcements.Ignored("TXT p='fc' is not tcp, roce, iwarp or rdma"));
    }

    @Test
    void hostileValuesAreIgnoredQuotedAndBounded() {
        Announcements.Ignored control = (Announcements.Ignored) Announcements.read(tcp(Map.of("nqn", "nqn.x\n\u001b[31m")));
        assertThat(control.reason()).startsWith("TXT nqn='nqn.x\\x0a\\x1b[31m' is not an NQN");
        Announcements.Ignored longP = (Announcements.Ignored) Announcements.read(tcp(Map.of("p", "t".repeat(10_000))));
        assertThat(longP.reason()).contains("... (10000 characters)").hasSizeLessThan(200);
        assertThat(Announcements.read(tcp(Map.of("nqn", "n".repeat(224))))).isInstanceOf(Announcements.Ignored.class);
        assertThat(Announcements.read(tcp(Map.of("nqn", "n".repeat(223))))).isInstanceOf(Announcements.Dc.class);
    }

    @Test
    void badAddressInterfaceOrPortIsIgnored() {
        assertThat(Announcements.read(instance(ServiceInstance.TYPE_TCP, "eth0", "array-a.local", 8009, Map.of())))
                .isEqualTo(new Announcements.Ignored("address 'array-a.local' is not a numeric IPv4 or IPv6 address"));
        assertThat(Announcements.read(instance(ServiceInstance.TYPE_TCP, "a-very-long-interface", "10.0.0.1", 8009,
                Map.of()))).isInstanceOf(Announcements.Ignored.class);
        assertThat(Announcements.read(instance(ServiceInstance.TYPE_TCP, "eth0", "10.0.0.1", 0, Map.of())))
                .isEqualTo(new Announcements.Ignored("port 0"));
    }

    @Test
    void addressOnTwoInterfacesIsReportedOnce() {
        InterfaceConflicts conflicts = new InterfaceConflicts();
        assertThat(conflicts.seen(instance(ServiceInstance.TYPE_TCP, "eth0", "10.0.0.1", 8009, Map.of()))).isEmpty();
        assertThat(conflicts.seen(instance(ServiceInstance.TYPE_TCP, "eth0", "10.0.0.1", 8009, Map.of()))).isEmpty();
        assertThat(conflicts.seen(instance(ServiceInstance.TYPE_TCP, "eth1", "10.0.0.1", 8009, Map.of())))
                .contains("address '10.0.0.1' is announced on interfaces 'eth0' and 'eth1': a network misconfiguration"
                        + " (two links to one host)");
        assertThat(conflicts.seen(instance(ServiceInstance.TYPE_TCP, "eth2", "10.0.0.1", 8009, Map.of()))).isEmpty();
    }
}
