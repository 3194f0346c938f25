package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;
import static org.nvmexpress.discoverd.sim.SimFixture.devices;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.tid.UnitName;

/** A netlink overflow swallows a removal: the survey it starts finds it, long before the audit would. */
class UeventOverflowIT {
    static final String VOL = "nqn.2024-01.com.example:vol1";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    @Test
    void aRemovalWhoseUeventWasLostIsRepairedByTheRescan() {
        Fabric fabric = new FabricBuilder().port("a", "192.168.100.10", "4420").port("b", "192.168.101.10", "4420")
                .subsystem(VOL, "a", "b").build();
        Simulation sim = new SimFixture(dir).write("etc/nvme/nvme-discoverd.conf", "[Global]\naudit-interval-minutes = 60\n")
                .write("etc/nvme/nvme-fabrics.conf", "[Subsystem]\nnqn = " + VOL + "\n"
                        + controller("192.168.100.10", "4420") + controller("192.168.101.10", "4420"))
                .start(fabric);
        sim.advance(Duration.ofSeconds(5));
        DaemonSnapshot.Controller before = tracked(sim, "192.168.101.10", VOL);
        assertThat(before.state()).isEqualTo("connected");

        sim.host().kernel().loseEvents(1);
        assertThat(sim.host().kernel().disconnect(new DeviceName(before.device().orElseThrow()))).isTrue();
        assertThat(devices(sim, "192.168.101.10", VOL)).isEmpty();
        sim.advance(Duration.ofSeconds(30)); // far short of the hourly audit

        DaemonSnapshot.Controller after = tracked(sim, "192.168.101.10", VOL);
        assertThat(after.state()).isEqualTo("connected");
        assertThat(devices(sim, "192.168.101.10", VOL)).containsExactly(after.device().orElseThrow());
        assertThat(sim.host().systemd().connectorRuns(new UnitName(before.unit()))).isEqualTo(2);
        assertThat(sim.host().kernel().connects()).isEqualTo(3);
        assertThat(tracked(sim, "192.168.100.10", VOL).state()).isEqualTo("connected");
    }
}
