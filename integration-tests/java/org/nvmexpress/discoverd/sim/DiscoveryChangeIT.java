package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.FabricBuilder.ioc;
import static org.nvmexpress.discoverd.sim.FabricBuilder.referral;
import static org.nvmexpress.discoverd.sim.FabricBuilder.self;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;
import static org.nvmexpress.discoverd.sim.SimFixture.devices;
import static org.nvmexpress.discoverd.sim.SimFixture.hasUnit;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.tid.UnitName;

/** What discovery log pages say over time: a change notice, and two DCs that refer to each other. */
class DiscoveryChangeIT {
    static final String DC1 = "nqn.2024-01.com.example:dc1";
    static final String DC2 = "nqn.2024-01.com.example:dc2";
    static final String KEPT = "nqn.2024-01.com.example:kept";
    static final String RETIRED = "nqn.2024-01.com.example:retired";
    static final String ADDED = "nqn.2024-01.com.example:added";
    static final String IOCS = "192.168.100.10";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    private Simulation withDc1(Fabric fabric) {
        return new SimFixture(dir).write("etc/nvme/nvme-fabrics.conf", "[Discovery Controller]\nnqn = " + DC1 + "\n"
                + controller("192.168.100.5", "8009")).start(fabric);
    }

    @Test
    void aChangeNoticeConnectsWhatIsNewAndLetsGoOfWhatIsGoneWithoutDisconnectingIt() {
        Fabric fabric = new FabricBuilder().port("dc1", "192.168.100.5", "8009").port("a", IOCS, "4420")
                .subsystem(KEPT, "a").subsystem(RETIRED, "a").subsystem(ADDED, "a")
                .dc("dc1", DC1, "dc1", self(), ioc(KEPT, "a"), ioc(RETIRED, "a"))
                .change(Duration.ofMinutes(2), "dc1", self(), ioc(KEPT, "a"), ioc(ADDED, "a"))
                .build();
        Simulation sim = withDc1(fabric);
        sim.advance(Duration.ofMinutes(1));
        assertThat(tracked(sim, IOCS, KEPT).state()).isEqualTo("connected");
        DaemonSnapshot.Controller retired = tracked(sim, IOCS, RETIRED);
        assertThat(retired.state()).isEqualTo("connected");
        assertThat(SimFixture.find(sim, IOCS, ADDED)).isEmpty();
        long readsBefore = sim.host().logPageReads();

        sim.advance(Duration.ofMinutes(1).plusSeconds(30)); // the AEN at 2 min
        assertThat(sim.host().logPageReads()).isGreaterThan(readsBefore);
        DaemonSnapshot.Controller added = tracked(sim, IOCS, ADDED);
        assertThat(added.state()).isEqualTo("connected");
        assertThat(added.sources()).containsExactly("dlp");
        assertThat(devices(sim, IOCS, ADDED)).containsExactly(added.device().orElseThrow());
        // No longer listed, but nothing is disconnected: the controller and its unit stay.
        String retiredDevice = retired.device().orElseThrow();
        assertThat(devices(sim, IOCS, RETIRED)).containsExactly(retiredDevice);
        assertThat(hasUnit(sim, retired.unit())).isTrue();

        // Both drop (an administrator's nvme disconnect): what is still listed comes back, the retired one does not.
        String keptDevice = tracked(sim, IOCS, KEPT).device().orElseThrow();
        assertThat(sim.host().kernel().disconnect(new DeviceName(keptDevice))).isTrue();
        assertThat(sim.host().kernel().disconnect(new DeviceName(retiredDevice))).isTrue();
        sim.advance(Duration.ofMinutes(30));

        assertThat(tracked(sim, IOCS, KEPT).state()).isEqualTo("connected");
        assertThat(devices(sim, IOCS, KEPT)).hasSize(1);
        assertThat(devices(sim, IOCS, RETIRED)).isEmpty();
        assertThat(sim.host().systemd().connectorRuns(new UnitName(retired.unit()))).isEqualTo(1);
        SimFixture.find(sim, IOCS, RETIRED).ifPresent(c -> assertThat(c.state()).isNotEqualTo("connected"));
    }

    @Test
    void aChangeMadeWhileTheDcWasAwayIsReadWhenTheKernelReconnectsIt() {
        Fabric fabric = new FabricBuilder()
                .port("dc1", "192.168.100.5", "8009",
                        FabricBuilder.downBetween(Duration.ofMinutes(1), Duration.ofMinutes(4)))
                .port("a", IOCS, "4420").subsystem(KEPT, "a").subsystem(ADDED, "a")
                .dc("dc1", DC1, "dc1", self(), ioc(KEPT, "a"))
                .change(Duration.ofMinutes(2), "dc1", self(), ioc(KEPT, "a"), ioc(ADDED, "a")) // no AEN: it is away
                .build();
        Simulation sim = withDc1(fabric);
        sim.advance(Duration.ofMinutes(3));
        DaemonSnapshot.Controller dc = tracked(sim, "192.168.100.5", DC1);
        assertThat(SimFixture.find(sim, IOCS, ADDED)).isEmpty();
        assertThat(devices(sim, "192.168.100.5", DC1)).containsExactly(dc.device().orElseThrow()); // reconnecting

        sim.advance(Duration.ofMinutes(2)); // back at 4 min, live again 10 s later (reconnect-delay)
        DaemonSnapshot.Controller added = tracked(sim, IOCS, ADDED);
        assertThat(added.state()).isEqualTo("connected");
        assertThat(devices(sim, IOCS, ADDED)).containsExactly(added.device().orElseThrow());
        // The kernel brought the DC back on its own: the daemon did not connect it again.
        assertThat(sim.host().systemd().connectorRuns(new UnitName(dc.unit()))).isEqualTo(1);
        assertThat(tracked(sim, "192.168.100.5", DC1).device()).isEqualTo(dc.device());
    }

    @Test
    void twoDcsReferringToEachOtherAreEachConnectedAndReadOnce() {
        Fabric fabric = new FabricBuilder().port("dc1", "192.168.100.5", "8009").port("dc2", "192.168.100.6", "8009")
                .port("a", IOCS, "4420").subsystem(KEPT, "a").subsystem(ADDED, "a")
                .dc("dc1", DC1, "dc1", self(), referral("dc2"), ioc(KEPT, "a"))
                .dc("dc2", DC2, "dc2", self(), referral("dc1"), ioc(ADDED, "a"))
                .build();
        Simulation sim = withDc1(fabric); // returns only once the simulation settled
        sim.advance(Duration.ofMinutes(1));

        for (String[] c : new String[][] {{"192.168.100.5", DC1}, {"192.168.100.6", DC2}, {IOCS, KEPT}, {IOCS, ADDED}}) {
            assertThat(tracked(sim, c[0], c[1]).state()).as(c[1]).isEqualTo("connected");
            assertThat(devices(sim, c[0], c[1])).as(c[1]).hasSize(1);
        }
        assertThat(SimFixture.controllers(sim)).hasSize(4);
        assertThat(sim.host().kernel().connects()).isEqualTo(4);
        assertThat(sim.host().systemd().connectorRuns()).isEqualTo(4);
        assertThat(sim.host().logPageReads()).isEqualTo(2);

        sim.advance(Duration.ofHours(2)); // held DCs with nothing new: the loop does not come back
        assertThat(sim.host().logPageReads()).isEqualTo(2);
        assertThat(sim.host().systemd().connectorRuns()).isEqualTo(4);
    }
}
