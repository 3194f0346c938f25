package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExclusionListCommandTest {
    private final ExclusionCli cli = new ExclusionCli();

    @TempDir
    Path root;

    private Path main;
    private Path tenant;

    @BeforeEach
    void twoLists() {
        main = root.resolve("etc/nvme/exclusions.conf");
        tenant = root.resolve("etc/nvme/exclusions.conf.d/tenant-b.conf");
        cli.session.root = true;
        assertThat(cli.run("exclusion", "add", "--root", root.toString(), "-e", "nqn=nqn.2024-01.com.example:retired")).isZero();
        assertThat(cli.run("exclusion", "add", "--root", root.toString(), "-N", "tenant-b", "-e", "host-iface=eth3")).isZero();
        assertThat(cli.run("exclusion", "add", "--root", root.toString(), "-N", "tenant-b",
                "-e", "transport=tcp;traddr=192.0.2.10;trsvcid=4420")).isZero();
    }

    @Test
    void listWithoutNameShowsEveryListDefaultFirst() {
        assertThat(cli.run("exclusion", "list", "--root", root.toString())).isZero();
        assertThat(cli.out()).isEqualTo("default (" + main + ")\n"
                + "  nqn=nqn.2024-01.com.example:retired\n"
                + "tenant-b (" + tenant + ")\n"
                + "  host-iface=eth3\n"
                + "  transport=tcp;traddr=192.0.2.10;trsvcid=4420\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void listWithNameShowsItsEntriesIndented() {
        assertThat(cli.run("exclusion", "list", "--root", root.toString(), "--name", "tenant-b")).isZero();
        assertThat(cli.out()).isEqualTo("  host-iface=eth3\n  transport=tcp;traddr=192.0.2.10;trsvcid=4420\n");
        assertThat(cli.run("exclusion", "list", "--root", root.toString())).isZero();
    }

    @Test
    void listOfAMissingListFails() {
        assertThat(cli.run("exclusion", "list", "--root", root.toString(), "-N", "nope")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion list: exclusion list 'nope' not found ("
                + root.resolve("etc/nvme/exclusions.conf.d/nope.conf") + ")\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void listShowsInvalidEntriesAndWarnsAboutThem() throws IOException {
        Files.writeString(tenant, "\nexclusion = transport=tcp;traddr=storage.example\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(cli.run("exclusion", "list", "--root", root.toString(), "-N", "tenant-b")).isZero();
        assertThat(cli.out()).endsWith("  transport=tcp;traddr=storage.example\n");
        assertThat(cli.err()).isEqualTo(tenant + ":9: warning: invalid entry never matches: 'transport=tcp;traddr=storage.example':"
                + " traddr 'storage.example' is not a numeric IPv4 or IPv6 address (transport tcp)\n");
    }

    @Test
    void listOfAnUnreadableListReportsItAndShowsTheOthers() throws IOException {
        Files.createDirectories(root.resolve("etc/nvme/exclusions.conf.d/broken.conf"));
        assertThat(cli.run("exclusion", "list", "--root", root.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("default (", "tenant-b (").doesNotContain("broken");
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion list: " + root.resolve("etc/nvme/exclusions.conf.d/broken.conf")
                + ": is a directory, not a file\n");
    }

    @Test
    void listAsJson() throws IOException {
        Files.writeString(main, "exclusion = bogus\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(cli.run("exclusion", "list", "--root", root.toString(), "--output", "json")).isZero();
        JsonNode lists = new ObjectMapper().readTree(cli.out()).get("lists");
        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).get("name").asText()).isEqualTo("default");
        assertThat(lists.get(0).get("file").asText()).isEqualTo(main.toString());
        assertThat(lists.get(0).get("default").asBoolean()).isTrue();
        JsonNode bogus = lists.get(0).get("entries").get(1);
        assertThat(bogus.get("line").asInt()).isEqualTo(7);
        assertThat(bogus.get("entry").asText()).isEqualTo("bogus");
        assertThat(bogus.get("valid").asBoolean()).isFalse();
        assertThat(bogus.get("problem").asText()).isEqualTo("bare token without '=': 'bogus'");
        JsonNode eth3 = lists.get(1).get("entries").get(0);
        assertThat(eth3.get("entry").asText()).isEqualTo("host-iface=eth3");
        assertThat(eth3.get("valid").asBoolean()).isTrue();
        assertThat(eth3.has("problem")).isFalse();
        assertThat(lists.get(1).get("default").asBoolean()).isFalse();
    }

    @Test
    void listWhenNothingExistsPrintsNothing() {
        assertThat(cli.run("exclusion", "list", "--root", root.resolve("empty").toString())).isZero();
        assertThat(cli.out()).isEmpty();
    }
}
