package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExclusionRemoveCommandTest {
    private static final String MENU = "  1. host-iface=eth3\n  2. nqn=nqn.b\n  3. nqn=nqn.c\nEntry to remove [1-3, empty to cancel]: ";
    private final ExclusionCli cli = new ExclusionCli();

    @TempDir
    Path root;

    @BeforeEach
    void aList() {
        cli.session.root = true;
        for (String entry : new String[] {"nqn=nqn.c", "host-iface=eth3", "nqn=nqn.b"}) {
            assertThat(cli.run("exclusion", "add", "--root", root.toString(), "-N", "t", "-e", entry)).isZero();
        }
    }

    private String entries() {
        assertThat(cli.run("exclusion", "list", "--root", root.toString(), "-N", "t")).isZero();
        return cli.out();
    }

    @Test
    void onATerminalTheUserPicksFromTheSortedEntries() {
        cli.session.terminal = true;
        cli.session.types("2");
        assertThat(cli.run("exclusion", "remove", "--root", root.toString(), "-N", "t")).isZero();
        assertThat(cli.out()).isEqualTo(MENU + "removed from exclusion list 't': nqn=nqn.b\n");
        assertThat(entries()).isEqualTo("  nqn=nqn.c\n  host-iface=eth3\n");
    }

    @Test
    void emptyOrUnlistedAnswerCancels() {
        cli.session.terminal = true;
        for (String answer : new String[] {"", "0", "4", "two", "-1", "99999999999"}) {
            cli.session.types(answer);
            assertThat(cli.run("exclusion", "remove", "--root", root.toString(), "-N", "t")).as(answer).isZero();
            assertThat(cli.out()).isEqualTo(MENU + "cancelled\n");
        }
        assertThat(cli.run("exclusion", "remove", "--root", root.toString(), "-N", "t")).as("end of input").isZero();
        assertThat(cli.out()).endsWith("cancelled\n");
        assertThat(entries()).isEqualTo("  nqn=nqn.c\n  host-iface=eth3\n  nqn=nqn.b\n");
    }

    @Test
    void withoutTerminalEntryIsRequired() {
        cli.session.terminal = false;
        assertThat(cli.run("exclusion", "remove", "--root", root.toString(), "-N", "t")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl exclusion remove: --entry is required when standard input is not a terminal\n");
        assertThat(cli.run("exclusion", "remove", "--root", root.toString(), "-N", "t", "--entry", "nqn=nqn.c")).isZero();
        assertThat(entries()).isEqualTo("  host-iface=eth3\n  nqn=nqn.b\n");
    }

    @Test
    void listWithoutEntriesHasNothingToPick() {
        cli.session.terminal = true;
        assertThat(cli.run("exclusion", "create", "--root", root.toString(), "-N", "empty")).isZero();
        assertThat(cli.run("exclusion", "remove", "--root", root.toString(), "-N", "empty")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion remove: exclusion list 'empty' has no entries\n");
        assertThat(cli.run("exclusion", "remove", "--root", root.toString(), "-N", "missing")).isEqualTo(1);
        assertThat(cli.err()).startsWith("nvme-discoverctl exclusion remove: exclusion list 'missing' not found (");
    }
}
