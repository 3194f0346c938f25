package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.fabric;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.problems;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DNS-SD announcements of discovery controllers and the browser's restarts: what they default to, what they must name. */
final class FabricFileAnnouncementsTest {
    private static final String BASE = """
            "ports": [
              {"name": "d1", "transport": "tcp", "traddr": "192.168.100.5", "trsvcid": "8009"},
              {"name": "r1", "transport": "rdma", "traddr": "fd00::5", "trsvcid": "4420"}
            ],
            "discovery-controllers": [
              {"name": "cdc", "nqn": "nqn.2024-01.com.example:cdc", "port": "d1"},
              {"name": "rdc", "port": "r1"}
            ]""";

    private static String file(String announcements) {
        return "{" + BASE + ", \"announcements\": [" + announcements + "]}";
    }

    private static String restarts(String restarts) {
        return "{" + BASE + ", \"browser-restarts\": [" + restarts + "]}";
    }

    @Test
    void defaultTxtIsTheTransportAndTheNqnAndUntilIsForever() {
        Fabric f = fabric(file("""
                {"discovery-controller": "rdc", "interface": "ib0", "instance": "R", "from": "5s"},
                {"discovery-controller": "cdc", "interface": "eth0", "instance": "NVMe CDC", "from": "0s", "until": "40s"}"""));

        assertThat(f.announcements()).containsExactly(
                new Announcement("cdc", "eth0", "NVMe CDC", Duration.ZERO, Optional.of(Duration.ofSeconds(40)),
                        Map.of("p", "tcp", "nqn", "nqn.2024-01.com.example:cdc")),
                new Announcement("rdc", "ib0", "R", Duration.ofSeconds(5), Optional.empty(),
                        Map.of("p", "roce", "nqn", "nqn.2014-08.org.nvmexpress.discovery")));
        assertThat(f.announcements().get(0).liveAt(Duration.ofSeconds(39))).isTrue();
        assertThat(f.announcements().get(0).liveAt(Duration.ofSeconds(40))).isFalse();
    }

    @Test
    void anExplicitTxtReplacesTheDefaultWholeWithKeysLowerCased() {
        Fabric f = fabric(file("""
                {"discovery-controller": "cdc", "interface": "eth0", "instance": "X", "from": "0s", "txt": {"P": "foo"}}"""));

        assertThat(f.announcements()).singleElement().extracting(Announcement::txt).isEqualTo(Map.of("p", "foo"));
        assertThat(fabric(file("""
                {"discovery-controller": "cdc", "interface": "eth0", "instance": "X", "from": "0s", "txt": {}}""")
        ).announcements().get(0).txt()).isEmpty();
    }

    @Test
    void everyKeyAndReferenceIsChecked() {
        assertThat(problems(file("""
                {"discovery-controller": "nope", "interface": "eth 0", "instance": "X", "from": "1x", "colour": 1}"""))
        ).containsExactly(
                "announcements[0].colour: unknown key; expected discovery-controller, interface, instance, from, until, txt",
                "announcements[0].discovery-controller: no discovery controller is named \"nope\"",
                "announcements[0].interface: \"eth 0\" is not an interface name: 1 to 15 printable ASCII characters,"
                        + " no space, /, : or %",
                "announcements[0].from: \"1x\" is not a time such as 30s, 1m30s or 1500ms: 'x' at character 2 is not a unit");
        assertThat(problems(file("{}"))).containsExactly("announcements[0].discovery-controller: missing",
                "announcements[0].interface: missing", "announcements[0].instance: missing", "announcements[0].from: missing");
        assertThat(problems(file("""
                {"discovery-controller": "cdc", "interface": "eth0", "instance": "X", "from": "10s", "until": "10s"}"""))
        ).containsExactly("announcements[0].until: 10s is not after from, 10s");
    }

