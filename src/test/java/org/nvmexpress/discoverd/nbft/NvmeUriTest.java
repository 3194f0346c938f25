package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class NvmeUriTest {

    @Test
    void parseReadsTheDiscoveryUrisOfRealTables() {
        assertThat(NvmeUri.parse("nvme+tcp://192.168.49.10:4420/"))
                .isEqualTo(new NvmeUri("tcp", "192.168.49.10", OptionalInt.of(4420)));
        assertThat(NvmeUri.parse("nvme+tcp://[fd00:1::5]:8009/"))
                .isEqualTo(new NvmeUri("tcp", "fd00:1::5", OptionalInt.of(8009)));
        assertThat(NvmeUri.parse("nvme+tcp://[4321:BBBB::1]:4420/"))
                .isEqualTo(new NvmeUri("tcp", "4321:BBBB::1", OptionalInt.of(4420)));
    }

    @Test
    void parseTakesTcpForAPlainNvmeScheme() {
        assertThat(NvmeUri.parse("nvme://host/")).isEqualTo(new NvmeUri("tcp", "host", OptionalInt.empty()));
    }

    @Test
    void portOrAppliesTheDefaultOnlyWhenThePortIsAbsent() {
        assertThat(NvmeUri.parse("nvme://host/").portOr(8009)).isEqualTo(8009);
        assertThat(NvmeUri.parse("nvme://host:4420/").portOr(8009)).isEqualTo(4420);
    }

    /** libnvme's tests/uriparser.c vectors without a user part; path, query and fragment ignored. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nvme://192.168.1.1                                  | tcp  | 192.168.1.1 | -1",
        "nvme://192.168.1.1/                                 | tcp  | 192.168.1.1 | -1",
        "nvme://192.168.1.1:1234                             | tcp  | 192.168.1.1 | 1234",
        "nvme://192.168.1.1:1234/                            | tcp  | 192.168.1.1 | 1234",
        "nvme+tcp://192.168.1.1                              | tcp  | 192.168.1.1 | -1",
        "nvme+rdma://192.168.1.1/                            | rdma | 192.168.1.1 | -1",
        "nvme+tcp://192.168.1.1:1234                         | tcp  | 192.168.1.1 | 1234",
        "nvme+tcp://192.168.1.1:4420/path                    | tcp  | 192.168.1.1 | 4420",
        "nvme+tcp://192.168.1.1/path/                        | tcp  | 192.168.1.1 | -1",
        "nvme+tcp://192.168.1.1:4420/p1/p2/p3/               | tcp  | 192.168.1.1 | 4420",
        "nvme+tcp://192.168.1.1:4420//p1//p2/////p3          | tcp  | 192.168.1.1 | 4420",
        "nvme://[fe80::1010]                                 | tcp  | fe80::1010  | -1",
        "nvme://[fe80::1010]/                                | tcp  | fe80::1010  | -1",
        "nvme://[fe80::1010]:1234                            | tcp  | fe80::1010  | 1234",
        "nvme+rdma://[fe80::1010]/                           | rdma | fe80::1010  | -1",
        "nvme+tcp://[fe80::1010]:4420/path                   | tcp  | fe80::1010  | 4420",
        "nvme+tcp://[fe80::fc7d:8cff:fe5b:962e]:666/p1/p2/p3/ | tcp | fe80::fc7d:8cff:fe5b:962e | 666",
        "nvme://h?query                                      | tcp  | h           | -1",
        "nvme://h/p1/x?query                                 | tcp  | h           | -1",
        "nvme://h#fragment                                   | tcp  | h           | -1",
        "nvme://h/?query#fragment                            | tcp  | h           | -1",
        "nvme://h/p1/x#fragment?query                        | tcp  | h           | -1",
        "nvme://ex%5Cmp%3Ae                                  | tcp  | ex\\mp:e    | -1",
        "nvme://ex%5Cmp%3Ae.com/                             | tcp  | ex\\mp:e.com | -1",
        "nvme+tcp://ex%5Cmp%3Ae.com:1234/p1/ex%3Camp%3Ele/p3 | tcp  | ex\\mp:e.com | 1234",
        "nvme+tcp://ex%5Cmp%3Ae.com:1234/p1/%3C%3E/p3?q%5E%24ry#fr%26gm%23nt | tcp | ex\\mp:e.com | 1234",
    })
    void parseAcceptsLibnvmeVectors(String uri, String transport, String host, int port) {
        OptionalInt expected = port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
        assertThat(NvmeUri.parse(uri)).isEqualTo(new NvmeUri(transport, host, expected));
    }

    @Test
    void parseDecodesAnRfc6874Zone() {
        assertThat(NvmeUri.parse("nvme+tcp://[fe80::1%25eth0]:4420/"))
                .isEqualTo(new NvmeUri("tcp", "fe80::1%eth0", OptionalInt.of(4420)));
        assertThat(NvmeUri.parse("nvme://[fe80::1%25en%70s1]"))
                .isEqualTo(new NvmeUri("tcp", "fe80::1%enps1", OptionalInt.empty()));
    }

    @Test
    void parseIgnoresTheCaseOfTheScheme() {
        assertThat(NvmeUri.parse("NVMe+TCP://h/")).isEqualTo(new NvmeUri("tcp", "h", OptionalInt.empty()));
    }

    @Test
    void parseTakesAnEmptyPortAsNone() {
        assertThat(NvmeUri.parse("nvme://h:/").port()).isEmpty();
        assertThat(NvmeUri.parse("nvme://[::1]:").port()).isEmpty();
    }

    @Test
    void parseReadsLeadingZerosOfAPort() {
        assertThat(NvmeUri.parse("nvme://h:0004420/").port()).hasValue(4420);
    }

    /** libnvme's test_data_bad, and the user-part vectors libnvme accepts but we refuse. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"                      | not an nvme URI",
        "\" \"                     | not an nvme URI",
        "nonsense                  | not an nvme URI",
        "vnme:                     | not an nvme URI",
        "vnme:/                    | not an nvme URI",
        "vnme://                   | not an nvme URI",
        "vnme:///                  | not an nvme URI",
        "vnme+foo://               | not an nvme URI",
        "http://192.0.2.1/         | not an nvme URI",
        "nvme:hostname/            | no '//' after the scheme: expected nvme[+TRANSPORT]://HOST[:PORT]/",
        "nvme:/hostname/           | no '//' after the scheme: expected nvme[+TRANSPORT]://HOST[:PORT]/",
        "nvme:///hostname/         | no host: expected nvme[+TRANSPORT]://HOST[:PORT]/",
        "nvme+foo:///hostname/     | no host: expected nvme[+TRANSPORT]://HOST[:PORT]/",
        "nvme://user@h             | a user part ('...@') is not allowed",
        "nvme://user:pass@h/       | a user part ('...@') is not allowed",
        "nvme://[fe80::1010]@h/    | a user part ('...@') is not allowed",
        "nvme+rdma://u[aa:bb::cc]@[aa:bb::cc]:12345/p1/x?q=val#fr | a user part ('...@') is not allowed",
    })
    void parseRejectsWhatIsNotAnNvmeUri(String uri, String problem) {
        assertThatThrownBy(() -> NvmeUri.parse(uri))
                .isInstanceOf(InvalidNvmeUriException.class)
                .hasMessage("'" + uri + "': " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nvme+tcp://192.0.2.1:70000/       | port out of range: 70000",
        "nvme+tcp://192.0.2.1:0/           | port out of range: 0",
        "nvme+tcp://192.0.2.1:00000/       | port out of range: 0",
        "nvme+tcp://192.0.2.1:99999999999/ | port out of range: 99999999999",
        "nvme+tcp://192.0.2.1:44a/         | invalid port: '44a'",
        "nvme+tcp://192.0.2.1:-1/          | invalid port: '-1'",
        "nvme+tcp://[fd00::1:8009/         | unterminated IPv6 literal",
        "nvme+tcp://[fd00::1]x/            | unexpected text after the IPv6 literal: 'x'",
        "nvme+tcp://[fd00::1]:70000/       | port out of range: 70000",
        "nvme+tcp://[192.168.1.1]/         | invalid IPv6 literal: '[192.168.1.1]'",
        "nvme+tcp://[]/                    | invalid IPv6 literal: '[]'",
        "nvme+tcp://[v1.fe80::1]/          | invalid IPv6 literal: '[v1.fe80::1]'",
        "nvme+tcp://[fe80::1%eth0]/        | the zone of an IPv6 literal is written %25ZONE: '[fe80::1%eth0]'",
        "nvme+tcp://[fe80::1%25]/          | the zone of an IPv6 literal is written %25ZONE: '[fe80::1%25]'",
        "nvme+tcp://[fe80::1%25eth 0]/     | invalid character in zone: ' '",
        "nvme+tcp://fd00:1::5:8009/        | an IPv6 address must be in brackets: 'fd00:1::5:8009'",
        "nvme+://192.0.2.1/                | invalid transport after 'nvme+': ''",
        "nvme+t_p://192.0.2.1/             | not an nvme URI",
        "nvme+-tcp://192.0.2.1/            | invalid transport after 'nvme+': '-tcp'",
        "nvme://h%zz/                      | invalid percent-escape in host: '%zz'",
        "nvme://h%2                        | invalid percent-escape in host: '%2'",
        "nvme://h%0A/                      | host has a space or control character",
        "nvme://h%20x/                     | host has a space or control character",
        "nvme://h%C3/                      | host is not UTF-8 after percent-decoding",
        "nvme://h]/                        | invalid character in host: ']'",
        "nvme://h\"/                       | invalid character in host: '\"'",
    })
    void parseNamesTheProblem(String uri, String problem) {
        assertThatThrownBy(() -> NvmeUri.parse(uri))
                .isInstanceOf(InvalidNvmeUriException.class)
                .hasMessage("'" + uri + "': " + problem)
                .extracting(e -> ((InvalidNvmeUriException) e).problem()).isEqualTo(problem);
    }

    @Test
    void parseEscapesUnprintableCharactersInTheMessage() {
        assertThatThrownBy(() -> NvmeUri.parse("nvme://h\nx/"))
                .isInstanceOf(InvalidNvmeUriException.class)
                .hasMessage("'nvme://h\\u000ax/': invalid character in host: '\\u000a'")
                .extracting(e -> ((InvalidNvmeUriException) e).uri()).isEqualTo("nvme://h\nx/");
        assertThatThrownBy(() -> NvmeUri.parse("nvme://hôte/"))
                .hasMessage("'nvme://h\\u00f4te/': invalid character in host: '\\u00f4'");
    }

    @Test
    void parseCutsALongUriInTheMessage() {
        String uri = "nvme://" + "h".repeat(300) + ":70000/";
        assertThatThrownBy(() -> NvmeUri.parse(uri))
                .hasMessage("'nvme://" + "h".repeat(193) + "...': port out of range: 70000");
    }

    @Test
    void parseRefusesNull() {
        assertThatThrownBy(() -> NvmeUri.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "", "t p", "+tcp"})
    void constructorRejectsAnInvalidTransport(String transport) {
        assertThatThrownBy(() -> new NvmeUri(transport, "h", OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transport must be lower-case letters, digits, '.' or '-': " + transport);
    }

    @Test
    void constructorRejectsAnUnusableHostOrPort() {
        assertThatThrownBy(() -> new NvmeUri("tcp", "", OptionalInt.empty()))
                .hasMessage("host is empty or has a space or control character: ");
        assertThatThrownBy(() -> new NvmeUri("tcp", "a\tb", OptionalInt.empty()))
                .hasMessage("host is empty or has a space or control character: a\\u0009b");
        assertThatThrownBy(() -> new NvmeUri("tcp", "h", OptionalInt.of(0))).hasMessage("port out of range: 0");
        assertThatThrownBy(() -> new NvmeUri("tcp", "h", OptionalInt.of(65536)))
                .hasMessage("port out of range: 65536");
    }
}
