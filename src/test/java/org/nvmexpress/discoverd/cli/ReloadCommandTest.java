package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code nvme-discoverctl reload}: the answer, a rejected configuration, a refusal. */
final class ReloadCommandTest {
    private static final String ERRORS = """
            {"errors": ["/etc/nvme/nvme-fabrics.conf:14: inline comments are not supported",
                        "/etc/nvme/nvme-fabrics.conf.d/tenant-b.conf:7: unknown key 'trsvc'"]}""";

    private final FakeDaemon daemon = new FakeDaemon().reply("Reload", "{}");
    private final CommandRunner cli = new CommandRunner(daemon);

    @Test
    void reloadSaysItReloaded() {
        assertThat(cli.run("reload")).isZero();
        assertThat(daemon.calls).containsExactly("Reload {}");
        assertThat(cli.out()).isEqualTo("Reloaded.\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void reloadAsJson() throws IOException {
        assertThat(cli.run("reload", "-o", "json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).toString()).isEqualTo("{\"reloaded\":true,\"errors\":[]}");
    }

    @Test
    void rejectedConfigurationPrintsItsErrors() {
        daemon.error("Reload", "org.nvmexpress.discoverd.ReloadFailed", ERRORS);
        assertThat(cli.run("reload")).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("""
                nvme-discoverctl reload: the new fabrics configuration was rejected; the last good one stays in force
                /etc/nvme/nvme-fabrics.conf:14: inline comments are not supported
                /etc/nvme/nvme-fabrics.conf.d/tenant-b.conf:7: unknown key 'trsvc'
                """);
    }

    @Test
    void rejectedConfigurationAsJsonListsTheErrors() throws IOException {
        daemon.error("Reload", "org.nvmexpress.discoverd.ReloadFailed", ERRORS);
        assertThat(cli.run("reload", "--output", "json")).isEqualTo(1);
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(cli.out())).isEqualTo(mapper.readTree(ERRORS.replace("{", "{\"reloaded\": false, ")));
        assertThat(cli.err()).startsWith("nvme-discoverctl reload: the new fabrics configuration was rejected");
    }

    @Test
    void reloadByAnOrdinaryUserSaysItNeedsRoot() {
        daemon.error("Reload", "org.nvmexpress.discoverd.PermissionDenied", "{}");
        assertThat(cli.run("reload")).isEqualTo(4);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("nvme-discoverctl reload: reload needs root: the daemon allows it only to uid 0\n");
    }

    @Test
    void notRunningIsStatusThree() {
        daemon.refuse(new java.nio.file.NoSuchFileException("/x"));
        assertThat(cli.run("reload", "--socket", "/nonexistent/varlink")).isEqualTo(3);
        assertThat(cli.err()).isEqualTo("nvme-discoverd is not running (no socket at /nonexistent/varlink)\n");
    }
}