    @Test
    void instanceNamesAndTxtRecordsAreBounded() {
        assertThat(problems(file("{\"discovery-controller\": \"cdc\", \"interface\": \"eth0\", \"instance\": \""
                + "é".repeat(32) + "\", \"from\": \"0s\"}"))).singleElement().asString()
                .endsWith("is longer than the 63 bytes a DNS-SD instance name may have");
        assertThat(problems(file("""
                {"discovery-controller": "cdc", "interface": "eth0", "instance": "X", "from": "0s",
                 "txt": {"p": 1, "a=b": "c", "Q": "1", "q": "2"}}"""))).containsExactly(
                "announcements[0].txt.p: expected a string, found a number");
        assertThat(problems(file("""
                {"discovery-controller": "cdc", "interface": "eth0", "instance": "X", "from": "0s",
                 "txt": {"a=b": "c", "Q": "1", "q": "2"}}"""))).containsExactly(
                "announcements[0].txt[\"a=b\"]: is not a TXT key: 1 or more printable ASCII characters other than =",
                "announcements[0].txt.q: is the same TXT key as another ignoring case; browsers lower-case keys");
        assertThat(problems(file("{\"discovery-controller\": \"cdc\", \"interface\": \"eth0\", \"instance\": \"X\","
                + " \"from\": \"0s\", \"txt\": {\"k\": \"" + "v".repeat(254) + "\"}}"))).containsExactly(
                "announcements[0].txt.k: key and value are longer than the 255 bytes of a TXT string");
    }

    @Test
    void oneInstanceOnOneInterfaceIsAnnouncedOnceAtATime() {
        String a = "{\"discovery-controller\": \"cdc\", \"interface\": \"%s\", \"instance\": \"%s\", \"from\": \"%s\"%s}";
        assertThat(problems(file(String.join(", ", a.formatted("eth0", "X", "0s", ", \"until\": \"40s\""),
                a.formatted("eth0", "X", "40s", ""), a.formatted("eth1", "X", "0s", ""),
                a.formatted("eth0", "Y", "10s", ""))))).isEmpty();
        assertThat(problems(file(String.join(", ", a.formatted("eth0", "X", "0s", ", \"until\": \"40s\""),
                a.formatted("eth0", "X", "39s", ", \"until\": \"50s\""), a.formatted("eth0", "X", "60s", ""),
                a.formatted("eth0", "X", "1h", ""))))).containsExactly(
                "announcements[1]: announces the instance \"X\" on \"eth0\" while announcements[0] does",
                "announcements[3]: announces the instance \"X\" on \"eth0\" while announcements[2] does");
        // A tcp and an rdma DC may share a name: _nvme-disc._tcp and _nvme-disc._udp are two services.
        assertThat(problems(file(String.join(", ", a.formatted("eth0", "X", "0s", ""),
                a.formatted("eth0", "X", "0s", "").replace("cdc", "rdc"))))).isEmpty();
    }

    @Test
    void browserRestartsComeBackAndDoNotOverlap() {
        Fabric f = fabric(restarts("{\"at\": \"30s\", \"back\": \"35s\"}, {\"at\": \"5s\", \"back\": \"6s\"}"));
        assertThat(f.browserRestarts()).containsExactly(new BrowserRestart(Duration.ofSeconds(5), Duration.ofSeconds(6)),
                new BrowserRestart(Duration.ofSeconds(30), Duration.ofSeconds(35)));

        assertThat(problems(restarts("{\"at\": \"30s\", \"back\": \"30s\"}, {\"at\": \"1s\"}, {\"at\": \"1s\","
                + " \"back\": \"9s\", \"x\": 1}, {\"at\": \"8s\", \"back\": \"20s\"}"))).containsExactly(
                "browser-restarts[0].back: 30s is not after at, 30s", "browser-restarts[1].back: missing",
                "browser-restarts[2].x: unknown key; expected at, back",
                "browser-restarts[3]: restarts the browser while it is away for browser-restarts[2]");
    }

    @Test
    void aModelAnnouncementEndsAfterItStarts() {
        assertThat(List.of(Duration.ZERO)).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Announcement("d",
                "eth0", "X", Duration.ofSeconds(2), Optional.of(Duration.ofSeconds(1)), Map.of()));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new BrowserRestart(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }
}
