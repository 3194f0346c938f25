package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.HostResolver;
import picocli.CommandLine;

/**
 * {@code nvme-discoverd --dry-run} in-process over the shipped sample configuration, installed under
 * a temporary root with a daemon configuration that chooses the built-in connector (so nothing is
 * probed) and, where the fixtures are there, a firmware boot table.
 */
final class DryRunTest {
    private static final Path SAMPLE = Path.of("packaging/nvme-fabrics.conf.sample");
    private static final Path NBFT = Path.of("../shared/fixtures/nbft/tables/NBFT-static-ipv4");
    private static final String SECRET = "DHHC-1:00:ia6zGodOr4SEG0Zzaw398rpY0wqipUWj4jWjUh4HWUz6aQ2n:";
    private static final String TENANT_HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:7d8e1f2a-3b4c-4d5e-8f60-718293a4b5c6";
    private static final HostResolver RESOLVER = name -> {
        if (name.equals("cdc-backup.example.com")) {
            return "192.168.1.11";
        }
        throw new UnknownHostException(name + ": Name or service not known");
    };

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void installSample() throws IOException {
        write("etc/nvme/nvme-discoverd.conf", "[Global]\nconnector = builtin\nnbft = true\n");
        Path etc = root.resolve("etc/nvme");
        Files.copy(SAMPLE, etc.resolve("nvme-fabrics.conf"));
        Path dropIns = Files.createDirectories(etc.resolve("nvme-fabrics.conf.d"));
        try (var files = Files.list(Path.of(SAMPLE + ".d"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dropIns.resolve(f.getFileName()));
            }
        }
    }

    private Path write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String path(String relative) {
        return root.resolve(relative).toString();
    }

    /** A live controller in sysfs with its /dev node, connected with the system's host NQN unless given. */
    private void controller(String device, String address, String subsysnqn, String hostnqn) {
        String dir = "sys/class/nvme/" + device + "/";
        write(dir + "transport", address.contains("nn-0x") ? "fc\n" : "tcp\n");
        write(dir + "address", address + "\n");
        write(dir + "subsysnqn", subsysnqn + "\n");
        write(dir + "hostnqn", hostnqn + "\n");
        write(dir + "cntrltype", "io\n");
        write(dir + "state", "live\n");
        write("dev/" + device, "");
    }

    private int run(String... args) {
        CommandLine cli = Commands.create(new DaemonMain(RESOLVER));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** Runs the dry run under the root and parses every line of stdout as a JSON object. */
    private List<JsonNode> dryRun() throws IOException {
        assertThat(run("--dry-run", "--root", root.toString())).isZero();
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : out.toString().split("\n", -1)) {
            if (!line.isEmpty()) {
                JsonNode node = mapper.readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                lines.add(node);
            }
        }
        assertThat(out.toString()).endsWith("\n");
        return lines;
    }

