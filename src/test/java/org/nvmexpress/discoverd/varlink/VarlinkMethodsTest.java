package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.LogLevel;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/** Every method of the three interfaces and every error they answer, through a real socket. */
@Timeout(60)
final class VarlinkMethodsTest {
    private static final ObjectMapper JSON = VarlinkJson.mapper();

    @TempDir
    Path tmp;
    private TestServer server;
    private VarlinkClient client;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.asRoot(tmp);
        server.daemon.snapshot.set(FakeDaemon.snapshot(List.of(FakeDaemon.controller(1, "connected"),
                FakeDaemon.controller(2, "backoff"), dc())));
        client = server.client();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private static org.nvmexpress.discoverd.daemon.DaemonSnapshot.Controller dc() {
        TransportId tid = TransportId.builder().transport("tcp").traddr("10.9.0.1").trsvcid("8009")
                .nqn("nqn.2014-08.org.nvmexpress.discovery").hostIface("eth0").build();
        return FakeDaemon.controller(tid, Role.DC, "connecting", 3, List.of());
    }

    private JsonNode call(String method, String parameters) throws Exception {
        return client.call(method, JSON.readTree(parameters));
    }

    private VarlinkError error(String method, String parameters) {
        return (VarlinkError) org.assertj.core.api.Assertions.catchThrowable(() -> call(method, parameters));
    }

    private void assertError(String method, String parameters, String error, String errorParameters) throws IOException {
        VarlinkError e = error(method, parameters);
        assertThat(e).as("%s(%s)", method, parameters).isNotNull();
        assertThat(e.error()).isEqualTo(error);
        assertThat(e.parameters()).isEqualTo(JSON.readTree(errorParameters));
    }

    @Test
    void getInfoNamesTheProductAndItsInterfaces() throws Exception {
        assertThat(call("org.varlink.service.GetInfo", "{}")).isEqualTo(JSON.readTree("{\"vendor\":\"nvme-discoverd\","
                + "\"product\":\"nvme-discoverd\",\"version\":\"0.1.0\",\"url\":\"\",\"interfaces\":"
                + "[\"org.varlink.service\",\"io.systemd.service\",\"org.nvmexpress.discoverd\"]}"));
    }

    /** What the shipped interface adds to VARLINK.md's {@code Status}, after {@code lastReloadUSec: ?int}: optional, so compatible. */
    private static final String STATUS_ADDITIONS = """
            ,
              # the DNS-SD browser in use (avahi, resolved, simulated) or none; optional, so a
              # client reads a daemon without it; added after VARLINK.md's first version
              browser: ?string,
              # how many DNS-SD service instances the browser reports now
              browsedServices: ?int
            """;

    @Test
    void getInterfaceDescriptionReturnsTheShippedTextVerbatim() throws Exception {
        for (String name : InterfaceDescriptions.INTERFACES) {
            String shipped = Files.readString(Path.of("src/main/resources/org/nvmexpress/discoverd/varlink", name + ".varlink"));
            assertThat(call("org.varlink.service.GetInterfaceDescription", "{\"interface\":\"" + name + "\"}")
                    .get("description").textValue()).isEqualTo(shipped);
        }
    }

