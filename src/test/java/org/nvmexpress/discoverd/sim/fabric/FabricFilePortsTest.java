package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.fabric;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.problems;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code ports} of a fabric file: every rule a port breaks, and what a valid one reads as. */
final class FabricFilePortsTest {
    private static List<String> port(String fields) {
        return problems("{\"ports\": [{\"name\": \"a1\", \"transport\": \"tcp\", \"traddr\": \"192.168.1.1\", "
                + "\"trsvcid\": \"4420\"" + (fields.isEmpty() ? "" : ", " + fields) + "}]}");
    }

    private static List<String> portWith(String name, String transport, String traddr, String trsvcid) {
        return problems("{\"ports\": [{\"name\": " + name + ", \"transport\": " + transport + ", \"traddr\": " + traddr
                + ", \"trsvcid\": " + trsvcid + "}]}");
    }

    @Test
    void portReadsWithItsAddressCanonicalAndItsReachability() {
        Fabric f = fabric("""
                {"ports": [{"name": "a1", "transport": "tcp", "traddr": "FD00:0:0::10", "trsvcid": "4420",
                  "down": [{"from": "5m", "until": "35m"}], "flapping": {"from": "10s", "up": "20s", "down": "10s"},
                  "connect-delay": "1500ms"}]}
                """);

        Port a1 = f.ports().get(0);
        assertThat(a1.traddr()).isEqualTo("fd00::10");
        assertThat(a1.reachability().down())
                .containsExactly(new Reachability.Window(Duration.ofMinutes(5), Duration.ofMinutes(35)));
        assertThat(a1.reachability().flapping()).contains(
                new Reachability.Flapping(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(10)));
        assertThat(a1.reachability().connectDelay()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void portWithoutReachabilityIsAlwaysReachable() {
        Fabric f = fabric("{\"ports\": [{\"name\": \"a1\", \"transport\": \"rdma\", \"traddr\": \"10.0.0.1\", "
                + "\"trsvcid\": \"4420\"}]}");

        assertThat(f.ports().get(0).reachability()).isEqualTo(Reachability.ALWAYS);
    }

    @Test
    void flappingStartsAtZeroWithoutFrom() {
        Fabric f = fabric("{\"ports\": [{\"name\": \"a1\", \"transport\": \"tcp\", \"traddr\": \"10.0.0.1\", "
                + "\"trsvcid\": \"4420\", \"flapping\": {\"up\": \"1m30s\", \"down\": \"30s\"}}]}");

        assertThat(f.ports().get(0).reachability().flapping().map(Reachability.Flapping::from))
                .isEqualTo(Optional.of(Duration.ZERO));
    }

    @Test
    void portRefusesEachMissingField() {
        assertThat(problems("{\"ports\": [{}]}")).containsExactly("ports[0].name: missing",
                "ports[0].transport: missing", "ports[0].traddr: missing", "ports[0].trsvcid: missing");
    }

    @Test
    void portRefusesAnUnknownKey() {
        assertThat(port("\"conect-delay\": \"2s\"")).containsExactly("ports[0].conect-delay: unknown key; expected "
                + "name, transport, traddr, trsvcid, down, flapping, connect-delay");
    }

    @Test
    void portRefusesAKeyNoPathCanShowByQuotingIt() {
        assertThat(port("\"a b\": 1")).containsExactly("ports[0][\"a b\"]: unknown key; expected "
                + "name, transport, traddr, trsvcid, down, flapping, connect-delay");
    }

    @Test
    void portRefusesValuesOfTheWrongType() {
        assertThat(portWith("1", "[]", "{}", "null")).containsExactly(
                "ports[0].name: expected a string, found a number", "ports[0].transport: expected a string, found an array",
                "ports[0].traddr: expected a string, found an object", "ports[0].trsvcid: expected a string, found null");
    }

    @Test
    void portRefusesAnEmptyOrOverlongName() {
        assertThat(portWith("\"\"", "\"tcp\"", "\"10.0.0.1\"", "\"4420\"")).containsExactly("ports[0].name: is empty");
        assertThat(portWith("\"" + "n".repeat(65) + "\"", "\"tcp\"", "\"10.0.0.1\"", "\"4420\"")).containsExactly(
                "ports[0].name: \"" + "n".repeat(40) + "…\" is longer than the 64 characters a name may have");
    }

    @Test
    void portRefusesAnUnknownTransport() {
        assertThat(portWith("\"a1\"", "\"fc\"", "\"10.0.0.1\"", "\"4420\""))
                .containsExactly("ports[0].transport: \"fc\" is not a transport; expected tcp or rdma");
    }

    @Test
    void portRefusesAnAddressThatIsNotNumeric() {
        assertThat(portWith("\"a1\"", "\"tcp\"", "\"target.example\"", "\"4420\"")).containsExactly(
                "ports[0].traddr: \"target.example\" is not a numeric IPv4 or IPv6 address without a scope");
        assertThat(portWith("\"a1\"", "\"tcp\"", "\"fe80::1%eth0\"", "\"4420\"")).containsExactly(
                "ports[0].traddr: \"fe80::1%eth0\" is not a numeric IPv4 or IPv6 address without a scope");
    }

    @Test
    void portRefusesATrsvcidThatIsNotAPortNumber() {
        for (String bad : List.of("44x0", "0", "65536", "123456", "-1", " 4420")) {
            assertThat(portWith("\"a1\"", "\"tcp\"", "\"10.0.0.1\"", "\"" + bad + "\""))
                    .containsExactly("ports[0].trsvcid: \"" + bad + "\" is not a port number");
        }
        assertThat(portWith("\"a1\"", "\"tcp\"", "\"10.0.0.1\"", "\"65535\"")).isEmpty();
    }

    @Test
    void portsRefuseARepeatedNameOrAddress() {
        assertThat(problems("""
                {"ports": [
                  {"name": "a1", "transport": "tcp", "traddr": "10.0.0.1", "trsvcid": "4420"},
                  {"name": "a1", "transport": "tcp", "traddr": "10.0.0.2", "trsvcid": "4420"},
                  {"name": "a3", "transport": "tcp", "traddr": "10.0.0.01", "trsvcid": "4420"},
                  {"name": "a4", "transport": "tcp", "traddr": "10.0.0.1", "trsvcid": "4420"}
                ]}""")).containsExactly("ports[1].name: \"a1\" is also the name of ports[0]",
                "ports[2].traddr: \"10.0.0.01\" is not a numeric IPv4 or IPv6 address without a scope",
                "ports[3]: same address as ports[0]: \"tcp 10.0.0.1:4420\"");
    }

    @Test
    void downWindowMustEndAfterItStarts() {
        assertThat(port("\"down\": [{\"from\": \"5m\", \"until\": \"2m\"}, {\"from\": \"1m\", \"until\": \"1m\"}]"))
                .containsExactly("ports[0].down[0].until: 2m is not after from, 5m",
                        "ports[0].down[1].until: 1m is not after from, 1m");
    }

    @Test
    void downWindowNeedsBothTimesAndNoOtherKey() {
        assertThat(port("\"down\": [{\"until\": \"2m\", \"to\": \"3m\"}, \"5m\"]")).containsExactly(
                "ports[0].down[0].to: unknown key; expected from, until", "ports[0].down[0].from: missing",
                "ports[0].down[1]: expected an object, found a string");
        assertThat(port("\"down\": {\"from\": \"1m\", \"until\": \"2m\"}"))
                .containsExactly("ports[0].down: expected an array, found an object");
    }

    @Test
    void flappingNeedsPositiveUpAndDown() {
        assertThat(port("\"flapping\": {\"up\": \"0s\"}")).containsExactly("ports[0].flapping.up: must be longer than 0s",
                "ports[0].flapping.down: missing");
        assertThat(port("\"flapping\": true")).containsExactly("ports[0].flapping: expected an object, found a boolean");
    }

    @Test
    void timesMustBeSpans() {
        assertThat(port("\"connect-delay\": \"2x\"")).containsExactly("ports[0].connect-delay: \"2x\" is not a time "
                + "such as 30s, 1m30s or 1500ms: 'x' at character 2 is not a unit");
        assertThat(port("\"connect-delay\": \"infinity\"")).containsExactly("ports[0].connect-delay: \"infinity\" is "
                + "not a time such as 30s, 1m30s or 1500ms: infinity is no time on the simulation's clock");
        assertThat(port("\"connect-delay\": 2")).containsExactly("ports[0].connect-delay: expected a string, found a number");
    }
}
