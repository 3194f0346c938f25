package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nvme-discoverctl monitor}: one line per event until Ctrl-C or the stream's end. */
final class MonitorCommandTest {
    private static final String CONNECTED_LINE = "09:59:00.250 connected       nvme-discoverd-b515b4f89fbf.service/nvme0"
            + " (tcp, 192.168.1.10, 8009, nqn.2014-08.org.nvmexpress.discovery) | nvme0 - connected";
    private static final String RELOADED_LINE = "09:59:29.500 reloaded        - reloaded: 3 files, 0 errors";

    private final FakeDaemon daemon = new FakeDaemon().event(DaemonFixtures.EVENT_CONNECTED)
            .event(DaemonFixtures.EVENT_RELOADED);
    private final CommandRunner cli = new CommandRunner(daemon);

    @Test
    void monitorPrintsOneLinePerEventUntilTheStreamEnds() {
        assertThat(cli.run("monitor")).isZero();
        assertThat(daemon.calls).containsExactly("Monitor {}");
        assertThat(cli.out()).isEqualTo(CONNECTED_LINE + "\n" + RELOADED_LINE + "\n");
        assertThat(cli.err()).isEqualTo("nvme-discoverctl monitor: nvme-discoverd ended the event stream\n");
    }

    @Test
    void ctrlCEndsTheMonitorWithStatusZero() {
        daemon.ctrlCAfter(1);
        assertThat(cli.run("monitor")).isZero();
        assertThat(cli.out()).isEqualTo(CONNECTED_LINE + "\n");
        assertThat(cli.err()).isEmpty();
        assertThat(daemon.closed).isTrue();
    }

    @Test
    void ctrlCWhileWaitingForTheNextEventEndsItToo() {
        daemon.ctrlCAfter(2);
        assertThat(cli.run("monitor")).isZero();
        assertThat(cli.out().lines()).hasSize(2);
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void lostConnectionIsAFailure() {
        daemon.dropAfter(1);
        assertThat(cli.run("monitor")).isEqualTo(1);
        assertThat(cli.out()).isEqualTo(CONNECTED_LINE + "\n");
        assertThat(cli.err()).isEqualTo("nvme-discoverctl monitor: connection to nvme-discoverd lost:"
                + " Connection reset by peer\n");
    }

    @Test
    void monitorAsJsonIsOneEventPerLine() throws IOException {
        assertThat(cli.run("monitor", "-o", "json")).isZero();
        List<String> lines = cli.out().lines().toList();
        ObjectMapper mapper = new ObjectMapper();
        assertThat(lines).hasSize(2);
        assertThat(mapper.readTree(lines.get(0))).isEqualTo(mapper.readTree(DaemonFixtures.EVENT_CONNECTED));
        assertThat(mapper.readTree(lines.get(1))).isEqualTo(mapper.readTree(DaemonFixtures.EVENT_RELOADED));
    }

    @Test
    void malformedEventIsAFailure() {
        FakeDaemon bad = new FakeDaemon().event("{\"kind\": \"connected\"}");
        CommandRunner runner = new CommandRunner(bad);
        assertThat(runner.run("monitor")).isEqualTo(1);
        assertThat(runner.err()).isEqualTo("nvme-discoverctl monitor: unexpected reply from nvme-discoverd:"
                + " Event.timestampUSec is not an integer: null\n");
    }

    @Test
    void notRunningIsStatusThree() {
        daemon.refuse(new java.net.ConnectException("Connection refused"));
        assertThat(cli.run("monitor", "--socket", "/nonexistent/varlink")).isEqualTo(3);
        assertThat(cli.err()).isEqualTo("nvme-discoverd is not running (no socket at /nonexistent/varlink)\n");
    }
}
