package org.nvmexpress.discoverd.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.Test;

final class AvahiWireTest {

    @Test
    void itemNewArgumentsBecomeAnItemAndItsKey() {
        Object[] args = {3, 0, "NVMe CDC", "_nvme-disc._tcp", "local", new UInt32(0)};
        AvahiWire.Item item = AvahiWire.item(args).orElseThrow();
        assertThat(item).isEqualTo(new AvahiWire.Item(3, 0, "NVMe CDC", "_nvme-disc._tcp", "local"));
        assertThat(item.key("eth0"))
                .isEqualTo(new ServiceInstance.Key("NVMe CDC", "_nvme-disc._tcp", "local", "eth0", false));
    }

    @Test
    void itemSeenOverIpv6IsKeyedAsIpv6() {
        AvahiWire.Item item = AvahiWire.item(new Object[] {3, 1, "n", "_nvme-disc._udp", "local", new UInt32(0)})
                .orElseThrow();
        assertThat(item.key("eth0").ipv6()).isTrue();
    }

    @Test
    void itemOfAnotherShapeIsRejected() {
        assertThat(AvahiWire.item(new Object[] {"3", 0, "n", "t", "d"})).isEmpty();
        assertThat(AvahiWire.item(new Object[] {3, 0})).isEmpty();
    }

    @Test
    void resolveReplyGivesAddressPortAndTxtAsByteArrays() {
        Object[] reply = {3, 0, "NVMe CDC", "_nvme-disc._tcp", "local", "cdc.local", 0, "192.0.2.2", new UInt16(8009),
                List.of("p=tcp".getBytes(StandardCharsets.US_ASCII)), new UInt32(0)};
        AvahiWire.Resolved r = AvahiWire.resolved(reply).orElseThrow();
        assertThat(r.address()).isEqualTo("192.0.2.2");
        assertThat(r.port()).isEqualTo(8009);
        assertThat(r.txt()).singleElement().satisfies(b -> assertThat(new String(b, StandardCharsets.US_ASCII))
                .isEqualTo("p=tcp"));
    }

    @Test
    void txtAsListsOfBoxedBytesIsReadToo() {
        assertThat(AvahiWire.txtItems(List.of(List.of((byte) 'a', (byte) '=', (byte) 'b')))).hasValueSatisfying(
                items -> assertThat(new String(items.get(0), StandardCharsets.US_ASCII)).isEqualTo("a=b"));
    }

    @Test
    void txtOfAnotherShapeIsRejected() {
        assertThat(AvahiWire.txtItems("p=tcp")).isEmpty();
        assertThat(AvahiWire.txtItems(List.of(List.of("p")))).isEmpty();
        assertThat(AvahiWire.resolved(new Object[] {3, 0, "n"})).isEmpty();
    }

    @Test
    void onlyTheNvmeDiscoveryTypesAreBrowsed() {
        assertThat(AvahiWire.browsed("_nvme-disc._tcp")).isTrue();
        assertThat(AvahiWire.browsed("_nvme-disc._udp")).isTrue();
        assertThat(AvahiWire.browsed("_http._tcp")).isFalse();
    }
}
