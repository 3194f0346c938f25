package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.PORTS;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.VOL1;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.fabric;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.problems;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.withBase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Subsystems, discovery controllers and their logs, changes, preconnected controllers and boot: what each must name. */
final class FabricFileReferencesTest {
    private static final String LONG_NQN = "nqn.2024-01.com.example:" + "x".repeat(200);

    private static List<String> subsystems(String subsystems) {
        return problems("{" + PORTS + ", \"subsystems\": [" + subsystems + "]}");
    }

    private static List<String> dc1Log(String entries) {
        return problems("{" + PORTS + ", " + FabricTexts.SUBSYSTEMS
                + ", \"discovery-controllers\": [{\"name\": \"dc1\", \"port\": \"d1\", \"log\": [" + entries + "]}]}");
    }

    @Test
    void subsystemRefusesABadNqn() {
        assertThat(subsystems("{\"nqn\": \"" + LONG_NQN + "\", \"ports\": [\"a1\"]}")).containsExactly(
                "subsystems[0].nqn: \"nqn.2024-01.com.example:xxxxxxxxxxxxxxxx…\" is longer than the 223 bytes an NQN may have");
        assertThat(subsystems("{\"nqn\": \"nqn.2024-01.com.example:t\\tab\", \"ports\": [\"a1\"]}"))
                .containsExactly("subsystems[0].nqn: \"nqn.2024-01.com.example:t\\u0009ab\" contains a control character");
        assertThat(subsystems("{\"nqn\": \"nqn.2014-08.org.nvmexpress.discovery\", \"ports\": [\"a1\"]}")).containsExactly(
                "subsystems[0].nqn: is the well-known discovery NQN; an I/O subsystem needs its own");
        assertThat(subsystems("{\"nqn\": \"n:1\", \"ports\": [\"a1\"]}, {\"nqn\": \"n:1\", \"ports\": [\"b1\"]}"))
                .containsExactly("subsystems[1].nqn: \"n:1\" is also the NQN of subsystems[0]");
    }

    @Test
    void subsystemNqnCountsUtf8Bytes() {
        String nqn = "nqn.2024-01.com.example:" + "é".repeat(100); // 124 characters, 224 bytes
        assertThat(subsystems("{\"nqn\": \"" + nqn + "\", \"ports\": [\"a1\"]}")).singleElement().asString()
                .endsWith("is longer than the 223 bytes an NQN may have");
    }

    @Test
    void subsystemNeedsPortsThatExistOnce() {
        assertThat(subsystems("{\"nqn\": \"n:1\"}")).containsExactly("subsystems[0].ports: missing");
        assertThat(subsystems("{\"nqn\": \"n:1\", \"ports\": []}"))
                .containsExactly("subsystems[0].ports: is empty; a subsystem is linked to at least one port");
        assertThat(subsystems("{\"nqn\": \"n:1\", \"ports\": [\"a1\", \"z9\", \"a1\", 7]}")).containsExactly(
                "subsystems[0].ports[1]: no port is named \"z9\"", "subsystems[0].ports[2]: \"a1\" is listed twice",
                "subsystems[0].ports[3]: expected a port's name");
        assertThat(subsystems("{\"nqn\": \"n:1\", \"ports\": \"a1\"}"))
                .containsExactly("subsystems[0].ports: expected an array, found a string");
    }

    @Test
    void discoveryControllerDefaultsToTheWellKnownNqnAndAnEmptyLog() {
        DiscoveryController dc1 = fabric(withBase("")).discoveryControllers().get(0);

        assertThat(dc1).isEqualTo(new DiscoveryController("dc1", DlpWriter.DISCOVERY_NQN, "d1", List.of()));
    }

    @Test
    void discoveryControllerRefusesWhatMakesItAmbiguous() {
        assertThat(problems("{" + PORTS + ", " + FabricTexts.SUBSYSTEMS + ", \"discovery-controllers\": ["
                + "{\"name\": \"dc1\", \"port\": \"d1\"}, {\"name\": \"dc1\", \"port\": \"a1\"},"
                + "{\"name\": \"" + VOL1 + "\", \"port\": \"a1\"}, {\"name\": \"dc4\", \"port\": \"d1\"},"
                + "{\"name\": \"dc5\", \"port\": \"z9\", \"nqn\": \"\"}]}")).containsExactly(
                "discovery-controllers[1].name: \"dc1\" is also the name of discovery-controllers[0]",
                "discovery-controllers[2].name: \"nqn.2024-01.com.example:vol1\" is an I/O subsystem's NQN",
                "discovery-controllers[3]: same port and NQN as discovery-controllers[0]",
                "discovery-controllers[4].nqn: is empty", "discovery-controllers[4].port: no port is named \"z9\"");
    }

