package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The root check, list names, and a list's life: create, add, match, remove, delete. */
final class ExclusionCommandTest {
    private final ExclusionCli cli = new ExclusionCli();

    @TempDir
    Path tmp;

    private Path root() throws IOException {
        return Files.createDirectories(tmp.resolve("root"));
    }

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"add -e nqn=x", "remove -e nqn=x", "edit", "create", "delete", "create -N tenant-b"})
    void changingTheSystemsListsNeedsRoot(String command) {
        cli.session.root = false;
        String[] args = ("exclusion " + command).split(" ");
        assertThat(cli.run(args)).isEqualTo(1);
        String name = command.split(" ")[0];
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion " + name + ": this command requires root privileges (try sudo)\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void rootSpelledAnotherWayIsStillTheSystemsRoot() {
        cli.session.root = false;
        assertThat(cli.run("exclusion", "add", "--root", "/etc/..", "-e", "nqn=x")).isEqualTo(1);
        assertThat(cli.err()).contains("this command requires root privileges (try sudo)");
    }

    @Test
    void anotherRootNeedsNoPrivileges() throws IOException {
        cli.session.root = false;
        assertThat(cli.run("exclusion", "add", "--root", root().toString(), "-e", "nqn=x")).isZero();
        assertThat(root().resolve("etc/nvme/exclusions.conf")).exists();
    }

    @Test
    void helpExplainsTheRootRule() {
        assertThat(cli.run("exclusion", "--help")).isZero();
        assertThat(cli.out().replaceAll("\\s+", " ")).contains("needs root (effective uid 0) when it is the system's own, under --root /.",
                "the directory's permissions decide");
    }

    @Test
    void withoutSubcommandIsAUsageError() {
        assertThat(cli.run("exclusion")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl exclusion: a subcommand is required: list, add, remove, edit, create, delete, match\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../../outside", "a/b", "", "x.conf"})
    void badListNameIsRefusedBeforeAnythingIsWritten(String name) throws IOException {
        cli.session.root = true;
        Path root = root();
        for (String command : List.of("add", "create", "list", "delete", "remove", "edit")) {
            int status = command.equals("add") || command.equals("remove")
                    ? cli.run("exclusion", command, "--root", root.toString(), "--name", name, "-e", "nqn=x")
                    : cli.run("exclusion", command, "--root", root.toString(), "--name", name);
            assertThat(status).as(command).isEqualTo(2);
            assertThat(cli.err()).as(command).startsWith("nvme-discoverctl exclusion " + command
                    + ": Invalid value for option '--name': invalid exclusion list name '" + name
                    + "': use one or more letters, digits, '_' or '-'\n");
        }
        assertThat(tree(tmp)).containsExactly(tmp, root);
    }

    @Test
    void listLifeCycleFromCreateToDelete() throws IOException {
        String root = root().toString();
        Path file = root().resolve("etc/nvme/exclusions.conf.d/tenant-b.conf");
        assertThat(cli.run("exclusion", "create", "--root", root, "-N", "tenant-b")).isZero();
        assertThat(cli.out()).isEqualTo("created exclusion list 'tenant-b' (" + file + ")\n");
        assertThat(cli.run("exclusion", "create", "--root", root, "-N", "tenant-b")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion create: exclusion list 'tenant-b' already exists (" + file + ")\n");
        assertThat(cli.run("exclusion", "add", "--root", root, "-N", "tenant-b", "--entry", " host-iface=eth3 ")).isZero();
        assertThat(cli.out()).isEqualTo("added to exclusion list 'tenant-b': host-iface=eth3\n");
        assertThat(cli.run("exclusion", "match", "--root", root, "transport=tcp;traddr=10.0.0.1;host-iface=eth3")).isZero();
        assertThat(cli.out()).isEqualTo("excluded by " + file + ": host-iface=eth3\n");
        assertThat(cli.run("exclusion", "remove", "--root", root, "-N", "tenant-b", "-e", "host-iface=eth3")).isZero();
        assertThat(cli.out()).isEqualTo("removed from exclusion list 'tenant-b': host-iface=eth3\n");
        assertThat(cli.run("exclusion", "delete", "--root", root, "-N", "tenant-b")).isZero();
        assertThat(cli.out()).isEqualTo("deleted exclusion list 'tenant-b'\n");
        assertThat(cli.run("exclusion", "delete", "--root", root, "-N", "tenant-b")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion delete: exclusion list 'tenant-b' not found (" + file + ")\n");
    }

    @Test
    void defaultListMessagesSayDefault() throws IOException {
        String root = root().toString();
        assertThat(cli.run("exclusion", "add", "--root", root, "-e", "nqn=x")).isZero();
        assertThat(cli.out()).isEqualTo("added to exclusion list 'default': nqn=x\n");
        assertThat(cli.run("exclusion", "remove", "--root", root, "-e", "nqn=y")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion remove: entry 'nqn=y' not found in exclusion list 'default' ("
                + root().resolve("etc/nvme/exclusions.conf") + ")\n");
    }

    @Test
    void addWithAnInvalidEntryIsBadInput() throws IOException {
        String root = root().toString();
        assertThat(cli.run("exclusion", "add", "--root", root, "-e", "transport=tcp;traddr=storage.example")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion add: invalid exclusion entry 'transport=tcp;traddr=storage.example':"
                + " traddr 'storage.example' is not a numeric IPv4 or IPv6 address (transport tcp)\n");
        assertThat(cli.run("exclusion", "add", "--root", root, "-e", "nqn=a\nexclusion = nqn=b")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion add: invalid exclusion entry 'nqn=a\\nexclusion = nqn=b': contains a line break\n");
        assertThat(cli.run("exclusion", "add", "--root", root)).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl exclusion add: Missing required option: '--entry=ENTRY'\n");
        assertThat(tree(root())).containsExactly(root());
    }
}