    private static Optional<JsonNode> line(List<JsonNode> lines, String field, String value) {
        return lines.stream().filter(l -> value.equals(l.path(field).asText())).findFirst();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void sampleGivesOneStartPerControllerInActionOrder() throws IOException {
        List<JsonNode> lines = dryRun();

        assertThat(lines).extracting(l -> l.get("action").asText() + " " + l.path("role").asText() + " "
                + l.path("sources").path(0).asText().replace(root + "/", "")).containsExactly(
                "start dc etc/nvme/nvme-fabrics.conf:41",
                "start dc etc/nvme/nvme-fabrics.conf:45",
                "start ioc etc/nvme/nvme-fabrics.conf:52",
                "start ioc etc/nvme/nvme-fabrics.conf:53",
                "start ioc etc/nvme/nvme-fabrics.conf:61",
                "start ioc etc/nvme/nvme-fabrics.conf:66",
                "start ioc etc/nvme/nvme-fabrics.conf.d/tenant-b.conf:17");
        JsonNode first = lines.get(0);
        assertThat(first.get("unit").asText()).isEqualTo("nvme-discoverd-b515b4f89fbf.service");
        assertThat(first.get("tid").asText())
                .isEqualTo("transport=tcp;traddr=192.168.1.10;trsvcid=8009;nqn=nqn.2014-08.org.example:cdc.main");
        assertThat(first.get("owner").asText()).isEqualTo("discoverd");
        assertThat(texts(first.get("argv"))).containsExactly("/usr/bin/nvme-discoverctl", "connect",
                "--transport=tcp", "--traddr=192.168.1.10", "--trsvcid=8009", "--nqn=nqn.2014-08.org.example:cdc.main",
                "--keep-alive-tmo=30", "--ctrl-loss-tmo=600", "--idempotent", "--owner=discoverd",
                "--devid-file=/run/nvme/discoverd/units/nvme-discoverd-b515b4f89fbf.devid");
        assertThat(lines.get(1).get("tid").asText()).contains("traddr=192.168.1.11");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("unit").asText()).matches("nvme-discoverd-[0-9a-f]{12}\\.service"));
    }

    @Test
    void secretsAppearOnlyAsCredentialNames() throws IOException {
        List<JsonNode> lines = dryRun();

        JsonNode tenant = line(lines, "tid", "transport=tcp;traddr=192.168.1.31;trsvcid=4420;"
                + "nqn=nqn.2024-01.com.example:tenant-b.vol1;hostnqn=" + TENANT_HOSTNQN).orElseThrow();
        assertThat(texts(tenant.get("credentials"))).containsExactly("dhchap-secret");
        assertThat(out.toString()).doesNotContain(SECRET).doesNotContain("ia6zGodOr4SEG0Zzaw398");
        assertThat(err.toString()).doesNotContain(SECRET);
    }

    @Test
    void bootTableControllerComesFirstOwnedByNbft() throws IOException {
        assumeTrue(Files.isRegularFile(NBFT), () -> "NBFT fixture not found: " + NBFT + " is absent");
        Files.createDirectories(root.resolve("sys/firmware/acpi/tables"));
        Files.copy(NBFT, root.resolve("sys/firmware/acpi/tables/NBFT"));

        List<JsonNode> lines = dryRun();

        JsonNode boot = lines.get(2);
        assertThat(boot.get("action").asText()).isEqualTo("start");
        assertThat(boot.get("role").asText()).isEqualTo("ioc");
        assertThat(boot.get("owner").asText()).isEqualTo("nbft");
        assertThat(texts(boot.get("sources"))).containsExactly("nbft:NBFT:SSNS 1 via HFI 1");
        assertThat(boot.get("tid").asText()).isEqualTo("transport=tcp;traddr=192.168.49.10;trsvcid=4420;"
                + "nqn=nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02;host-traddr=192.168.49.50");
        assertThat(texts(boot.get("argv"))).contains("--owner=nbft",
                "--hostnqn=nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9");
        assertThat(lines).hasSize(8);
    }

    @Test
    void liveControllerOwnedByUsIsAdopted() throws IOException {
        controller("nvme3", "traddr=192.168.1.21,trsvcid=4420,host_iface=eth0,src_addr=192.168.1.5",
                "nqn.2024-01.com.example:data.vol2", "nqn.2014-08.org.nvmexpress:uuid:00000000-0000-0000-0000-000000000001");
        write("etc/nvme/hostnqn", "nqn.2014-08.org.nvmexpress:uuid:00000000-0000-0000-0000-000000000001\n");
        write("run/nvme/registry/nvme3/owner", "discoverd\n");

        JsonNode adopt = line(dryRun(), "action", "adopt").orElseThrow();

        assertThat(adopt.get("device").asText()).isEqualTo("nvme3");
        assertThat(adopt.get("unit").asText()).isEqualTo("nvme-discoverd-a28e0014f069.service");
        assertThat(adopt.get("owner").asText()).isEqualTo("discoverd");
        assertThat(adopt.has("record-owner")).isFalse();
    }

    @Test
    void excludedControllerIsSkippedWithTheEntry() throws IOException {
        write("etc/nvme/exclusions.conf", "[exclusions]\nexclusion = traddr=192.168.2.21\n");

        JsonNode skip = line(dryRun(), "reason", "excluded").orElseThrow();

        assertThat(skip.get("action").asText()).isEqualTo("skip");
        assertThat(skip.get("role").asText()).isEqualTo("ioc");
        assertThat(skip.get("tid").asText()).contains("traddr=192.168.2.21");
        assertThat(skip.get("detail").asText()).isEqualTo("excluded by " + path("etc/nvme/exclusions.conf")
                + ":2: traddr=192.168.2.21");
    }

    @Test
    void controllerOwnedByAnotherOrchestratorIsHandedOff() throws IOException {
        controller("nvme4", "traddr=192.168.1.31,trsvcid=4420", "nqn.2024-01.com.example:tenant-b.vol1",
                TENANT_HOSTNQN);
        write("run/nvme/registry/nvme4/owner", "stas\n");

        JsonNode skip = line(dryRun(), "reason", "foreign-owner").orElseThrow();

        assertThat(skip.get("detail").asText()).isEqualTo("owned by stas (nvme4)");
        assertThat(out.toString()).doesNotContain("\"device\":\"nvme4\"");
    }

    @Test
    void badConfigLineIsAnUnusableSkipWithFileAndLine() throws IOException {
        write("etc/nvme/nvme-fabrics.conf.d/broken.conf", "[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:b\n"
                + "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:b.vol\nkeep-alive-tmo = soon\n"
                + "controller = transport=tcp;traddr=10.9.9.9\n");

        List<JsonNode> lines = dryRun();

        JsonNode skip = line(lines, "reason", "unusable").orElseThrow();
        assertThat(skip.get("detail").asText()).startsWith(path("etc/nvme/nvme-fabrics.conf.d/broken.conf") + ":5: ");
        assertThat(skip.has("tid")).isFalse();
        assertThat(lines).filteredOn(l -> l.get("action").asText().equals("start")).hasSize(7);
    }

    @Test
    void unresolvedHostNameIsAnUnusableSkipNotAnExit() throws IOException {
        CommandLine cli = Commands.create(new DaemonMain(name -> {
            throw new UnknownHostException(name + ": Temporary failure in name resolution");
        }));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("--dry-run", "--root", root.toString())).isZero();

        assertThat(out.toString()).contains("{\"action\":\"skip\",\"role\":\"dc\",\"reason\":\"unusable\",\"detail\":\""
                + path("etc/nvme/nvme-fabrics.conf") + ":45: host name cdc-backup.example.com does not resolve yet:"
                + " Temporary failure in name resolution\"}");
    }

    @Test
    void fabricsOptionNamesTheConfiguration() throws IOException {
        Path other = write("elsewhere/fabrics.conf", "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:x\n"
                + "controller = transport=tcp;traddr=10.1.1.1\n");

        assertThat(run("--dry-run", "--root", root.toString(), "--fabrics", other.toString(),
                "--config", path("etc/nvme/nvme-discoverd.conf"))).isZero();

        assertThat(out.toString().lines()).singleElement().satisfies(l -> assertThat(l)
                .contains("\"sources\":[\"" + other + ":3\"]"));
    }

    @Test
    void helpShowsDryRun() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("--dry-run");
    }
}
