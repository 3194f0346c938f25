package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.Role;

/** The {@code controller =} value grammar of reference §8.4 and its Tier-1 errors (§8.5). */
final class ControllerLineParserTest {
    private CappedDiagnostics problems = new CappedDiagnostics("f.conf");

    private Optional<FabricsFile.ControllerLine> parse(String value, Role role) {
        return ControllerLineParser.parse("f.conf", 7, value, role, problems);
    }

    private FabricsFile.ControllerLine parsed(String value, Role role) {
        FabricsFile.ControllerLine line = parse(value, role).orElseThrow(() -> new AssertionError(problems.toList()));
        assertThat(problems.toList()).isEmpty();
        return line;
    }

    /** Parses {@code value} on an IOC line and returns every problem as {@code FILE:LINE: severity: message}. */
    private List<String> errors(String value, Role role) {
        assertThat(parse(value, role)).as("a line with an error yields no path").isEmpty();
        return problems.toList().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void tokensAreSplitOnSemicolonsAndTrimmedAndEmptyOnesSkipped() {
        FabricsFile.ControllerLine line = parsed(" transport = tcp ;; traddr= 10.0.0.1 ;trsvcid=4420 ; ", Role.IOC);
        assertThat(line).isEqualTo(new FabricsFile.ControllerLine(7, "tcp", "10.0.0.1", "4420", null, null, Params.EMPTY));
    }

    @Test
    void everyAddressingKeyIsKeptVerbatim() {
        assertThat(parsed("host-iface=eth1;host-traddr=192.168.1.2;trsvcid=8009;traddr=FE80::1%eth1;transport=tcp",
                Role.DC)).isEqualTo(new FabricsFile.ControllerLine(7, "tcp", "FE80::1%eth1", "8009", "192.168.1.2",
                        "eth1", Params.EMPTY));
    }

    @Test
    void aHostNameInTraddrIsAcceptedVerbatim() {
        assertThat(parsed("transport=tcp;traddr=storage.example.com;trsvcid=4420", Role.IOC).traddr())
                .isEqualTo("storage.example.com");
        assertThat(parsed("transport=rdma;traddr=größe.example", Role.IOC).traddr()).isEqualTo("größe.example");
    }

    @Test
    void everythingAfterTheFirstEqualsIsTheValue() {
        assertThat(parsed("transport=loop;traddr=a=b", Role.IOC).traddr()).isEqualTo("a=b");
    }

    @Test
    void perPathOverridesKeepTheirOrderAndMayReset() {
        FabricsFile.ControllerLine line = parsed(
                "transport=tcp;keep-alive-tmo=99;traddr=10.0.0.9;ctrl-loss-tmo=;tos=0x10;hdr-digest=yes", Role.IOC);
        assertThat(line.params().toString()).isEqualTo("[keep-alive-tmo=99, ctrl-loss-tmo=, tos=0x10, hdr-digest=yes]");
    }

    @Test
    void aRepeatedOverrideKeepsItsFirstPlaceAndTheLastValue() {
        assertThat(parsed("transport=tcp;traddr=1.2.3.4;tos=1;reconnect-delay=5;tos=2", Role.IOC).params().toString())
                .isEqualTo("[tos=2, reconnect-delay=5]");
    }

    @Test
    void persistentIsAPerPathOverrideOnADiscoveryController() {
        assertThat(parsed("transport=tcp;traddr=10.0.0.5;persistent=force", Role.DC).params().get(FabricsKey.PERSISTENT))
                .contains("force");
    }

    @Test
    void persistentIsRefusedOnAnIoControllerLine() {
        assertThat(errors("transport=tcp;traddr=1.2.3.4;persistent=auto", Role.IOC))
                .containsExactly("f.conf:7: error: 'persistent' is only valid for discovery controllers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls", "concat", "tls-key", "tls-key-identity", "keyring", "kxchap-secret", "kxchap-ctrl-secret"})
    void securityKeysAreRefusedPerPath(String key) {
        assertThat(errors("transport=tcp;traddr=1.2.3.4;" + key + "=k", Role.IOC))
                .containsExactly("f.conf:7: error: security key '" + key + "' cannot be set per path: it belongs to the"
                        + " host and subsystem; set it in the section instead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nqn", "hostnqn", "hostid", "hostsymname", "controller"})
    void identityAndSectionKeysAreRefusedPerPath(String key) {
        assertThat(errors("transport=tcp;traddr=1.2.3.4;" + key + "=nqn.2014-08.org.nvmexpress:x", Role.DC))
                .containsExactly("f.conf:7: error: '" + key + "' is not valid in a controller line");
    }

    @Test
    void anUnknownKeyIsAnErrorOnAControllerLine() {
        assertThat(errors("transport=tcp;traddr=1.2.3.4;bogus=1", Role.IOC))
                .containsExactly("f.conf:7: error: unknown key 'bogus' in controller line");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "transport=tcp|controller line without traddr",
        "traddr=1.2.3.4|controller line without transport",
        "transport=tcp;traddr=1.2.3.4;traddr=5.6.7.8|'traddr' appears twice in controller line",
        "transport=tcp;transport=rdma;traddr=1.2.3.4|'transport' appears twice in controller line",
        "transport=tcp;traddr=;trsvcid=4420|empty value for 'traddr' in controller line",
        "transport=tcp;traddr=1.2.3.4;host-iface= |empty value for 'host-iface' in controller line",
        "transport=tcp;traddr=1.2.3.4;junk|malformed token 'junk' in controller line (expected key=value)",
        "transport=tcp;traddr=1.2.3.4; =4420|malformed token '=4420' in controller line (expected key=value)",
        "transport=tcp;traddr=1.2.3.4;keep-alive-tmo=soon|invalid value for 'keep-alive-tmo': 'soon' (expected an integer"
            + " (decimal, 0x hex or 0 octal))",
        "transport=tcp;traddr=1.2.3.4;data-digest=maybe|invalid value for 'data-digest': 'maybe' (expected a boolean:"
            + " yes/no, true/false, on/off, 1/0)",
    })
    void eachMalformedLineGetsItsPreciseError(String value, String message) {
        assertThat(errors(value, Role.IOC)).containsExactly("f.conf:7: error: " + message);
    }

