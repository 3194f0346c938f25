package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code nvme-discoverctl nbft show} on the fixture tables of {@code ../shared/fixtures/nbft}. */
final class NbftShowCommandTest {
    private static final Path FIXTURES = Path.of("../shared/fixtures/nbft");
    private static final Path TABLES = FIXTURES.resolve("tables");
    private static final Path BAD_TABLES = FIXTURES.resolve("tables_bad");
    private static final String STATIC = "NBFT-static-ipv4-discovery";
    private static final String ME = "nvme-discoverctl nbft show: ";
    /** What each bad table breaks (reference §7.5). */
    private static final Map<String, String> BAD = Map.of(
            "NBFT-bad-control", "control descriptor at offset 64: not valid (flags 0x2c)",
            "NBFT-bad-oldspec", "header at offset 0: revision 1.32 is not supported (1.0 and 1.1 are)",
            "NBFT-random-noise", "header at offset 0: checksum mismatch: the 512 bytes of the file sum to 0x28 (mod 256), not 0");

    private final CommandRunner cli = new CommandRunner();

    @TempDir
    Path root;

    /** Skips the calling test unless {@code folder} exists. */
    private static void assumePresent(Path folder) {
        assumeTrue(Files.isDirectory(folder), () -> "NBFT fixtures not found: " + folder + " is absent");
    }

    private static Stream<Path> files(Path folder) throws IOException {
        assumePresent(folder);
        return Files.list(folder).sorted();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Installs fixture tables under the root as {@code NBFT}, {@code NBFT1}, ... */
    private Path install(String... names) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/firmware/acpi/tables"));
        for (int i = 0; i < names.length; i++) {
            assumePresent(TABLES);
            Files.copy(TABLES.resolve(names[i]), dir.resolve(i == 0 ? "NBFT" : "NBFT" + i));
        }
        return dir;
    }

