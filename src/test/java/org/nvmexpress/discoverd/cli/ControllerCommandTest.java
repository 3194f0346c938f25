package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code nvme-discoverctl controller UNIT|DEVICE}: one controller in detail. */
final class ControllerCommandTest {
    private final FakeDaemon daemon = new FakeDaemon();
    private final CommandRunner cli = new CommandRunner(daemon);

    @Test
    void deviceIsLookedUpAsADeviceAndShownWithItsSourceLines() {
        daemon.reply("GetController", DaemonFixtures.controller(DaemonFixtures.DC));
        assertThat(cli.run("controller", "nvme0")).isZero();
        assertThat(daemon.calls).containsExactly("GetController {\"device\":\"nvme0\"}");
        assertThat(cli.out()).isEqualTo("""
                nvme-discoverd-b515b4f89fbf.service
                        Role: dc
                       State: connected since 2025-01-15 09:00:00 UTC; 1 h ago
                      Device: nvme0
                      Target: tcp 192.168.1.10:8009
                         NQN: nqn.2014-08.org.nvmexpress.discovery
                   Canonical: transport=tcp;traddr=192.168.1.10;trsvcid=8009;nqn=nqn.2014-08.org.nvmexpress.discovery
                       Owner: discoverd
                     Sources: /etc/nvme/nvme-fabrics.conf:41
                    Attempts: 0
                  Next retry: none
                  Last error: none
                """);
    }

    @Test
    void unitIsLookedUpAsAUnitAndItsHostOptionsShown() {
        daemon.reply("GetController", DaemonFixtures.controller(DaemonFixtures.IOC_BOOT));
        assertThat(cli.run("controller", "nvme-discoverd-0a1b2c3d4e5f.service")).isZero();
        assertThat(daemon.calls).containsExactly("GetController {\"unit\":\"nvme-discoverd-0a1b2c3d4e5f.service\"}");
        assertThat(cli.out()).contains("""
                      Target: tcp [fd09:9a46:b5c1:1ff:5054:ff:fefd:9e66]:4420
                         NQN: nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02
                  Host iface: eth0
                    Host NQN: nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9
                     Host ID: e359b7a1-5d03-7747-b3cc-1754b8b819b9
                """).contains("     Sources: /sys/firmware/acpi/tables/NBFT: SSNS 1 via HFI 1\n")
                .contains("       State: connected since 2025-01-14 09:00:00 UTC; 1 d 1 h ago\n");
    }

    @Test
    void withoutSourceDetailsTheSourcesKindsAreShown() {
        daemon.reply("GetController", DaemonFixtures.controller(DaemonFixtures.IOC_BACKOFF));
        assertThat(cli.run("controller", "nvme-discoverd-c7f645736db2.service")).isZero();
        assertThat(cli.out()).contains("""
                      Device: none
                """).contains("""
                     Sources: dlp
                    Attempts: 3
                  Next retry: in 12 s (2025-01-15 10:00:12 UTC)
                  Last error: connect failed: ECONNREFUSED (Connection refused) from 10.0.0.9 port 4420
                """);
    }

    @Test
    void controllerAsJsonIsTheDaemonsController() throws IOException {
        daemon.reply("GetController", DaemonFixtures.controller(DaemonFixtures.IOC_BOOT));
        assertThat(cli.run("controller", "nvme1", "--output", "json")).isZero();
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(cli.out())).isEqualTo(mapper.readTree(DaemonFixtures.controller(DaemonFixtures.IOC_BOOT)));
    }

    @Test
    void unknownControllerIsAFailure() {
        daemon.error("GetController", "org.nvmexpress.discoverd.NoSuchController", "{\"unit\": null, \"device\": \"nvme7\"}");
        assertThat(cli.run("controller", "nvme7")).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("nvme-discoverctl controller: no such controller: nvme7\n");
    }

    @Test
    void controllerWithoutANameIsAUsageError() {
        assertThat(cli.run("controller")).isEqualTo(2);
        assertThat(daemon.calls).isEmpty();
    }
}
