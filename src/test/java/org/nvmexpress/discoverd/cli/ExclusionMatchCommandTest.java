package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExclusionMatchCommandTest {
    private static final String VOL1 = "transport=tcp;traddr=192.0.2.10;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1";
    private final ExclusionCli cli = new ExclusionCli();

    @TempDir
    Path root;

    private void add(String... args) {
        cli.session.root = true;
        String[] full = new String[args.length + 4];
        full[0] = "exclusion";
        full[1] = "add";
        full[2] = "--root";
        full[3] = root.toString();
        System.arraycopy(args, 0, full, 4, args.length);
        assertThat(cli.run(full)).isZero();
    }

    @Test
    void excludedNamesTheFirstMatchingEntryAndItsFile() {
        add("-N", "b", "-e", "traddr=::ffff:192.0.2.10");
        add("-N", "a", "-e", "nqn=nqn.2024-01.com.example:vol1");
        assertThat(cli.run("exclusion", "match", "--root", root.toString(), VOL1)).isZero();
        assertThat(cli.out()).isEqualTo("excluded by " + root.resolve("etc/nvme/exclusions.conf.d/a.conf")
                + ": nqn=nqn.2024-01.com.example:vol1\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void notExcludedExitsOne() {
        add("-e", "nqn=nqn.2024-01.com.example:vol2");
        assertThat(cli.run("exclusion", "match", "--root", root.toString(), VOL1)).isEqualTo(1);
        assertThat(cli.out()).isEqualTo("not excluded\n");
    }

    @Test
    void badEntryExitsTwoNamingTheToken() {
        assertThat(cli.run("exclusion", "match", "--root", root.toString(), "transport=tcp;subsysnqn=nqn.x")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl exclusion match: invalid ENTRY: unknown key 'subsysnqn' in token 'subsysnqn=nqn.x'");
        assertThat(cli.run("exclusion", "match", "--root", root.toString(), "transport=tcp;traddr=storage.example")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl exclusion match: invalid ENTRY: traddr 'storage.example' is not a numeric");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void unreadableListIsReportedAndTreatedAsEmpty() throws IOException {
        add("-N", "ok", "-e", "trsvcid=4420");
        Path broken = Files.createDirectories(root.resolve("etc/nvme/exclusions.conf"));
        assertThat(cli.run("exclusion", "match", "--root", root.toString(), VOL1)).isZero();
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion match: warning: " + broken
                + ": is a directory, not a file (treated as empty)\n");
        assertThat(cli.out()).isEqualTo("excluded by " + root.resolve("etc/nvme/exclusions.conf.d/ok.conf") + ": trsvcid=4420\n");
    }

    @Test
    void matchNeedsNoPrivileges() {
        cli.session.root = false;
        assertThat(cli.run("exclusion", "match", VOL1.replace("192.0.2.10", "198.51.100.77"))).isIn(0, 1);
        assertThat(cli.err()).doesNotContain("root privileges");
    }
}
