package org.nvmexpress.discoverd.tid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The text form, after reference §14.1 (libnvme test-tid.c) and §12.2. */
final class TidParserTest {

    @Test
    void parseOfNullIsRejected() {
        assertThatThrownBy(() -> TidParser.strict(null)).isInstanceOf(InvalidTransportIdException.class);
        assertThatThrownBy(() -> TidParser.lenient(null)).isInstanceOf(InvalidTransportIdException.class);
    }

    @Test
    void keysMapToTheirFields() {
        TransportId tid = TidParser.strict("transport=tcp;traddr=10.0.0.1;trsvcid=4420;nqn=nqn.a:b;"
                + "host-traddr=10.0.0.2;host-iface=eth1;hostnqn=nqn.h;hostid=abc");
        assertThat(tid.transport()).isEqualTo("tcp");
        assertThat(tid.traddr()).isEqualTo("10.0.0.1");
        assertThat(tid.trsvcid()).isEqualTo("4420");
        assertThat(tid.nqn()).isEqualTo("nqn.a:b");
        assertThat(tid.hostTraddr()).isEqualTo("10.0.0.2");
        assertThat(tid.hostIface()).isEqualTo("eth1");
        assertThat(tid.hostnqn()).isEqualTo("nqn.h");
        assertThat(tid.hostid()).isEqualTo("abc");
    }

    @Test
    void lenientIgnoresLibnvmeAliasesWithWarnings() {
        TidParser.Lenient parsed = TidParser.lenient(
                "transport=tcp;subsysnqn=nqn.x;host_traddr=10.0.0.2;host_iface=eth0;host_nqn=nqn.h");
        assertThat(parsed.tid().canonical()).isEqualTo("transport=tcp");
        assertThat(parsed.warnings()).hasSize(4);
        assertThat(parsed.warnings().get(0)).contains("unknown key 'subsysnqn'");
    }

    @Test
    void strictRejectsUnknownKeyNamingTheToken() {
        assertThatThrownBy(() -> TidParser.strict("transport=tcp;subsysnqn=nqn.x"))
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessageStartingWith("unknown key 'subsysnqn' in token 'subsysnqn=nqn.x'");
        assertThatThrownBy(() -> TidParser.strict("transport=tcp;colour=blue"))
                .hasMessageStartingWith("unknown key 'colour'");
    }

    @Test
    void strictRejectsBareTokenNamingIt() {
        assertThatThrownBy(() -> TidParser.strict("transport=tcp; traddr "))
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessage("bare token without '=': 'traddr'");
    }

    @Test
    void strictRejectsEmptyAndBlankValues() {
        assertThatThrownBy(() -> TidParser.strict("transport="))
                .hasMessage("empty value for key 'transport'");
        assertThatThrownBy(() -> TidParser.strict("transport=tcp;nqn=   "))
                .hasMessage("empty value for key 'nqn'");
    }

    @Test
    void emptyTokensAreFine() {
        assertThat(TidParser.strict(";;transport=tcp;;traddr=1.2.3.4;").canonical())
                .isEqualTo("transport=tcp;traddr=1.2.3.4");
        assertThat(TidParser.lenient(";;").warnings()).isEmpty();
    }

    @Test
    void lenientSkipsGarbageAndKeepsTheRest() {
        TidParser.Lenient parsed = TidParser.lenient("bare;transport=;nqn=  ;colour=blue;transport=rdma;traddr=1.2.3.4");
        assertThat(parsed.tid().canonical()).isEqualTo("transport=rdma;traddr=1.2.3.4");
        assertThat(parsed.warnings()).containsExactly(
                "bare token without '=': 'bare'",
                "empty value for key 'transport'",
                "empty value for key 'nqn'",
                "unknown key 'colour' in token 'colour=blue' (keys: transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid)");
    }

    @Test
    void allGarbageParsesLenientlyToAnEmptyTid() {
        TidParser.Lenient parsed = TidParser.lenient("foo;bar=baz; ;=");
        assertThat(parsed.tid().isEmpty()).isTrue();
        assertThat(parsed.warnings()).hasSize(3);
    }

    @Test
    void duplicateKeyLastWins() {
        assertThat(TidParser.strict("transport=tcp;trsvcid=1;trsvcid=2").trsvcid()).isEqualTo("2");
    }

    @Test
    void whitespaceAroundKeysAndValuesIsTrimmed() {
        TransportId tid = TidParser.strict("  transport \t= tcp ; traddr=  10.0.0.1\n; nqn = nqn.x ");
        assertThat(tid.canonical()).isEqualTo("transport=tcp;traddr=10.0.0.1;nqn=nqn.x");
    }

    @Test
    void valueMayContainEqualsSigns() {
        assertThat(TidParser.strict("transport=loop;nqn=a=b").nqn()).isEqualTo("a=b");
    }

    @Test
    void hostnameAddressFailsBothParsers() {
        assertThatThrownBy(() -> TidParser.strict("transport=tcp;traddr=storage.example.com"))
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessageContaining("traddr 'storage.example.com'");
        assertThatThrownBy(() -> TidParser.lenient("transport=tcp;host-traddr=storage.example.com"))
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessageContaining("host-traddr 'storage.example.com'");
    }

    @Test
    void canonicalFormParsesBack() {
        String canonical = "transport=tcp;traddr=2001:db8::1;trsvcid=4420;nqn=nqn.2024-01.com.example:v;"
                + "host-iface=eth0;hostnqn=nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080;"
                + "hostid=46ba5037-7ce5-41fa-9452-48477bf00080";
        assertThat(TidParser.strict(canonical).canonical()).isEqualTo(canonical);
    }
}
