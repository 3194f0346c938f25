package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nvme-discoverctl nbft controllers} on the fixture tables of {@code ../shared/fixtures/nbft}. */
final class NbftControllersCommandTest {
    private static final Path FIXTURES = Path.of("../shared/fixtures/nbft");
    private static final Path TABLES = FIXTURES.resolve("tables");
    private static final Path BAD_TABLES = FIXTURES.resolve("tables_bad");
    private static final String ME = "nvme-discoverctl nbft controllers: ";
    private static final String STATIC = "NBFT-static-ipv4-discovery";
    private static final String STATIC_CANONICAL = "transport=tcp;traddr=192.168.49.10;trsvcid=4420;"
            + "nqn=nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02;host-traddr=192.168.49.50";
    private static final String STATIC_HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9";

    private final CommandRunner cli = new CommandRunner();

    @TempDir
    Path root;

    private static void assumePresent(Path folder) {
        assumeTrue(Files.isDirectory(folder), () -> "NBFT fixtures not found: " + folder + " is absent");
    }

    /** Installs tables (fixture paths) under the root as {@code NBFT}, {@code NBFT1}, ... */
    private Path install(Path... tables) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/firmware/acpi/tables"));
        for (int i = 0; i < tables.length; i++) {
            assumePresent(tables[i].getParent());
            Files.copy(tables[i], dir.resolve(i == 0 ? "NBFT" : "NBFT" + i));
        }
        return dir;
    }

    /** The HFI's MAC of the static tables on eth0 under the root. */
    private void eth0() throws IOException {
        Path eth0 = Files.createDirectories(root.resolve("sys/class/net/eth0"));
        Files.writeString(eth0.resolve("address"), "52:54:00:b8:19:b9\n");
    }

    @Test
    void textListsEachControllerAndEachSkippedDescriptor() throws IOException {
        install(TABLES.resolve(STATIC));
        eth0();

        assertThat(cli.run("nbft", "controllers", "--root", root.toString())).isZero();
        assertThat(cli.out()).isEqualTo(String.join("\n",
                "ioc NBFT SSNS 1 via HFI 1",
                "  unit        nvme-discoverd-7b558b165f2b.service",
                "  tid         " + STATIC_CANONICAL,
                "  hostnqn     " + STATIC_HOSTNQN,
                "  hostid      e359b7a1-5d03-7747-b3cc-1754b8b819b9",
                "  host-iface  eth0",
                "skipped NBFT DD 1: referenced by SSNS 1",
                ""));
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void jsonCarriesTidUnitAndConnectOptions() throws IOException {
        Path table = TABLES.resolve(STATIC);
        assumePresent(TABLES);

        assertThat(cli.run("nbft", "controllers", "--root", root.toString(), "--output", "json", table.toString())).isZero();
        String expected = """
                {"controllers": [{"table": "%1$s", "source": "%2$s SSNS 1 via HFI 1", "role": "ioc",
                  "tid": {"transport": "tcp", "traddr": "192.168.49.10", "trsvcid": "4420",
                          "nqn": "nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02",
                          "hostTraddr": "192.168.49.50"},
                  "canonical": "%3$s", "unit": "nvme-discoverd-7b558b165f2b.service",
                  "hostnqn": "%4$s", "hostid": "e359b7a1-5d03-7747-b3cc-1754b8b819b9", "hostIface": null}],
                 "skipped": [{"table": "%1$s", "source": "%2$s DD 1", "kind": "referenced",
                              "reason": "referenced by SSNS 1"}]}
                """.formatted(table, STATIC, STATIC_CANONICAL, STATIC_HOSTNQN);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(cli.out())).isEqualTo(json.readTree(expected));
    }

    @Test
    void badTableExitsWithTwoWhileTheOthersPrint() throws IOException {
        Path bad = BAD_TABLES.resolve("NBFT-bad-control");
        Path dir = install(bad, TABLES.resolve("NBFT-Dell.PowerEdge.R660-fw1.5.5-single"));

        assertThat(cli.run("nbft", "controllers", "--root", root.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo(ME + dir.resolve("NBFT") + ": control descriptor at offset 64: not valid (flags 0x2c)\n");
        assertThat(cli.out()).startsWith("ioc NBFT1 SSNS 1 via HFI 1\n  unit        nvme-discoverd-efb00588caf6.service\n")
                .endsWith("\n  host-iface  none\nskipped NBFT1 SSNS 2 via HFI 1: duplicate of NBFT1 SSNS 1 via HFI 1\n");

        CommandRunner json = new CommandRunner();
        assertThat(json.run("nbft", "controllers", "--root", root.toString(), "-o", "json")).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(json.out()).get("controllers").get(0).get("unit").asText())
                .isEqualTo("nvme-discoverd-efb00588caf6.service");
    }

    @Test
    void tableWithoutControllersSaysSo() throws IOException {
        install(TABLES.resolve("NBFT-synthetic-security"));

        assertThat(cli.run("nbft", "controllers", "--root", root.toString())).isZero();
        assertThat(cli.out()).isEqualTo("No boot controllers.\nskipped NBFT SSNS 1: security profile 1 unsupported\n");
    }

    @Test
    void noTablesUnderTheRootIsNoError() throws IOException {
        assertThat(cli.run("nbft", "controllers", "--root", root.toString())).isZero();
        assertThat(cli.out()).isEqualTo("No NBFT in " + root.resolve("sys/firmware/acpi/tables") + ".\n");
        CommandRunner json = new CommandRunner();
        assertThat(json.run("nbft", "controllers", "--root", root.toString(), "-o", "json")).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).toString()).isEqualTo("{\"controllers\":[],\"skipped\":[]}");
    }

    @Test
    void unknownOutputFormatIsAUsageError() {
        assertThat(cli.run("nbft", "controllers", "--output", "dump")).isEqualTo(2);
        assertThat(cli.err()).startsWith(ME + "Invalid value for option '--output': expected one of [TEXT, JSON]"
                + " (case-insensitive) but was 'dump'\n");
    }
}
