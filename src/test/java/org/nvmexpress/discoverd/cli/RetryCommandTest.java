package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code nvme-discoverctl retry [UNIT]}. */
final class RetryCommandTest {
    private static final String UNIT = "nvme-discoverd-c7f645736db2.service";

    private final FakeDaemon daemon = new FakeDaemon().reply("Retry", "{\"retried\": 3}");
    private final CommandRunner cli = new CommandRunner(daemon);

    @Test
    void retryWithoutAUnitRetriesAllInBackoff() {
        assertThat(cli.run("retry")).isZero();
        assertThat(daemon.calls).containsExactly("Retry {}");
        assertThat(cli.out()).isEqualTo("Retried 3 controllers.\n");
    }

    @Test
    void retryOfAUnitNamesIt() {
        daemon.reply("Retry", "{\"retried\": 1}");
        assertThat(cli.run("retry", UNIT)).isZero();
        assertThat(daemon.calls).containsExactly("Retry {\"unit\":\"" + UNIT + "\"}");
        assertThat(cli.out()).isEqualTo("Retried 1 controller.\n");
    }

    @Test
    void retryAsJson() {
        assertThat(cli.run("retry", "-o", "json")).isZero();
        assertThat(cli.out()).isEqualTo("{\n  \"retried\" : 3\n}\n");
    }

    @Test
    void retryByAnOrdinaryUserSaysItNeedsRoot() {
        daemon.error("Retry", "org.nvmexpress.discoverd.PermissionDenied", "{}");
        assertThat(cli.run("retry", UNIT)).isEqualTo(4);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl retry: retry needs root: the daemon allows it only to uid 0\n");
    }

    @Test
    void retryOfAnUnknownUnitIsAFailure() {
        daemon.error("Retry", "org.nvmexpress.discoverd.NoSuchController", "{\"unit\": \"" + UNIT + "\"}");
        assertThat(cli.run("retry", UNIT)).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl retry: no such controller: " + UNIT + "\n");
    }

    @Test
    void unexpectedErrorIsShownWithItsName() {
        daemon.error("Retry", "org.example.Surprise", "{\"why\": \"because\"}");
        assertThat(cli.run("retry")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl retry: the daemon answered org.example.Surprise"
                + " {\"why\":\"because\"}\n");
    }
}
