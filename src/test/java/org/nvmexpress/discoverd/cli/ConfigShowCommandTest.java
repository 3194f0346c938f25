package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigShowCommandTest {
    @TempDir
    Path root;

    private final CommandRunner cli = new CommandRunner();

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private JsonNode showJson() throws IOException {
        assertThat(cli.run("config", "show", "--root", root.toString(), "--output", "json")).as(cli.err()).isZero();
        return new ObjectMapper().readTree(cli.out());
    }

    @Test
    void jsonListsConnectionsInOrderWithUnitsAndParams() throws IOException {
        write("etc/nvme/nvme-fabrics.conf", String.join("\n",
                "[I/O Controller Defaults]", "keep-alive-tmo = 5", "ctrl-loss-tmo = 600",
                "[Subsystem]", "nqn = nqn.2014-08.org.nvmexpress:main-vol", "tls = yes", "ctrl-loss-tmo =",
                "controller = transport=tcp;traddr=10.0.0.9", ""));
        JsonNode json = showJson();
        assertThat(json.get("files").get(0).asText()).endsWith("etc/nvme/nvme-fabrics.conf");
        assertThat(json.get("errors")).isEmpty();
        JsonNode c = json.get("connections").get(0);
        assertThat(c.get("line").asInt()).isEqualTo(8);
        assertThat(c.get("role").asText()).isEqualTo("ioc");
        assertThat(c.get("canonical").asText())
                .isEqualTo("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:main-vol");
        assertThat(c.get("unit").asText()).isEqualTo("nvme-discoverd-c7f645736db2.service");
        assertThat(c.get("hostnqn").isNull()).isTrue();
        List<String> params = new ArrayList<>();
        c.get("params").fields().forEachRemaining(e -> params.add(e.getKey() + "=" + e.getValue().asText()));
        assertThat(params).as("emission order, reset shown as empty").containsExactly("keep-alive-tmo=5", "ctrl-loss-tmo=", "tls=yes");
        assertThat(json.get("discovered").get("ioc").get("keep-alive-tmo").asText()).isEqualTo("5");
    }

    @Test
    void secretsPrintAsPlaceholders() throws IOException {
        write("etc/nvme/nvme-fabrics.conf", String.join("\n",
                "[Host]", "kxchap-secret = DHHC-1:00:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:",
                "[Subsystem]", "nqn = nqn.2024-01.com.example:v", "tls-key = NVMeTLSkey-1:01:abc:",
                "controller = transport=tcp;traddr=10.0.0.1", ""));
        JsonNode json = showJson();
        assertThat(cli.out()).doesNotContain("DHHC-1").doesNotContain("NVMeTLSkey");
        assertThat(json.get("connections").get(0).get("params").get("kxchap-secret").asText()).isEqualTo("<secret>");
        assertThat(cli.run("config", "show", "--root", root.toString())).isZero();
        assertThat(cli.out()).doesNotContain("DHHC-1").contains("tls-key=<secret>");
    }

    @Test
    void hostnameTraddrHasNoUnitYet() throws IOException {
        write("etc/nvme/nvme-fabrics.conf", "[Discovery Controller]\ncontroller = transport=tcp;traddr=cdc.example.com\n");
        JsonNode c = showJson().get("connections").get(0);
        assertThat(c.get("canonical").isNull()).isTrue();
        assertThat(c.get("unit").isNull()).isTrue();
        assertThat(c.get("tid").get("traddr").asText()).isEqualTo("cdc.example.com");
        assertThat(c.get("tid").get("trsvcid").asText()).isEqualTo("8009");
        assertThat(c.get("tid").get("nqn").asText()).isEqualTo("nqn.2014-08.org.nvmexpress.discovery");
    }

    @Test
    void brokenDropInIsReportedAndTheMainFileStillShows() throws IOException {
        write("etc/nvme/nvme-fabrics.conf", "[Subsystem]\nnqn = nqn.2024-01.com.example:a\ncontroller = transport=tcp;traddr=10.0.0.1\n");
        write("etc/nvme/nvme-fabrics.conf.d/bad.conf", "[Subsystem]\nnqn = nqn.2024-01.com.example:b\nkeep-alive-tmo = soon\n");
        JsonNode json = showJson();
        assertThat(json.get("connections")).hasSize(1);
        assertThat(json.get("errors").get(0).asText()).endsWith("bad.conf:3: invalid value for 'keep-alive-tmo': 'soon'"
                + " (expected an integer (decimal, 0x hex or 0 octal))");
    }

    @Test
    void textOutputIsATableOfConnections() throws IOException {
        write("etc/nvme/nvme-fabrics.conf", "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\n"
                + "controller = transport=tcp;traddr=10.0.0.9\n");
        assertThat(cli.run("config", "show", "--root", root.toString())).isZero();
        assertThat(cli.out()).contains("1. ioc nvme-discoverd-c7f645736db2.service")
                .contains("connection: (tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol)")
                .contains("params:     (kernel defaults)");
    }

    @Test
    void emptyRootShowsNoConnections() {
        assertThat(cli.run("config", "show", "--root", root.toString())).isZero();
        assertThat(cli.out()).contains("Files: (none)").contains("No connections configured.");
    }
}