    @Test
    void logReadsEveryKindOfEntry() {
        Fabric f = fabric("{" + PORTS + ", " + FabricTexts.SUBSYSTEMS + ", \"discovery-controllers\": ["
                + "{\"name\": \"dc1\", \"port\": \"d1\", \"log\": [{\"self\": {\"epcsd\": true}}, {\"referral\": \"dc2\"},"
                + " {\"subsystem\": \"" + VOL1 + "\", \"port\": \"a1\"}]},"
                + "{\"name\": \"dc2\", \"nqn\": \"nqn.2024-01.com.example:dc2\", \"port\": \"b1\", \"log\": [{\"self\": {}}]}]}");

        assertThat(f.discoveryController("dc1").orElseThrow().log()).containsExactly(new LogEntry.Self(true),
                new LogEntry.Referral("dc2"), new LogEntry.Ioc(VOL1, "a1"));
        assertThat(f.discoveryController("dc2").orElseThrow().log()).containsExactly(new LogEntry.Self(false));
    }

    @Test
    void logEntryMustBeOneKindThatResolves() {
        assertThat(dc1Log("{}, {\"referral\": \"dc1\", \"self\": {}}, {\"referral\": \"dc9\"},"
                + " {\"subsystem\": \"n:9\", \"port\": \"a1\"}, {\"subsystem\": \"" + VOL1 + "\", \"port\": \"b1\"},"
                + " {\"subsystem\": \"" + VOL1 + "\", \"port\": \"z9\"}, {\"subsystem\": \"" + VOL1 + "\"},"
                + " {\"self\": true}, {\"self\": {\"epcsd\": \"yes\"}}, {\"self\": {\"epcds\": true}}")).containsExactly(
                "discovery-controllers[0].log[0]: empty; an entry is {\"subsystem\", \"port\"}, {\"referral\"} or {\"self\"}",
                "discovery-controllers[0].log[1]: mixes kinds of entry; an entry is {\"subsystem\", \"port\"}, {\"referral\"}"
                        + " or {\"self\"}",
                "discovery-controllers[0].log[2].referral: no discovery controller is named \"dc9\"",
                "discovery-controllers[0].log[3].subsystem: no I/O subsystem has the NQN \"n:9\"",
                "discovery-controllers[0].log[4]: the subsystem \"nqn.2024-01.com.example:vol1\" is not linked to the port"
                        + " \"b1\"",
                "discovery-controllers[0].log[5].port: no port is named \"z9\"",
                "discovery-controllers[0].log[6].port: missing",
                "discovery-controllers[0].log[7].self: expected an object, found a boolean",
                "discovery-controllers[0].log[8].self.epcsd: expected true or false, found a string",
                "discovery-controllers[0].log[9].self.epcds: unknown key; expected epcsd");
    }

    @Test
    void changesAreSortedByTimeAndNameAControllerOnce() {
        Fabric f = fabric(withBase("\"changes\": [{\"at\": \"1m\", \"discovery-controller\": \"dc1\", \"log\": []},"
                + " {\"at\": \"20s\", \"discovery-controller\": \"dc1\", \"log\": [{\"self\": {}}]}]"));

        assertThat(f.changes()).extracting(LogChange::at).containsExactly(Duration.ofSeconds(20), Duration.ofMinutes(1));
        assertThat(f.changes().get(0).log()).containsExactly(new LogEntry.Self(false));
    }

    @Test
    void changeRefusesWhatItCannotApply() {
        assertThat(problems(withBase("\"changes\": [{\"at\": \"20s\", \"discovery-controller\": \"dc9\", \"log\": []},"
                + " {\"discovery-controller\": \"dc1\"}, {\"at\": \"20s\", \"discovery-controller\": \"dc1\", \"log\": []},"
                + " {\"at\": \"20000ms\", \"discovery-controller\": \"dc1\", \"log\": []}]"))).containsExactly(
                "changes[0].discovery-controller: no discovery controller is named \"dc9\"", "changes[1].at: missing",
                "changes[1].log: missing", "changes[3]: changes \"dc1\" at 20s again, as changes[2] does");
    }

