package org.nvmexpress.discoverd.tid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sanitisation, the two string forms and the identity rules: reference §12 and §14.1. */
final class TransportIdTest {

    private static TransportId tcp(String traddr) {
        return TransportId.builder().transport("tcp").traddr(traddr).build();
    }

    @Test
    void expandedIpv6IsCompressed() {
        assertThat(tcp("2001:db8:0:0:0:0:0:1").traddr()).isEqualTo("2001:db8::1");
        assertThat(TransportId.builder().transport("rdma").traddr("10.0.0.1").hostTraddr("2001:DB8:0:0:0:0:0:2")
                .build().hostTraddr()).isEqualTo("2001:db8::2");
    }

    @Test
    void ipv6ScopeIsKeptAndIpv4ScopeDropped() {
        assertThat(tcp("fe80::1%eth0").traddr()).isEqualTo("fe80::1%eth0");
        assertThat(tcp("FE80:0::A%eth0").traddr()).isEqualTo("fe80::a%eth0");
        assertThat(tcp("10.0.0.1%eth0").traddr()).isEqualTo("10.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({
        "2001:db8:0:0:0:0:0:1, 2001:db8::1",
        "0:0:0:0:0:0:0:0, ::",
        "::ffff:0102:0304, ::ffff:1.2.3.4",
        "::1.2.3.4, ::1.2.3.4",
        "2001:DB8::A:0:0:1, 2001:db8::a:0:0:1",
        "::ffff:1.2.3.4, ::ffff:1.2.3.4",
        "1.2.3.4, 1.2.3.4",
    })
    void addressesTakeTheirGlibcSpelling(String given, String canonical) {
        assertThat(tcp(given).traddr()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"storage.example.com", "01.2.3.4", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1:::2", "''"})
    void tcpAndRdmaRejectNonNumericAddresses(String address) {
        assertThatThrownBy(() -> tcp(address))
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessage("traddr '" + address + "' is not a numeric IPv4 or IPv6 address (transport tcp)");
        assertThatThrownBy(() -> TransportId.builder().transport("rdma").hostTraddr(address).build())
                .hasMessageStartingWith("host-traddr '" + address + "'");
    }

    @Test
    void validFcAddressIsUntouched() {
        String wwn = "nn-0x200000109b123456:pn-0x100000109B123456";
        TransportId tid = TransportId.builder().transport("fc").traddr(wwn).hostTraddr(wwn).build();
        assertThat(tid.traddr()).isEqualTo(wwn);
        assertThat(tid.hostTraddr()).isEqualTo(wwn);
    }

    @Test
    void commaFormFcAddressIsNormalisedInBothFieldsAndBothConstructors() {
        TransportId built = TransportId.builder().transport("fc")
                .traddr("nn-0x1,pn-0x2").hostTraddr("nn-0x3,pn-0x4").build();
        assertThat(built.traddr()).isEqualTo("nn-0x1:pn-0x2");
        assertThat(built.hostTraddr()).isEqualTo("nn-0x3:pn-0x4");
        TransportId parsed = TidParser.strict("transport=fc;traddr=nn-0x1,pn-0x2;host-traddr=nn-0x3,pn-0x4");
        assertThat(parsed).isEqualTo(built);
    }

    @ParameterizedTest
    @CsvSource({
        "nn-0x1:pn-0x2:x", "NN-0x1:pn-0x2", "nn-0X1:pn-0x2", "nn-0x:pn-0x2",
        "nn-0x12345678901234567:pn-0x2", "nn-0x1;pn-0x2", "pn-0x1:nn-0x2", "nn-0x1,pn-0x2,x", "nn-0xg:pn-0x2"})
    void malformedFcAddressIsRejected(String address) {
        assertThatThrownBy(() -> TransportId.builder().transport("fc").traddr(address).build())
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessage("traddr '" + address + "' is not an FC address of the form nn-0x<WWNN>:pn-0x<WWPN>");
        assertThatThrownBy(() -> TransportId.builder().transport("fc").hostTraddr(address).build())
                .hasMessageStartingWith("host-traddr '" + address + "'");
    }

    @Test
    void otherTransportsKeepAddressesVerbatim() {
        assertThat(TransportId.builder().transport("loop").traddr("anything, really").build().traddr())
                .isEqualTo("anything, really");
        assertThat(TransportId.builder().transport("TCP").traddr("host.example").build().traddr())
                .as("transport comparison is case-sensitive").isEqualTo("host.example");
        assertThat(TransportId.builder().traddr("host.example").build().traddr()).isEqualTo("host.example");
    }

    @Test
    void canonicalUsesFixedOrderAndSkipsAbsentFields() {
        TransportId tid = TransportId.builder().hostid("id").hostnqn("nqn.h").nqn("nqn.s").transport("tcp")
                .traddr("10.0.0.1").build();
        assertThat(tid.canonical()).isEqualTo("transport=tcp;traddr=10.0.0.1;nqn=nqn.s;hostnqn=nqn.h;hostid=id");
    }

    @Test
    void canonicalKeepsEmptyValuesAsBareKeys() {
        TransportId tid = TransportId.builder().transport("loop").traddr("").nqn("nqn.s").build();
        assertThat(tid.canonical()).isEqualTo("transport=loop;traddr=;nqn=nqn.s");
        assertThat(tid.compact()).isEqualTo("(loop, nqn.s)");
    }

    @Test
    void compactPutsIfaceBeforeHostTraddrAndOmitsHostIdentity() {
        TransportId tid = TidParser.strict("transport=tcp;traddr=192.168.1.20;trsvcid=4420;"
                + "nqn=nqn.2024-01.com.example:data.vol1;host-traddr=10.0.0.1;host-iface=eth0;hostnqn=nqn.h;hostid=x");
        assertThat(tid.compact()).isEqualTo("(tcp, 192.168.1.20, 4420, nqn.2024-01.com.example:data.vol1, eth0, 10.0.0.1)");
        assertThat(tid.toString()).isEqualTo(tid.compact());
    }

    @Test
    void isEmptyOnlyWithoutAnyField() {
        assertThat(TransportId.builder().build().isEmpty()).isTrue();
        assertThat(TransportId.builder().build().canonical()).isEmpty();
        assertThat(TransportId.builder().build().compact()).isEqualTo("()");
        assertThat(TransportId.builder().hostid("x").build().isEmpty()).isFalse();
        assertThat(TransportId.builder().traddr("").build().isEmpty()).isFalse();
    }

    @Test
    void equalityFollowsTheCanonicalForm() {
        TransportId a = tcp("2001:db8:0:0:0:0:0:1");
        TransportId b = TidParser.strict("traddr=2001:db8::1;transport=tcp");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(tcp("2001:db8::2"));
        assertThat(tcp("1.2.3.4")).as("documented foot-gun: two spellings of one host")
                .isNotEqualTo(tcp("::ffff:1.2.3.4"));
    }

    @Test
    void toBuilderRoundTrips() {
        TransportId tid = TidParser.strict("transport=tcp;traddr=10.0.0.1;trsvcid=4420;nqn=n;host-traddr=10.0.0.2;"
                + "host-iface=eth0;hostnqn=h;hostid=i");
        assertThat(tid.toBuilder().build().canonical()).isEqualTo(tid.canonical());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "tcp, DC, null, 8009", "tcp, IOC, null, 4420", "tcp, DC, '', 8009",
        "rdma, DC, null, 4420", "rdma, IOC, null, 4420", "tcp, IOC, 4421, 4421",
        "fc, IOC, null, null", "loop, DC, null, null"})
    void defaultTrsvcidDependsOnTransportAndRole(String transport, Role role, String given, String expected) {
        TransportId.Builder b = TransportId.builder().transport(transport).trsvcid(given);
        assertThat(b.build().withDefaultTrsvcid(role).trsvcid()).isEqualTo(expected == null ? given : expected);
    }

    @Test
    void withIdentitySetsTheTriplet() {
        TransportId tid = tcp("10.0.0.1").withIdentity("nqn.s", "nqn.h", "id");
        assertThat(tid.canonical()).isEqualTo("transport=tcp;traddr=10.0.0.1;nqn=nqn.s;hostnqn=nqn.h;hostid=id");
    }

    @Test
    void withIdentityNullLeavesFieldsUnchanged() {
        TransportId tid = tcp("10.0.0.1").withIdentity("nqn.s", "nqn.h", "id").withIdentity(null, null, null);
        assertThat(tid.nqn()).isEqualTo("nqn.s");
        assertThat(tid.hostnqn()).isEqualTo("nqn.h");
        assertThat(tid.hostid()).isEqualTo("id");
    }

    @Test
    void withIdentityDerivesHostidFromUuidHostnqn() {
        TransportId tid = tcp("10.0.0.1").withIdentity(null,
                "nqn.2014-08.org.nvmexpress:uuid:46BA5037-7ce5-41fa-9452-48477bf00080", null);
        assertThat(tid.hostid()).isEqualTo("46BA5037-7ce5-41fa-9452-48477bf00080");
        assertThat(tcp("10.0.0.1").withIdentity(null, "nqn.2014-08.org.example:host1", null).hostid()).isNull();
    }

    @Test
    void withIdentityRejectsHostidWithoutHostnqn() {
        assertThatThrownBy(() -> tcp("10.0.0.1").withIdentity(null, null, "46ba5037"))
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessageContaining("hostid '46ba5037' without a hostnqn");
    }

    @Test
    void withIdentityKeepsExplicitHostidOverDerivation() {
        TransportId tid = tcp("10.0.0.1").withIdentity(null, "nqn.x:uuid:aaaa", "bbbb");
        assertThat(tid.hostid()).isEqualTo("bbbb");
    }
}