    @TestFactory
    Stream<DynamicTest> dumpOfEveryTablePrintsItsReference() throws IOException {
        return files(TABLES).map(table -> DynamicTest.dynamicTest(table.getFileName().toString(), () -> {
            String expected = read(FIXTURES.resolve("diffs").resolve(table.getFileName()));
            assumeTrue(expected.startsWith("raw_nbft_size=" + Files.size(table) + "\n"),
                    () -> table + " is not the table its reference dump describes (the text of an unresolved symlink)");
            CommandRunner each = new CommandRunner();
            assertThat(each.run("nbft", "show", "--format", "dump", table.toString())).isZero();
            assertThat(each.out()).isEqualTo(expected);
            assertThat(each.err()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBadTableIsRejectedWithStatusTwo() throws IOException {
        return files(BAD_TABLES).map(table -> DynamicTest.dynamicTest(table.getFileName().toString(), () -> {
            CommandRunner each = new CommandRunner();
            assertThat(each.run("nbft", "show", "--format", "dump", table.toString())).isEqualTo(2);
            assertThat(each.out()).isEmpty();
            String why = BAD.get(table.getFileName().toString());
            assertThat(each.err()).startsWith(ME + table + ": ");
            if (why != null) {
                assertThat(each.err()).isEqualTo(ME + table + ": " + why + "\n");
            }
        }));
    }

    @Test
    void badTableNeverStopsTheOthers() throws IOException {
        assumePresent(TABLES);
        assumePresent(BAD_TABLES);
        Path bad = BAD_TABLES.resolve("NBFT-bad-control");
        Path good = TABLES.resolve(STATIC);
        assertThat(cli.run("nbft", "show", "-f", "dump", bad.toString(), good.toString())).isEqualTo(2);
        assertThat(cli.out()).isEqualTo("==> " + good + " <==\n" + read(FIXTURES.resolve("diffs").resolve(STATIC)));
        assertThat(cli.err()).isEqualTo(ME + bad + ": " + BAD.get("NBFT-bad-control") + "\n");
    }

    @Test
    void dumpsOfSeveralTablesAreHeadedAndSeparated() throws IOException {
        Path dir = install("NBFT-empty", "NBFT-empty");
        String empty = read(FIXTURES.resolve("diffs/NBFT-empty"));
        assertThat(cli.run("nbft", "show", "--root", root.toString(), "--format=dump")).isZero();
        assertThat(cli.out()).isEqualTo("==> " + dir.resolve("NBFT") + " <==\n" + empty + "\n==> " + dir.resolve("NBFT1")
                + " <==\n" + empty);
    }

    @Test
    void textSummarisesHostInterfacesDiscoveryAndNamespaces() throws IOException {
        Path dir = install(STATIC);
        assertThat(cli.run("nbft", "show", "--root", root.toString())).isZero();
        assertThat(cli.out()).isEqualTo(String.join("\n",
                dir.resolve("NBFT") + ": NBFT 1.0 from BOCHS BXPC, 825 bytes",
                "  host nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9",
                "       id e359b7a1-5d03-7747-b3cc-1754b8b819b9",
                "  hfi 1: 192.168.49.50/24 mac 52:54:00:b8:19:b9 vlan none gateway 0.0.0.0 host name nvmeof-sles",
                "  discovery 1: nvme+tcp://192.168.49.10:4420/ nqn.2014-08.org.nvmexpress.discovery via hfi 1",
                "  ssns 1: 192.168.49.10:4420 nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02 nsid 1"
                        + " via hfi 1, discovery 1",
                ""));
    }

    @Test
    void textPutsIpv6AddressesInBrackets() throws IOException {
        install("NBFT-auto-ipv6");
        assertThat(cli.run("nbft", "show", "--root", root.toString())).isZero();
        assertThat(cli.out()).contains("\n  ssns 1: [fd09:9a46:b5c1:1ff:5054:ff:fefd:9e66]:4420 nqn.");
    }

    @Test
    void jsonCarriesTheModelWithLinksAsIndexes() throws IOException {
        Path table = TABLES.resolve(STATIC);
        Path bad = BAD_TABLES.resolve("NBFT-bad-control");
        assumePresent(TABLES);
        assumePresent(BAD_TABLES);
        assertThat(cli.run("nbft", "show", "--format", "json", table.toString(), bad.toString())).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(cli.out());
        JsonNode parsed = json.get("tables").get(0);
        assertThat(parsed.get("file").asText()).isEqualTo(table.toString());
        assertThat(parsed.get("host").get("id").asText()).isEqualTo("e359b7a15d037747b3cc1754b8b819b9");
        assertThat(parsed.get("hfis").get(0).get("macAddress").asText()).isEqualTo("525400b819b9");
        JsonNode ssns = parsed.get("subsystemNamespaces").get(0);
        assertThat(ssns.get("hfis").toString()).isEqualTo("[1]");
        assertThat(ssns.get("discovery").asInt()).isEqualTo(1);
        assertThat(ssns.get("security").isNull()).isTrue();
        assertThat(ssns.get("nid").asText()).isEqualTo("df669a88bd6f4dd68a505f97eb55c835");
        assertThat(ssns.get("extendedInfo").get("controllerId").asInt()).isEqualTo(13);
        JsonNode rejected = json.get("rejected").get(0);
        assertThat(rejected.get("descriptor").asText()).isEqualTo("control descriptor");
        assertThat(rejected.get("offset").asInt()).isEqualTo(64);
        assertThat(rejected.get("message").asText()).isEqualTo("not valid (flags 0x2c)");
    }

    @Test
    void noTablesUnderTheRootIsNoError() throws IOException {
        assertThat(cli.run("nbft", "show", "--root", root.toString())).isZero();
        assertThat(cli.out()).isEqualTo("No NBFT in " + root.resolve("sys/firmware/acpi/tables") + ".\n");
        CommandRunner json = new CommandRunner();
        assertThat(json.run("nbft", "show", "--root", root.toString(), "-o", "json")).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).toString()).isEqualTo("{\"tables\":[],\"rejected\":[]}");
    }

    @Test
    void droppedDescriptorIsAWarningOnStderr() throws IOException {
        byte[] bytes = Files.readAllBytes(install(STATIC).resolve("NBFT"));
        bytes[200] = 4;
        bytes[9] = (byte) (bytes[9] - 3);
        Path table = root.resolve("NBFT-changed");
        Files.write(table, bytes);
        assertThat(cli.run("nbft", "show", table.toString())).isZero();
        assertThat(cli.err()).isEqualTo(ME + "warning: " + table
                + ": SSNS descriptor 0 at offset 192: primary discovery controller 4 not found (link left out)\n");
        assertThat(cli.out()).contains("  ssns 1: 192.168.49.10:4420 ").doesNotContain("discovery 1\n");
    }

    @Test
    void missingTableFileIsBadInput() {
        Path missing = root.resolve("NBFT7");
        assertThat(cli.run("nbft", "show", missing.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo(ME + missing + ": file: cannot read: no such file\n");
    }

    @Test
    void nbftWithoutSubcommandIsAUsageError() {
        assertThat(cli.run("nbft")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl nbft: a subcommand is required: show, controllers\n");
    }
}