    @Test
    void preconnectedNamesASubsystemOrAControllerOnItsPort() {
        Fabric f = fabric(withBase("\"preconnected\": [{\"subsystem\": \"" + VOL1 + "\", \"port\": \"a1\", \"owner\":"
                + " \"stas\"}, {\"subsystem\": \"dc1\", \"port\": \"d1\"}]"));

        assertThat(f.preconnected()).containsExactly(new Preconnected(VOL1, "a1", Optional.of("stas")),
                new Preconnected("dc1", "d1", Optional.empty()));
    }

    @Test
    void preconnectedRefusesWhatNoControllerIs() {
        assertThat(problems(withBase("\"preconnected\": [{\"subsystem\": \"n:9\", \"port\": \"a1\"},"
                + " {\"subsystem\": \"" + VOL1 + "\", \"port\": \"b1\"}, {\"subsystem\": \"dc1\", \"port\": \"a1\"},"
                + " {\"subsystem\": \"dc1\", \"port\": \"d1\", \"owner\": \"two words\"},"
                + " {\"subsystem\": \"dc1\", \"port\": \"d1\"}, {\"subsystem\": \"dc1\", \"port\": \"d1\"},"
                + " {\"subsystem\": \"dc1\", \"port\": \"d1\"}]")))
                .containsExactly(
                "preconnected[0].subsystem: no I/O subsystem has the NQN \"n:9\" and no discovery controller that name",
                "preconnected[1]: the subsystem \"nqn.2024-01.com.example:vol1\" is not linked to the port \"b1\"",
                "preconnected[2].port: the discovery controller \"dc1\" is on the port \"d1\"",
                "preconnected[3].owner: \"two words\" is not an owner: 1 to 64 of A-Z a-z 0-9 . _ -",
                "preconnected[5]: the same controller as preconnected[4]",
                "preconnected[6]: the same controller as preconnected[4]");
    }

    @Test
    void bootReadsWithItsHostAddressCanonical() {
        Fabric f = fabric(withBase("\"boot\": {\"subsystem\": \"" + VOL1 + "\", \"port\": \"a1\", \"host-ip\": \"192.168.100.2\"}"));

        assertThat(f.boot()).contains(new BootPath(VOL1, "a1", "192.168.100.2"));
    }

    @Test
    void bootRefusesWhatNoNbftCanDescribe() {
        String rdma = "{\"ports\": [{\"name\": \"r1\", \"transport\": \"rdma\", \"traddr\": \"10.0.0.1\", \"trsvcid\": \"4420\"}],"
                + " \"subsystems\": [{\"nqn\": \"n:1\", \"ports\": [\"r1\"]}], \"boot\": {\"subsystem\": \"n:1\", \"port\":"
                + " \"r1\", \"host-ip\": \"10.0.0.2\"}}";
        assertThat(problems(rdma)).containsExactly("boot.port: is rdma; an NBFT boots over tcp only");
        assertThat(problems(withBase("\"boot\": {\"subsystem\": \"" + VOL1 + "\", \"port\": \"b1\", \"host-ip\": \"h\"}")))
                .containsExactly("boot.host-ip: \"h\" is not a numeric IPv4 or IPv6 address",
                        "boot: the subsystem \"nqn.2024-01.com.example:vol1\" is not linked to the port \"b1\"");
        assertThat(problems(withBase("\"boot\": {\"subsystem\": \"" + VOL1 + "\", \"port\": \"a1\", \"host-ip\": \"fd00::2\"}")))
                .containsExactly("boot.host-ip: is not of the address family of the port's 192.168.100.10");
        assertThat(problems(withBase("\"boot\": {\"port\": \"z9\", \"hostip\": \"10.0.0.2\"}"))).containsExactly(
                "boot.hostip: unknown key; expected subsystem, port, host-ip", "boot.subsystem: missing",
                "boot.port: no port is named \"z9\"", "boot.host-ip: missing");
    }
}
