package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nvme-discoverctl status} against a fake daemon, and what every daemon command shares. */
final class StatusCommandTest {
    /** What {@code status} prints for {@link DaemonFixtures#STATUS}; also the README's example. */
    static final String STATUS_TEXT = """
            nvme-discoverd 0.1.0
                 Running: since 2025-01-15 07:55:00 UTC; up 2 h 5 min
               Connector: nvme-cli
             Controllers: 4 (2 connected, 1 backoff, 1 parked)
                  Config: /etc/nvme/nvme-discoverd.conf
                          /etc/nvme/nvme-fabrics.conf
                          /etc/nvme/nvme-fabrics.conf.d/tenant-b.conf
                  Errors: /etc/nvme/nvme-fabrics.conf.d/tenant-b.conf:7: unknown key 'trsvc'
                    NBFT: /sys/firmware/acpi/tables/NBFT
             Last reload: 2025-01-15 09:30:00 UTC; 30 min ago
                    mDNS: browsing through avahi, 2 services seen
            """;

    @TempDir
    Path root;

    private final FakeDaemon daemon = new FakeDaemon().reply("GetStatus", DaemonFixtures.STATUS)
            .reply("ListControllers", DaemonFixtures.CONTROLLERS);
    private final CommandRunner cli = new CommandRunner(daemon);

    @Test
    void statusShowsTheDaemonOnOneScreen() {
        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).isEqualTo(STATUS_TEXT);
        assertThat(cli.err()).isEmpty();
        assertThat(daemon.calls).containsExactly("GetStatus {}", "ListControllers {}");
        assertThat(daemon.closed).isTrue();
    }

    @Test
    void statusOfAFreshDaemonSaysNoneAndNever() {
        daemon.reply("GetStatus", DaemonFixtures.STATUS_FRESH).reply("ListControllers", DaemonFixtures.NO_CONTROLLERS);
        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).isEqualTo("""
                nvme-discoverd 0.1.0
                     Running: since 2025-01-15 09:59:55 UTC; up 5 s
                   Connector: builtin
                 Controllers: 0
                      Config: none
                      Errors: none
                        NBFT: none
                 Last reload: never
                """);
    }

    @Test
    void statusAsJsonIsTheDaemonsStatusAndEveryStatesCount() throws IOException {
        assertThat(cli.run("status", "--output", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("status")).isEqualTo(new ObjectMapper().readTree(DaemonFixtures.STATUS).get("status"));
        assertThat(json.get("states").toString()).isEqualTo("{\"connected\":2,\"connecting\":0,\"backoff\":1,"
                + "\"parked\":1,\"excluded\":0,\"foreign\":0,\"given_up\":0}");
    }

    @Test
    void aDaemonThatDoesNotBrowseSaysSoAndAnOlderOneWithoutTheFieldsGetsNoLine() {
        daemon.reply("GetStatus", DaemonFixtures.STATUS_FRESH.replace("\"lastReloadUSec\": null",
                "\"lastReloadUSec\": null, \"browser\": \"none\", \"browsedServices\": 0"))
                .reply("ListControllers", DaemonFixtures.NO_CONTROLLERS);
        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).endsWith("Last reload: never\n        mDNS: not browsing (zeroconf = no, or no browser found)\n");
    }

    @Test
    void statusAsJsonHasVarlinkMdsKeysWhateverTheDaemonSends() throws IOException {
        daemon.reply("GetStatus", DaemonFixtures.STATUS_FRESH.replace("\"lastReloadUSec\": null", "\"newer\": true"));
        assertThat(cli.run("status", "-o", "json")).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out()).get("status");
        assertThat(status.get("lastReloadUSec").isNull()).isTrue();
        assertThat(status.has("newer")).isFalse();
    }

    @Test
    void socketIsUnderTheRootUnlessGiven() throws IOException {
        assertThat(cli.run("status", "--root", root.toString())).isZero();
        assertThat(new CommandRunner(daemon).run("status", "--socket", "/tmp/elsewhere")).isZero();
        assertThat(daemon.sockets).containsExactly(root.resolve("run/nvme/discoverd/varlink"), Path.of("/tmp/elsewhere"));
    }

    @Test
    void noSocketMeansNotRunningWithStatusThree() {
        daemon.refuse(new NoSuchFileException(root.resolve("run/nvme/discoverd/varlink").toString()));
        assertThat(cli.run("status", "--root", root.toString())).isEqualTo(3);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("nvme-discoverd is not running (no socket at "
                + root.resolve("run/nvme/discoverd/varlink") + ")\n");
    }

    @Test
    void refusedConnectionMeansNotRunningToo() throws IOException {
        Path stale = Files.createFile(root.resolve("varlink"));
        daemon.refuse(new ConnectException("Connection refused"));
        assertThat(cli.run("status", "--socket", stale.toString())).isEqualTo(3);
        assertThat(cli.err()).isEqualTo("nvme-discoverd is not running (no socket at " + stale + ")\n");
    }

    @Test
    void otherConnectFailureIsReportedAsIt() throws IOException {
        Path socket = Files.createFile(root.resolve("varlink"));
        daemon.refuse(new IOException("Permission denied"));
        assertThat(cli.run("status", "--socket", socket.toString())).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl status: cannot connect to nvme-discoverd at " + socket
                + ": Permission denied\n");
    }

    @Test
    void replyThatIsNotVarlinkMdsIsAFailure() {
        daemon.reply("GetStatus", "{\"status\": {\"version\": 1}}");
        assertThat(cli.run("status")).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("nvme-discoverctl status: unexpected reply from nvme-discoverd:"
                + " Status.version is not a string: 1\n");
    }

    @Test
    void olderDaemonWithoutTheMethodIsNamed() {
        FakeDaemon old = new FakeDaemon();
        CommandRunner runner = new CommandRunner(old);
        assertThat(runner.run("status")).isEqualTo(1);
        assertThat(runner.err()).isEqualTo("nvme-discoverctl status: the daemon does not offer"
                + " org.nvmexpress.discoverd.GetStatus (is it an older nvme-discoverd?)\n");
    }

    /** The README's example is this formatter's output; it fails when one changes without the other. */
    @Test
    void readmeExampleIsWhatStatusPrints() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains("$ nvme-discoverctl status\n" + STATUS_TEXT);
    }
}
