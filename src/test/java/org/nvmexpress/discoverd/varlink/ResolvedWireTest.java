package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ResolvedWireTest {
    private final ObjectMapper json = VarlinkJson.mapper();

    @Test
    void updatesOfAnotherShapeAreLeftOut() throws Exception {
        var updates = ResolvedWire.updates(json.readTree("""
                {"browserServiceData":[
                 {"updateFlag":"added","family":2,"name":"a","type":"_nvme-disc._tcp","domain":"local","ifindex":3},
                 {"updateFlag":"changed","family":2,"name":"b","type":"_nvme-disc._tcp","domain":"local","ifindex":3},
                 {"updateFlag":"added","family":2,"name":null,"type":"_nvme-disc._tcp","domain":"local","ifindex":3},
                 {"updateFlag":"removed","family":10,"name":"c","type":"_nvme-disc._udp","domain":"local","ifindex":4}]}
                """));
        assertThat(updates).containsExactly(
                new ResolvedWire.Update(true, 2, "a", "_nvme-disc._tcp", "local", 3),
                new ResolvedWire.Update(false, 10, "c", "_nvme-disc._udp", "local", 4));
        assertThat(updates.get(1).ipv6()).isTrue();
    }

    @Test
    void ipv6AddressInCanonicalText() throws Exception {
        assertThat(ResolvedWire.addressText(json.readTree("[254,128,0,0,0,0,0,0,0,0,0,0,0,0,0,1]")))
                .contains("fe80::1");
        assertThat(ResolvedWire.addressText(json.readTree("[192,0,2,300]"))).isEmpty();
        assertThat(ResolvedWire.addressText(json.readTree("[1,2,3]"))).isEmpty();
    }

    @Test
    void resolutionWithoutAnAddressOfTheFamilyIsEmpty() throws Exception {
        assertThat(ResolvedWire.resolution(json.readTree("""
                {"services":[{"port":8009,"addresses":[{"family":10,"address":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]}]}]}
                """), ResolvedWire.AF_INET)).isEmpty();
        assertThat(ResolvedWire.resolution(json.readTree("{\"services\":[]}"), ResolvedWire.AF_INET)).isEmpty();
    }

    @Test
    void octescapedTxtBackToItsBytes() {
        assertThat(ResolvedWire.unOctescape("a\\134b\\042\\377")).isEqualTo(
                new byte[] {'a', '\\', 'b', '"', (byte) 0xff});
        assertThat(new String(ResolvedWire.unOctescape("p=tcp"), StandardCharsets.UTF_8)).isEqualTo("p=tcp");
        assertThat(new String(ResolvedWire.unOctescape("x\\9"), StandardCharsets.UTF_8)).isEqualTo("x\\9");
    }

    @Test
    void olderResolvedIsToldFromAFailedBrowse() {
        assertThat(ResolvedWire.lacksBrowsing("org.varlink.service.MethodNotFound")).isTrue();
        assertThat(ResolvedWire.lacksBrowsing("io.systemd.Resolve.NetworkDown")).isFalse();
    }
}