    @Test
    void theShippedDescriptionIsVarlinkMdsBlock() throws IOException {
        Path contract = Path.of("../shared/design/VARLINK.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(contract), "VARLINK.md is not next to the checkout");
        String md = Files.readString(contract, StandardCharsets.UTF_8);
        String block = md.substring(md.indexOf("```\n") + 4, md.lastIndexOf("```"));
        String shipped = Files.readString(Path.of("src/main/resources/org/nvmexpress/discoverd/varlink/org.nvmexpress.discoverd.varlink"));
        // The contract plus the optional fields docs/daemon.md names as additions (issue 15's DNS-SD status).
        assertThat(shipped).contains(STATUS_ADDITIONS);
        assertThat(shipped.replace(STATUS_ADDITIONS, "\n").replace("fc, mdns\n", "fc\n")).isEqualTo(block);
    }

    @Test
    void unknownNamesAreInterfaceNotFoundOrMethodNotFound() throws Exception {
        assertError("org.example.Nothing", "{}", "org.varlink.service.InterfaceNotFound", "{\"interface\":\"org.example\"}");
        assertError("org.nvmexpress.discoverd.Frobnicate", "{}", "org.varlink.service.MethodNotFound",
                "{\"method\":\"org.nvmexpress.discoverd.Frobnicate\"}");
        assertError("org.varlink.service.GetInterfaceDescription", "{\"interface\":\"org.example\"}",
                "org.varlink.service.InterfaceNotFound", "{\"interface\":\"org.example\"}");
        assertError("io.systemd.service.GetEnvironment", "{}", "org.varlink.service.MethodNotImplemented",
                "{\"method\":\"io.systemd.service.GetEnvironment\"}");
    }

    @Test
    void badParametersAreInvalidParameterWithTheirName() throws Exception {
        String invalid = "org.varlink.service.InvalidParameter";
        assertError("org.nvmexpress.discoverd.GetStatus", "{\"verbose\":true}", invalid, "{\"parameter\":\"verbose\"}");
        assertError("org.nvmexpress.discoverd.ListControllers", "{\"role\":\"host\"}", invalid, "{\"parameter\":\"role\"}");
        assertError("org.nvmexpress.discoverd.ListControllers", "{\"state\":\"up\"}", invalid, "{\"parameter\":\"state\"}");
        assertError("org.nvmexpress.discoverd.ListControllers", "{\"state\":7}", invalid, "{\"parameter\":\"state\"}");
        assertError("org.nvmexpress.discoverd.GetController", "{}", invalid, "{\"parameter\":\"unit\"}");
        assertError("org.varlink.service.GetInterfaceDescription", "{}", invalid, "{\"parameter\":\"interface\"}");
        assertError("io.systemd.service.SetLogLevel", "{\"level\":8}", invalid, "{\"parameter\":\"level\"}");
        assertError("io.systemd.service.SetLogLevel", "{\"level\":-1}", invalid, "{\"parameter\":\"level\"}");
        assertError("io.systemd.service.SetLogLevel", "{}", invalid, "{\"parameter\":\"level\"}");
        assertError("io.systemd.service.SetLogLevel", "{\"level\":\"debug\"}", invalid, "{\"parameter\":\"level\"}");
        assertError("io.systemd.service.Ping", "{\"x\":1}", invalid, "{\"parameter\":\"x\"}");
    }

    @Test
    void getStatusHasVarlinkMdsShape() throws Exception {
        assertThat(call("org.nvmexpress.discoverd.GetStatus", "{}")).isEqualTo(JSON.readTree("{\"status\":{"
                + "\"version\":\"0.1.0\",\"startedUSec\":1700000000000000,\"connector\":\"builtin\",\"controllers\":3,"
                + "\"connected\":1,\"backoff\":1,"
                + "\"configFiles\":[\"/etc/nvme/discoverd.conf\",\"/etc/nvme/nvme-fabrics.conf\"],"
                + "\"configErrors\":[\"/etc/nvme/nvme-fabrics.conf:3: unknown key 'foo'\"],\"nbftTables\":[],"
                + "\"browser\":\"none\",\"browsedServices\":0}}"));
    }

    @Test
    void getControllerHasVarlinkMdsShapeWithAbsentFieldsOmitted() throws Exception {
        String unit = dc().unit();
        assertThat(call("org.nvmexpress.discoverd.GetController", "{\"unit\":\"" + unit + "\"}")).isEqualTo(JSON.readTree(
                "{\"controller\":{\"unit\":\"" + unit + "\",\"tid\":{\"transport\":\"tcp\",\"traddr\":\"10.9.0.1\","
                + "\"trsvcid\":\"8009\",\"nqn\":\"nqn.2014-08.org.nvmexpress.discovery\",\"hostIface\":\"eth0\"},"
                + "\"canonical\":\"" + dc().tid().canonical() + "\",\"role\":\"dc\",\"sources\":[\"config\"],"
                + "\"owner\":\"discoverd\",\"state\":\"connecting\",\"attempts\":2,\"sinceUSec\":1700000001000003}}"));
    }

    @Test
    void getControllerFindsByDeviceAndAnswersNoSuchController() throws Exception {
        assertThat(call("org.nvmexpress.discoverd.GetController", "{\"device\":\"nvme1\"}").at("/controller/state").textValue())
                .isEqualTo("connected");
        assertError("org.nvmexpress.discoverd.GetController", "{\"device\":\"nvme9\"}",
                "org.nvmexpress.discoverd.NoSuchController", "{\"device\":\"nvme9\"}");
        String unit = FakeDaemon.controller(2, "backoff").unit();
        assertError("org.nvmexpress.discoverd.GetController", "{\"unit\":\"" + unit + "\",\"device\":\"nvme1\"}",
                "org.nvmexpress.discoverd.NoSuchController", "{\"unit\":\"" + unit + "\",\"device\":\"nvme1\"}");
        assertThat(call("org.nvmexpress.discoverd.GetController", "{\"unit\":\"" + unit + "\",\"device\":null}")
                .at("/controller/nextRetryUSec").longValue()).isEqualTo(1_700_000_060_000_000L);
    }

    @Test
    void listControllersFiltersByRoleAndState() throws Exception {
        assertThat(call("org.nvmexpress.discoverd.ListControllers", "{}").get("controllers")).hasSize(3);
        assertThat(call("org.nvmexpress.discoverd.ListControllers", "{\"role\":\"dc\"}").findValuesAsText("role"))
                .containsExactly("dc");
        assertThat(call("org.nvmexpress.discoverd.ListControllers", "{\"role\":\"ioc\",\"state\":\"backoff\"}")
                .findValuesAsText("state")).containsExactly("backoff");
        assertThat(call("org.nvmexpress.discoverd.ListControllers", "{\"state\":\"given_up\"}").get("controllers")).isEmpty();
    }

    @Test
    void reloadAnswersEmptyOrReloadFailedWithTheErrors() throws Exception {
        assertThat(call("org.nvmexpress.discoverd.Reload", "{}")).isEqualTo(JSON.readTree("{}"));
        server.daemon.reloadResult.set(new DaemonControl.ReloadResult(List.of("nvme-fabrics.conf:2: bad")));
        assertError("org.nvmexpress.discoverd.Reload", "{}", "org.nvmexpress.discoverd.ReloadFailed",
                "{\"errors\":[\"nvme-fabrics.conf:2: bad\"]}");
        assertError("io.systemd.service.Reload", "{}", "org.nvmexpress.discoverd.ReloadFailed",
                "{\"errors\":[\"nvme-fabrics.conf:2: bad\"]}");
        assertThat(server.daemon.reloads).hasValue(3);
    }

    @Test
    void retryAnswersHowManyAndNoSuchController() throws Exception {
        assertThat(call("org.nvmexpress.discoverd.Retry", "{}")).isEqualTo(JSON.readTree("{\"retried\":1}"));
        String unit = FakeDaemon.controller(1, "connected").unit();
        assertThat(call("org.nvmexpress.discoverd.Retry", "{\"unit\":\"" + unit + "\"}")).isEqualTo(JSON.readTree("{\"retried\":1}"));
        assertError("org.nvmexpress.discoverd.Retry", "{\"unit\":\"nvme-discoverd-000000000000.service\"}",
                "org.nvmexpress.discoverd.NoSuchController", "{\"unit\":\"nvme-discoverd-000000000000.service\"}");
        assertThat(server.daemon.retries).containsExactly(Optional.empty(), Optional.of(unit),
                Optional.of("nvme-discoverd-000000000000.service"));
    }

    @Test
    void systemdServicePingsAndSetsTheLogThreshold() throws Exception {
        assertThat(call("io.systemd.service.Ping", "{}")).isEqualTo(JSON.readTree("{}"));
        for (int level = 0; level <= 7; level++) {
            assertThat(call("io.systemd.service.SetLogLevel", "{\"level\":" + level + "}")).isEqualTo(JSON.readTree("{}"));
        }
        assertThat(server.thresholds).containsExactly(LogLevel.ERR, LogLevel.ERR, LogLevel.ERR, LogLevel.ERR,
                LogLevel.WARN, LogLevel.INFO, LogLevel.INFO, LogLevel.DEBUG);
        assertThat(call("io.systemd.service.Reload", "{}")).isEqualTo(JSON.readTree("{}"));
        assertThat(server.daemon.reloads).hasValue(1);
    }

    @Test
    void monitorWithoutMoreIsExpectedMore() throws Exception {
        assertError("org.nvmexpress.discoverd.Monitor", "{}", "org.varlink.service.ExpectedMore", "{}");
        assertThat(server.daemon.subscribers()).isZero();
    }

    @Test
    void aOnewayCallIsCarriedOutAndNotAnswered() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.send("{\"method\":\"org.nvmexpress.discoverd.Reload\",\"oneway\":true}")
                    .send("{\"method\":\"org.nvmexpress.discoverd.Frobnicate\",\"oneway\":true}")
                    .send("{\"method\":\"io.systemd.service.Ping\"}");
            assertThat(raw.reply()).isEqualTo(JSON.readTree("{\"parameters\":{}}"));
            assertThat(server.daemon.reloads).hasValue(1);
        }
    }

    @Test
    void pipelinedCallsAreAnsweredInOrder() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.write(("{\"method\":\"io.systemd.service.Ping\"}\0{\"method\":\"org.example.X\",\"parameters\":{}}\0"
                    + "{\"method\":\"org.nvmexpress.discoverd.GetStatus\",\"more\":true}\0").getBytes(StandardCharsets.UTF_8));
            assertThat(raw.reply()).isEqualTo(JSON.readTree("{\"parameters\":{}}"));
            assertThat(raw.reply().get("error").textValue()).isEqualTo("org.varlink.service.InterfaceNotFound");
            JsonNode status = raw.reply();
            assertThat(status.has("continues")).isFalse(); // a more call's only reply is its last
            assertThat(status.at("/parameters/status/controllers").intValue()).isEqualTo(3);
        }
    }

    @Test
    void clientCallMoreEndsAtAReplyWithoutContinues() throws Exception {
        List<JsonNode> replies = new java.util.ArrayList<>();
        client.callMore("org.nvmexpress.discoverd.GetStatus", null, replies::add);
        assertThat(replies).hasSize(1);
        assertThatThrownBy(() -> client.callMore("org.nvmexpress.discoverd.Monitor", JSON.readTree("{\"x\":1}"), replies::add))
                .isInstanceOf(VarlinkError.class).hasMessageContaining("InvalidParameter");
    }
}
