package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.FabricBuilder.ioc;
import static org.nvmexpress.discoverd.sim.FabricBuilder.self;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;
import static org.nvmexpress.discoverd.sim.SimFixture.registryOwner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.systemd.ListedUnit;
import org.nvmexpress.discoverd.tid.UnitName;

/** A daemon killed while its units' jobs run; systemd restarts it, and the new one finishes the work. */
class RestartIT {
    static final String DC = "nqn.2024-01.com.example:dc1";
    static final String VOL1 = "nqn.2024-01.com.example:vol1";
    static final String VOL2 = "nqn.2024-01.com.example:vol2";
    static final String VOL3 = "nqn.2024-01.com.example:vol3";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    @Test
    void aDaemonKilledMidConvergenceIsRestartedAndAdoptsEverythingWithoutConnectingAnythingTwice() throws IOException {
        // Connects take 2 s on port a, 3 s to the DC and 10 s on port b: at the kill some have finished, some not.
        Fabric fabric = new FabricBuilder()
                .port("dc", "192.168.100.5", "8009", FabricBuilder.slow(Duration.ofSeconds(3)))
                .port("a", "192.168.100.10", "4420", FabricBuilder.slow(Duration.ofSeconds(2)))
                .port("b", "192.168.101.10", "4420", FabricBuilder.slow(Duration.ofSeconds(10)))
                .subsystem(VOL1, "a", "b").subsystem(VOL2, "a", "b").subsystem(VOL3, "a", "b")
                .dc("dc1", DC, "dc", self(), ioc(VOL3, "a"), ioc(VOL3, "b"))
                .build();
        Simulation sim = new SimFixture(dir).write("etc/nvme/nvme-fabrics.conf", "[Discovery Controller]\nnqn = " + DC
                + "\n" + controller("192.168.100.5", "8009") + "[Subsystem]\nnqn = " + VOL1 + "\n"
                + controller("192.168.100.10", "4420") + controller("192.168.101.10", "4420") + "[Subsystem]\nnqn = "
                + VOL2 + "\n" + controller("192.168.100.10", "4420") + controller("192.168.101.10", "4420"))
                .start(fabric);
        sim.advance(Duration.ofSeconds(4)); // a's paths and the DC are up, the DC's page asked for vol3's two paths
        assertThat(SimFixture.controllers(sim)).hasSize(7);
        assertThat(sim.host().systemd().units()).filteredOn(ListedUnit::jobPending).hasSize(4);

        sim.killDaemon();
        sim.advance(Duration.ofSeconds(2)); // vol3's path on a finishes with nobody listening
        assertThat(sim.host().systemd().units()).filteredOn(ListedUnit::jobPending).hasSize(3);
        sim.startDaemon();
        sim.advance(Duration.ofMinutes(1));

        List<DaemonSnapshot.Controller> controllers = SimFixture.controllers(sim);
        assertThat(controllers).hasSize(7).allSatisfy(c -> {
            assertThat(c.state()).as(c.tid().toString()).isEqualTo("connected");
            assertThat(registryOwner(sim, c.device().orElseThrow())).contains("discoverd");
            assertThat(sim.host().systemd().connectorRuns(new UnitName(c.unit()))).as(c.unit()).isEqualTo(1);
        });
        assertThat(controllers).extracting(c -> c.device().orElseThrow()).doesNotHaveDuplicates();
        assertThat(sim.host().kernel().connects()).isEqualTo(7);
        assertThat(sim.host().kernel().controllers()).hasSize(7)
                .extracting(c -> c.port.transport() + " " + c.address() + " " + c.subsysnqn + " " + c.hostnqn)
                .doesNotHaveDuplicates(); // what sysfs shows of each: address, subsystem, host
        assertThat(sim.host().systemd().units()).hasSize(7)
                .allSatisfy(u -> assertThat(u.activeState()).isEqualTo("active"));
    }
}
