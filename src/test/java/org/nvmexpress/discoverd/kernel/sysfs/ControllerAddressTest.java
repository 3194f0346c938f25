package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class ControllerAddressTest {
    @Test
    void parseReadsEveryKnownTcpField() {
        ControllerAddress.Parsed parsed = ControllerAddress.parse(
                "traddr=192.168.1.20,trsvcid=4420,host_traddr=192.168.1.5,host_iface=eth0,src_addr=192.168.1.5");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.address()).isEqualTo(new ControllerAddress("192.168.1.20", "4420", "192.168.1.5", "eth0",
                "192.168.1.5", Map.of()));
    }

    @Test
    void parseReadsTheFcForm() {
        ControllerAddress address = ControllerAddress.parse(
                "traddr=nn-0x20000090fa942779:pn-0x10000090fa942779,host_traddr=nn-0x20000090fae0b5f5:pn-0x10000090fae0b5f5")
                .address();
        assertThat(address.traddr()).isEqualTo("nn-0x20000090fa942779:pn-0x10000090fa942779");
        assertThat(address.hostTraddr()).isEqualTo("nn-0x20000090fae0b5f5:pn-0x10000090fae0b5f5");
        assertThat(address.trsvcid()).isNull();
        assertThat(address.srcAddr()).isNull();
    }

    @Test
    void parseNeverTakesHostTraddrForTraddr() {
        ControllerAddress address = ControllerAddress.parse("host_traddr=10.0.0.1,traddr=10.0.0.2").address();
        assertThat(address.traddr()).isEqualTo("10.0.0.2");
        assertThat(address.hostTraddr()).isEqualTo("10.0.0.1");
        assertThat(ControllerAddress.parse("host_traddr=10.0.0.1").address().traddr()).isNull();
    }

    @Test
    void parseKeepsUnknownKeysInOrder() {
        ControllerAddress address = ControllerAddress.parse("traddr=10.0.0.2,zeta=1,alpha=2").address();
        assertThat(address.others()).containsExactly(Map.entry("zeta", "1"), Map.entry("alpha", "2"));
        assertThat(address.isEmpty()).isFalse();
    }

    @Test
    void parseTreatsEmptyValuesAsAbsent() {
        ControllerAddress.Parsed parsed = ControllerAddress.parse("traddr=10.0.0.2,host_iface=,src_addr=,other=");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.address()).isEqualTo(new ControllerAddress("10.0.0.2", null, null, null, null, Map.of()));
    }

    @Test
    void parseSplitsAValueAtTheFirstEqualsSignOnly() {
        assertThat(ControllerAddress.parse("traddr=a=b").address().traddr()).isEqualTo("a=b");
    }

    @Test
    void parseReportsAndSkipsMalformedFields() {
        ControllerAddress.Parsed parsed = ControllerAddress.parse("traddr=10.0.0.2,,garbage,=5,traddr=10.0.0.3,trsvcid=4420");
        assertThat(parsed.address()).isEqualTo(new ControllerAddress("10.0.0.2", "4420", null, null, null, Map.of()));
        assertThat(parsed.problems()).containsExactly(
                "field 2 '' is not key=value, skipped",
                "field 3 'garbage' is not key=value, skipped",
                "field 4 '=5' is not key=value, skipped",
                "field 5 repeats key 'traddr', skipped");
    }

    @Test
    void parseOfEmptyTextIsEmpty() {
        ControllerAddress.Parsed parsed = ControllerAddress.parse("");
        assertThat(parsed.address()).isSameAs(ControllerAddress.EMPTY);
        assertThat(parsed.address().isEmpty()).isTrue();
        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    void othersCannotBeChangedAfterwards() {
        ControllerAddress address = ControllerAddress.parse("x=1").address();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> address.others().put("y", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
