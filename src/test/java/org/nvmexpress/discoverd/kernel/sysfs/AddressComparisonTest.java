package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AddressComparisonTest {
    @ParameterizedTest(name = "{0}: {1} vs {2}")
    @CsvSource(delimiter = '|', value = {
        "tcp  | 192.168.1.20               | 192.168.1.20                | true",
        "tcp  | 192.168.1.20               | ::ffff:192.168.1.20         | true",
        "tcp  | ::ffff:192.168.1.20        | 192.168.1.20                | true",
        "tcp  | 192.168.1.20               | 192.168.1.21                | false",
        "rdma | 2001:db8::1                | 2001:0DB8:0000::0001        | true",
        "tcp  | fe80::1%eth0               | fe80::1%eth0                | true",
        "tcp  | fe80::1%eth0               | fe80::1                     | true",
        "tcp  | fe80::1%eth0               | fe80::1%eth1                | false",
        "tcp  | 192.168.1.20               | storage.example.com         | false",
        "tcp  | storage.example.com        | storage.example.com         | true",
        "fc   | nn-0x20000090fa942779:pn-0x10000090fa942779 | nn-0x20000090FA942779:pn-0x10000090FA942779 | true",
        "fc   | nn-0x1:pn-0x2              | nn-0x0000000000000001:pn-0x0000000000000002 | true",
        "fc   | nn-0x1:pn-0x2              | nn-0000000000000001:pn-0000000000000002     | true",
        "fc   | nn-0x1:pn-0x2              | nn-0x1:pn-0x3               | false",
        "fc   | NN-0X1:PN-0X2              | nn-0x1:pn-0x2               | true",
        "fc   | nn-0x1:pn-0x2\u0131        | nn-0x1:pn-0x2I              | true",
        "loop | a                          | A                           | false",
    })
    void sameAddressComparesByTransport(String transport, String desired, String live, boolean same) {
        assertThat(AddressComparison.sameAddress(transport, desired, live)).isEqualTo(same);
        if (same) {
            // The index's buckets rely on it: the same address always has the same key.
            assertThat(AddressComparison.addressKey(transport, live))
                    .isEqualTo(AddressComparison.addressKey(transport, desired));
        }
    }

    /** Keys may coincide where the matcher still says no (scopes), but never for distinct hosts. */
    @ParameterizedTest(name = "{0}: {1} vs {2}")
    @CsvSource(delimiter = '|', value = {
        "tcp  | fe80::1%eth0               | fe80::1%eth1                | true",
        "tcp  | 192.168.1.20               | 192.168.1.21                | false",
        "fc   | nn-0x1:pn-0x2              | nn-0x1:pn-0x3               | false",
        "loop | a                          | A                           | false",
    })
    void addressKeyIsCoarserThanSameAddressOnlyWhereTheMatcherStillDecides(String transport, String a, String b,
            boolean sameKey) {
        assertThat(AddressComparison.addressKey(transport, a).equals(AddressComparison.addressKey(transport, b)))
                .isEqualTo(sameKey);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({"4420,4420,true", "4420,04420,true", "4420,4421,false", "x,x,true", "x,4420,false", "9999999999,9999999999,true"})
    void sameServiceComparesPortsAsNumbers(String desired, String live, boolean same) {
        assertThat(AddressComparison.sameService(desired, live)).isEqualTo(same);
        assertThat(AddressComparison.serviceKey(desired).equals(AddressComparison.serviceKey(live))).isEqualTo(same);
    }
}
