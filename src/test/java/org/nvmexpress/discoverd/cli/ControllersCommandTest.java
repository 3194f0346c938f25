package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code nvme-discoverctl controllers}: the table, its shortened values, JSON, filters, errors. */
final class ControllersCommandTest {
    /** What {@code controllers} prints for {@link DaemonFixtures#CONTROLLERS}; also the README's example. */
    static final String TABLE = """
            UNIT                                 ROLE  STATE      DEVICE  TARGET                            NQN                                   ATTEMPTS  NEXT RETRY  LAST ERROR
            nvme-discoverd-b515b4f89fbf.service  dc    connected  nvme0   tcp 192.168.1.10:8009             nqn.2014-08.org.nvmexpress.discovery         0  -           -
            nvme-discoverd-c7f645736db2.service  ioc   backoff    -       tcp 10.0.0.9:4420                 nqn.2014-08.org.nvmexpress:main-vol          3  in 12 s     connect failed: ECONNREFUSED (Connect...
            nvme-discoverd-0a1b2c3d4e5f.service  ioc   connected  nvme1   tcp [fd09:9a46:...efd:9e66]:4420  nqn.2022-12.org.n...t-nvmet.subsys02         0  -           -
            nvme-discoverd-5e6f7a8b9c0d.service  dc    parked     -       fc nn-0x2000009...000090fa942779  nqn.2014-08.org.nvmexpress.discovery         0  -           -

            4 controllers listed.
            """;

    private final FakeDaemon daemon = new FakeDaemon().reply("ListControllers", DaemonFixtures.CONTROLLERS);
    private final CommandRunner cli = new CommandRunner(daemon);

    @Test
    void controllersPrintsATableSizedToItsContent() {
        assertThat(cli.run("controllers")).isZero();
        assertThat(cli.out()).isEqualTo(TABLE);
        assertThat(cli.err()).isEmpty();
        assertThat(daemon.calls).containsExactly("ListControllers {}");
    }

    @Test
    void fullKeepsLongValuesWhole() {
        assertThat(cli.run("controllers", "--full")).isZero();
        assertThat(cli.out())
                .contains("  tcp [fd09:9a46:b5c1:1ff:5054:ff:fefd:9e66]:4420  ")
                .contains("  nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02  ")
                .contains("  connect failed: ECONNREFUSED (Connection refused) from 10.0.0.9 port 4420\n")
                .doesNotContain("...");
    }

    @Test
    void noLineEndsInBlanks() {
        assertThat(cli.run("controllers")).isZero();
        assertThat(cli.out().lines()).noneMatch(line -> line.endsWith(" "));
    }

    @Test
    void controllersAsJsonIsTheDaemonsControllersNeverShortened() throws IOException {
        assertThat(cli.run("controllers", "-o", "json")).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode controllers = mapper.readTree(cli.out()).get("controllers");
        assertThat(controllers).hasSize(4);
        assertThat(controllers.get(0)).isEqualTo(mapper.readTree(DaemonFixtures.DC));
        assertThat(controllers.get(3)).isEqualTo(mapper.readTree(DaemonFixtures.DC_FC));
        JsonNode backoff = controllers.get(1);
        assertThat(backoff.get("lastError").asText())
                .isEqualTo("connect failed: ECONNREFUSED (Connection refused) from 10.0.0.9 port 4420");
        assertThat(backoff.get("device").isNull()).isTrue();
        assertThat(backoff.get("tid").get("hostnqn").isNull()).isTrue();
        assertThat(backoff.has("sourceDetails")).isFalse();
        assertThat(controllers.get(2).get("tid").get("nqn").asText())
                .isEqualTo("nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02");
    }

    @Test
    void filtersGoToTheDaemon() {
        daemon.reply("ListControllers", DaemonFixtures.controllers(DaemonFixtures.IOC_BACKOFF));
        assertThat(cli.run("controllers", "--role", "ioc", "--state", "backoff")).isZero();
        assertThat(daemon.calls).containsExactly("ListControllers {\"role\":\"ioc\",\"state\":\"backoff\"}");
        assertThat(cli.out()).contains("nvme-discoverd-c7f645736db2.service").endsWith("\n1 controller listed.\n");
    }

    @Test
    void noControllersSaysSo() {
        daemon.reply("ListControllers", DaemonFixtures.NO_CONTROLLERS);
        assertThat(cli.run("controllers")).isZero();
        assertThat(cli.out()).isEqualTo("No controllers.\n");
        CommandRunner filtered = new CommandRunner(daemon);
        assertThat(filtered.run("controllers", "--state", "given_up")).isZero();
        assertThat(filtered.out()).isEqualTo("No controllers match.\n");
        CommandRunner json = new CommandRunner(daemon);
        assertThat(json.run("controllers", "-o", "json")).isZero();
        assertThat(json.out()).isEqualTo("{\n  \"controllers\" : [ ]\n}\n");
    }

    @Test
    void valueTheDaemonRejectsIsBadInput() {
        daemon.error("ListControllers", "org.varlink.service.InvalidParameter", "{\"parameter\": \"state\"}");
        assertThat(cli.run("controllers", "--state", "sleeping")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("nvme-discoverctl controllers: the daemon rejected the value of 'state'\n");
    }

    @Test
    void notRunningIsStatusThree() {
        daemon.refuse(new java.nio.file.NoSuchFileException("/run/nvme/discoverd/varlink"));
        assertThat(cli.run("controllers", "--socket", "/nonexistent/varlink")).isEqualTo(3);
        assertThat(cli.err()).isEqualTo("nvme-discoverd is not running (no socket at /nonexistent/varlink)\n");
    }

    /** The README's example is this formatter's output; it fails when one changes without the other. */
    @Test
    void readmeExampleIsWhatControllersPrints() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains("$ nvme-discoverctl controllers\n" + TABLE);
    }
}
