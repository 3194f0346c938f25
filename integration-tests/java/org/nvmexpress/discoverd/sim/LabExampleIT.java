package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.SimFixture.devices;
import static org.nvmexpress.discoverd.sim.SimFixture.hasUnit;
import static org.nvmexpress.discoverd.sim.SimFixture.registryOwner;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The lab the README's first command runs (examples/lab, docs/simulate.md), here in virtual time:
 * what its map says the daemon does is what the daemon does.
 */
class LabExampleIT {
    static final String P = "nqn.2024-01.com.example:";
    static final String A1 = "192.168.100.10";
    static final String B1 = "192.168.200.10";
    static final String A2 = "192.168.100.11"; // flapping from 8 s: 8 s down, 8 s up
    static final String B2 = "192.168.200.11";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    @Test
    void theLabConvergesAsItsMapSays() throws IOException {
        Path lab = Path.of(System.getProperty("project.basedir", ".")).resolve("examples/lab");
        Simulation sim = Simulation.open(lab, dir.resolve("root")).startDaemon();
        sim.advance(Duration.ofSeconds(15)); // before dc1's page changes at 20 s
        DaemonSnapshot.Controller vol2b1 = tracked(sim, B1, P + "vol2");
        assertThat(vol2b1.state()).isEqualTo("connected");

        sim.advance(Duration.ofMinutes(10).minus(sim.elapsed()));
        for (String[] c : new String[][] {{A1, "vol1"}, {B1, "vol1"}, {A1, "vol2"}, {B2, "vol3"}, {B2, "vol4"},
                {A1, "vol5"}, {B2, "vol5"}, {B1, "vol6"}, {B1, "boot"}}) {
            assertThat(SimFixture.find(sim, c[0], P + c[1])).as("%s at %s", c[1], c[0]).isPresent();
        }
        for (String[] c : new String[][] {{A1, "vol1"}, {B1, "vol1"}, {A1, "vol2"}, {B2, "vol3"}, {A1, "vol5"},
                {B2, "vol5"}, {B1, "boot"}}) {
            DaemonSnapshot.Controller ours = tracked(sim, c[0], P + c[1]);
            assertThat(ours.state()).as("%s at %s", c[1], c[0]).isEqualTo("connected");
            assertThat(registryOwner(sim, ours.device().orElseThrow())).contains("discoverd");
        }
        // Dropped from dc1's page at 20 s: no longer desired, still connected.
        assertThat(devices(sim, B1, P + "vol2")).containsExactly(vol2b1.device().orElseThrow());
        assertThat(hasUnit(sim, vol2b1.unit())).isTrue();

        DaemonSnapshot.Controller boot = tracked(sim, A1, P + "boot");
        assertThat(boot.state()).isEqualTo("connected");
        assertThat(boot.owner()).isEqualTo("nbft");
        assertThat(registryOwner(sim, boot.device().orElseThrow())).contains("nbft");

        for (String traddr : new String[] {A2, B2}) {
            assertThat(tracked(sim, traddr, P + "vol4").state()).isEqualTo("excluded");
            assertThat(devices(sim, traddr, P + "vol4")).isEmpty();
        }
        assertThat(tracked(sim, B1, P + "vol6").state()).isEqualTo("foreign");
        assertThat(registryOwner(sim, devices(sim, B1, P + "vol6").get(0))).contains("stas");

        // dc1's and the announced cdc's self entries have EPCSD set: held; dc2's has it clear: parked
        // between polls, its listing kept.
        assertThat(SimFixture.controllers(sim)).filteredOn(c -> c.role() == Role.DC)
                .extracting(c -> c.tid().traddr() + " " + c.state())
                .containsExactlyInAnyOrder("192.168.100.5 connected", "192.168.200.5 parked", "192.168.100.6 connected");
        // The flapping port's paths: retried, and no faster than the backoff allows.
        for (String nqn : new String[] {P + "vol3", P + "vol6"}) {
            int runs = sim.host().systemd().connectorRuns(new UnitName(tracked(sim, A2, nqn).unit()));
            assertThat(runs).as(nqn + " on a2").isGreaterThan(1).isLessThanOrEqualTo(1 + BackoffBound.attemptsWithin(sim.elapsed()));
        }
    }

    @Test
    void theLabsAnnouncedCdcIsFoundAndWalked() throws IOException {
        Path lab = Path.of(System.getProperty("project.basedir", ".")).resolve("examples/lab");
        Simulation sim = Simulation.open(lab, dir.resolve("root")).startDaemon();
        sim.advance(Duration.ofSeconds(30)); // as SimulateLauncherIT's --exit-after 30s

        DaemonSnapshot.Controller cdc = tracked(sim, "192.168.100.6", P + "cdc");
        assertThat(cdc.role()).isEqualTo(Role.DC);
        assertThat(cdc.state()).isEqualTo("connected"); // its self entry has EPCSD: held
        assertThat(cdc.sources()).contains("mdns");
        assertThat(cdc.tid().hostIface()).isEqualTo("eth0");
        DaemonSnapshot.Controller vol7 = tracked(sim, A1, P + "vol7");
        assertThat(vol7.state()).isEqualTo("connected");
        assertThat(registryOwner(sim, vol7.device().orElseThrow())).contains("discoverd");
        // docs/simulate.md: 17 listed at 30 s, 15 without browsing.
        assertThat(SimFixture.controllers(sim)).hasSize(17);
    }
}
