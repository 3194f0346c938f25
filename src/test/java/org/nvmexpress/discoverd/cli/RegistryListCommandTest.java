package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;

/** {@code nvme-discoverctl registry list}: nvme-cli's layout, JSON, stale entries hidden. */
final class RegistryListCommandTest {
    private static final DeviceName NVME3 = new DeviceName("nvme3");

    @TempDir
    Path root;

    private final CommandRunner cli = new CommandRunner();

    private Registry registry() {
        return new Registry(root);
    }

    private int list(CommandRunner runner, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "registry";
        args[1] = "list";
        System.arraycopy(options, 0, args, 2, options.length);
        args[options.length + 2] = "--root";
        args[options.length + 3] = root.toString();
        return runner.run(args);
    }

    private int list(String... options) {
        return list(cli, options);
    }

    private void live(String device) throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("dev").resolve(device), "");
    }

    @Test
    void listOfAnEmptyRegistryPrintsNothing() {
        assertThat(list()).isZero();
        assertThat(cli.out()).isEmpty();
        CommandRunner json = new CommandRunner();
        assertThat(list(json, "--output", "json")).isZero();
        assertThat(json.out()).isEqualTo("[ ]\n");
    }

    @Test
    void listPrintsLiveEntriesAsNvmeCliDoes() throws Exception {
        registry().update(new DeviceName("nvme10"), AttributeName.OWNER, "stas");
        registry().update(NVME3, AttributeName.OWNER, "discoverd");
        registry().update(NVME3, AttributeName.SEQNUM, "48213");
        registry().update(NVME3, new AttributeName("a_very_long_name"), "x");
        registry().update(new DeviceName("nvme4"), AttributeName.OWNER, "gone");
        live("nvme3");
        live("nvme10");
        assertThat(list()).isZero();
        assertThat(cli.out()).isEqualTo("nvme3\n"
                + "  a_very_long_name x\n"
                + "  owner        discoverd\n"
                + "  seqnum       48213\n"
                + "nvme10\n"
                + "  owner        stas\n");
    }

    @Test
    void listAsJsonIsAnArrayOfDevicesAndAttributes() throws Exception {
        registry().update(NVME3, AttributeName.OWNER, "discoverd");
        registry().update(NVME3, AttributeName.SEQNUM, "48213");
        live("nvme3");
        assertThat(list("-o", "json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out())).isEqualTo(new ObjectMapper().readTree(
                "[{\"device\": \"nvme3\", \"attributes\": {\"owner\": \"discoverd\", \"seqnum\": \"48213\"}}]"));
    }
}