    @Test
    void anEmptyLineLacksBothRequiredKeys() {
        assertThat(errors(" ; ", Role.DC)).containsExactly(
                "f.conf:7: error: controller line without transport",
                "f.conf:7: error: controller line without traddr");
    }

    @Test
    void everyErrorOfALineIsReported() {
        assertThat(errors("transport=tcp;bogus=1;tls=yes;tos=x;traddr=1.2.3.4;traddr=", Role.IOC)).containsExactly(
                "f.conf:7: error: unknown key 'bogus' in controller line",
                "f.conf:7: error: security key 'tls' cannot be set per path: it belongs to the host and subsystem;"
                        + " set it in the section instead",
                "f.conf:7: error: invalid value for 'tos': 'x' (expected an integer (decimal, 0x hex or 0 octal))",
                "f.conf:7: error: empty value for 'traddr' in controller line");
    }

    @Test
    void aMissingRequiredKeyIsReportedBesideOtherErrors() {
        assertThat(errors("transport=tcp;bogus=1", Role.IOC)).containsExactly(
                "f.conf:7: error: unknown key 'bogus' in controller line",
                "f.conf:7: error: controller line without traddr");
    }

    @Test
    void anInlineCommentIsNamedAsSuch() {
        assertThat(errors("transport=tcp;traddr=192.168.1.10;trsvcid=8009   # main DC", Role.DC)).containsExactly(
                "f.conf:7: error: inline comments are not supported: value of 'trsvcid' is '8009   # main DC'");
        problems = new CappedDiagnostics("f.conf");
        assertThat(errors("transport=tcp;traddr=1.2.3.4;keep-alive-tmo=30 # DC default", Role.DC)).containsExactly(
                "f.conf:7: error: inline comments are not supported: value of 'keep-alive-tmo' is '30 # DC default'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls-key", "kxchap-secret", "kxchap-ctrl-secret"})
    void aSecretIsNeverEchoedEvenWithAnInlineComment(String key) {
        assertThat(errors("transport=tcp;traddr=1.2.3.4;" + key + "=DHHC-1:00:c2VjcmV0:  # mine", Role.IOC))
                .containsExactly("f.conf:7: error: security key '" + key + "' cannot be set per path: it belongs to the"
                        + " host and subsystem; set it in the section instead");
    }

    /** A line of thousands of bad tokens reports the first hundred and counts the rest. */
    @Test
    void thousandsOfBadTokensKeepAHundredFindingsAndCountTheRest() {
        assertThat(parse("x;".repeat(50_000) + "transport=tcp", Role.IOC)).isEmpty();
        assertThat(problems.total()).isEqualTo(50_001);
        assertThat(problems.toList()).hasSize(CappedDiagnostics.PER_FILE + 1).last().hasToString(
                "f.conf: error: 49901 more problems not shown");
    }
}
