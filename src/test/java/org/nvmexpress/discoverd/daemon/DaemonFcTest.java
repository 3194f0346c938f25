package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.GiveUpTimeout;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.kernel.fc.FcKickstart;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/** Fibre Channel in virtual time: kickstart, announced DCs, recovered IOCs (issue 12; §15 items 20-21). */
final class DaemonFcTest {
    private static final String HOST = "nn-0x20000090fa942779:pn-0x10000090fa942779";
    private static final String REMOTE = "nn-0x200000109b3a1a1c:pn-0x100000109b3a1a1c";
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();
    private long seqnum = 7000;

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static TransportId fcDc() {
        return TransportId.builder().transport("fc").traddr(REMOTE).nqn(ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN)
                .hostTraddr(HOST).build();
    }

    private static TransportId fcIoc() {
        return TransportId.builder().transport("fc").traddr(REMOTE).nqn(DaemonHarness.VOL).hostTraddr(HOST).build();
    }

    private void announce(DaemonHarness h) {
        h.kernel(new KernelEvent.FcDiscovery(fcDc(), ++seqnum));
    }

    /** The daemon started with {@code config}, the FC transport present, its DC announced and connected. */
    private DaemonHarness announcedAndConnected(DaemonConfig config) {
        DaemonHarness h = new DaemonHarness(root);
        h.fabric.kickstartAnswers(FcKickstart.Outcome.REQUESTED).page("nvme0", 1, DlpWriter.fc(REMOTE, DaemonHarness.VOL));
        h.start(config);
        announce(h);
        h.connects("nvme0", fcDc(), Role.DC);
        return h;
    }

    @Test
    void theFcTransportIsKickstartedAtStartUp() {
        DaemonHarness h = new DaemonHarness(root).start();
        assertThat(h.fabric.kickstarts()).isEqualTo(1);
        assertThat(h.status()).isEqualTo("0 controllers");
    }

    @Test
    void anAnnouncedDcIsConnectedAndWalked() {
        DaemonHarness h = announcedAndConnected(DaemonConfig.DEFAULTS);
        assertThat(h.units.callsFor(fcDc().unitName())).containsExactly("start");
        assertThat(h.units.callsFor(fcIoc().unitName())).containsExactly("start");
        assertThat(h.status()).isEqualTo("2 controllers: 1 connected, 1 starting");
    }

    @Test
    void anFcIoControllerThatDropsIsRecoveredThroughItsDc() {
        DaemonHarness h = announcedAndConnected(DaemonConfig.DEFAULTS);
        h.connects("nvme1", fcIoc(), Role.IOC);
        h.test.advance(Duration.ofMinutes(10));
        h.removed("nvme1");
        assertThat(h.fabric.kickstarts()).isEqualTo(2);
        assertThat(h.fabric.fetchesOf("nvme0")).isEqualTo(2);
        assertThat(h.units.callsFor(fcIoc().unitName())).containsExactly("start", "restart");
    }

    @Test
    void thePeriodicKickstartFollowsReloadBothWays() {
        DaemonHarness h = new DaemonHarness(root).start(DaemonConfig.DEFAULTS.withFcKickstartIntervalMinutes(5));
        h.test.advance(Duration.ofMinutes(11));
        assertThat(h.fabric.kickstarts()).isEqualTo(3);
        h.host.write("etc/nvme/nvme-discoverd.conf", "[Discovery]\nfc-kickstart-interval-minutes = 0\n");
        reload(h);
        h.test.advance(Duration.ofHours(1));
        assertThat(h.fabric.kickstarts()).isEqualTo(3);
        h.host.write("etc/nvme/nvme-discoverd.conf", "[Discovery]\nfc-kickstart-interval-minutes = 20\n");
        reload(h);
        h.test.advance(Duration.ofMinutes(41));
        assertThat(h.fabric.kickstarts()).isEqualTo(5);
    }

    @Test
    void anAnnouncedDcThatKeepsFailingIsGivenUpAndTriedAgainWhenAnnouncedAgain() {
        DaemonHarness h = new DaemonHarness(root);
        h.start(DaemonConfig.DEFAULTS.withDcGiveupTimeout(GiveUpTimeout.immediately()));
        announce(h);
        h.jobDone(fcDc().unitName(), "failed");
        assertThat(h.status()).isEqualTo("1 controller: 0 connected, 1 given-up");
        h.test.advance(Duration.ofHours(1));
        assertThat(h.units.callsFor(fcDc().unitName())).containsExactly("start");
        announce(h);
        assertThat(h.units.callsFor(fcDc().unitName())).containsExactly("start", "restart");
    }

    private static void reload(DaemonHarness h) {
        h.test.loop.post(new LoopEvent.Reload());
        h.test.runPending();
    }
}
