package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

final class ExclusionEntryTest {

    private static TransportId connection(String text) {
        return TidParser.strict(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            transport=tcp;traddr=host.example | traddr 'host.example' is not a numeric IPv4 or IPv6 address (transport tcp)
            subsysnqn=nqn.x                   | unknown key 'subsysnqn' in token 'subsysnqn=nqn.x' (keys: transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid)
            nqn=                              | empty value for key 'nqn'
            nqn=a;retired                     | bare token without '=': 'retired'
            ;;                                | no field set (keys: transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid)
            transport=fc;traddr=nn-0x1        | traddr 'nn-0x1' is not an FC address of the form nn-0x<WWNN>:pn-0x<WWPN>
            """)
    void entryInvalidNamesTheProblem(String text, String problem) {
        assertThatThrownBy(() -> ExclusionEntry.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid exclusion entry '" + text + "': " + problem);
        assertThat(ExclusionEntry.tryParse(text)).isEmpty();
    }

    @Test
    void entryEmptyIsInvalidBecauseItWouldMatchEverything() {
        assertThatThrownBy(() -> ExclusionEntry.parse(""))
                .hasMessage("invalid exclusion entry '': no field set (keys: transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid)");
    }

    @Test
    void entryWithLineBreakOrNulIsInvalidAndPrintedOnOneLine() {
        assertThatThrownBy(() -> ExclusionEntry.parse("nqn=a\nexclusion = nqn=b"))
                .hasMessage("invalid exclusion entry 'nqn=a\\nexclusion = nqn=b': contains a line break");
        assertThatThrownBy(() -> ExclusionEntry.parse("nqn=a\rb")).hasMessage("invalid exclusion entry 'nqn=a\\rb': contains a line break");
        assertThatThrownBy(() -> ExclusionEntry.parse("nqn=a\0b")).hasMessage("invalid exclusion entry 'nqn=a\\0b': contains a NUL character");
    }

    @Test
    void entryValidKeepsTextAndCanonicalisesOnlyWithItsOwnTransport() {
        ExclusionEntry withTransport = ExclusionEntry.parse("transport=tcp;traddr=2001:DB8:0::1");
        assertThat(withTransport.text()).isEqualTo("transport=tcp;traddr=2001:DB8:0::1");
        assertThat(withTransport.tid().traddr()).isEqualTo("2001:db8::1");
        assertThat(ExclusionEntry.parse("traddr=2001:DB8:0::1").tid().traddr()).isEqualTo("2001:DB8:0::1");
    }

    @Test
    void recordRefusesAnEmptyTid() {
        assertThatThrownBy(() -> new ExclusionEntry("", TransportId.builder().build()))
                .hasMessage("exclusion entry sets no field: ''");
    }

    @Test
    void matchIsSubsetOfTheEntrysFields() {
        ExclusionEntry entry = ExclusionEntry.parse("nqn=nqn.2024-01.com.example:vol1");
        assertThat(entry.matches(connection("transport=tcp;traddr=192.0.2.10;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1")))
                .as("unconstrained connection fields do not matter").isTrue();
        assertThat(entry.matches(connection("transport=tcp;traddr=192.0.2.10;nqn=nqn.2024-01.com.example:vol2")))
                .as("a differing constrained field").isFalse();
        assertThat(entry.matches(connection("transport=tcp;traddr=192.0.2.10")))
                .as("a connection without the field never matches a set entry field").isFalse();
        ExclusionEntry twoFields = ExclusionEntry.parse("host-iface=eth3;nqn=nqn.x");
        assertThat(twoFields.matches(connection("transport=tcp;traddr=1.2.3.4;nqn=nqn.x;host-iface=eth3"))).isTrue();
        assertThat(twoFields.matches(connection("transport=tcp;traddr=1.2.3.4;nqn=nqn.x"))).isFalse();
    }

    /** Reference §11.5 equality rules; "no" in the connection column means the field is absent. */
    @ParameterizedTest(name = "[{index}] {0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            traddr=2001:DB8::1                          | transport=tcp;traddr=2001:db8::1                 | true
            traddr=2001:db8:0:0:0:0:0:1                 | transport=tcp;traddr=2001:db8::1                 | true
            traddr=2001:db8::1                          | transport=tcp;traddr=2001:db8::2                 | false
            traddr=fe80::1%eth0                         | transport=tcp;traddr=fe80::1%eth1                | true
            traddr=fe80::1                              | transport=tcp;traddr=fe80::1%eth1                | true
            transport=tcp;traddr=fe80::1%eth0           | transport=tcp;traddr=fe80::1                     | true
            traddr=192.0.2.10                           | transport=tcp;traddr=::ffff:192.0.2.10           | true
            traddr=::ffff:192.0.2.10                    | transport=tcp;traddr=192.0.2.10                  | true
            traddr=::FFFF:c000:020a                     | transport=rdma;traddr=192.0.2.10                 | true
            traddr=::192.0.2.10                         | transport=tcp;traddr=192.0.2.10                  | false
            traddr=192.0.2.10                           | transport=tcp;traddr=192.0.2.11                  | false
            traddr=192.0.2.10                           | traddr=::ffff:192.0.2.10                         | true
            host-traddr=10.0.0.1                        | transport=tcp;traddr=1.1.1.1;host-traddr=::ffff:10.0.0.1 | true
            host-traddr=10.0.0.1                        | transport=tcp;traddr=1.1.1.1                     | false
            traddr=host.example                         | transport=loop;traddr=host.example               | true
            traddr=host.example                         | transport=loop;traddr=HOST.example               | false
            traddr=ABC                                  | transport=loop;traddr=abc                        | false
            traddr=nn-0x20000090FA000001:pn-0x10000090FA000001 | transport=fc;traddr=nn-0x20000090fa000001:pn-0x10000090fa000001 | true
            host-traddr=NN-0X1:PN-0X2                   | transport=fc;traddr=nn-0x3:pn-0x4;host-traddr=nn-0x1:pn-0x2 | true
            transport=fc;traddr=nn-0x1,pn-0x2           | transport=fc;traddr=nn-0x1:pn-0x2                | true
            traddr=nn-0x1,pn-0x2                        | transport=fc;traddr=nn-0x1:pn-0x2                | false
            transport=TCP                               | transport=tcp                                    | false
            nqn=nqn.2024-01.com.example:X               | nqn=nqn.2024-01.com.example:x                    | false
            host-iface=eth0                             | transport=tcp;traddr=1.2.3.4;host-iface=ETH0     | false
            trsvcid=4420                                | transport=tcp;traddr=1.2.3.4;trsvcid=4420        | true
            trsvcid=4420                                | transport=tcp;traddr=1.2.3.4;trsvcid=04420       | false
            hostnqn=nqn.h;hostid=ID                     | hostnqn=nqn.h;hostid=id                          | false
            hostnqn=nqn.h;hostid=ID                     | hostnqn=nqn.h;hostid=ID                          | true
            """)
    void matchFollowsTheEqualityRules(String entry, String connection, boolean excluded) {
        assertThat(ExclusionEntry.parse(entry).matches(connection(connection))).isEqualTo(excluded);
    }
}
