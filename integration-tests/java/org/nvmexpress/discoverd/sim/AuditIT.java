package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.tid.UnitName;

/** The periodic audit repairs what drifted; a controller that only changed state has not drifted. */
class AuditIT {
    static final String VOL = "nqn.2024-01.com.example:vol1";
    static final String TRADDR = "192.168.101.10";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    @Test
    void aStableControllerTheAuditSawReconnectingIsReconnectedAtOnceWhenTheKernelGivesUp() {
        // Up for 595 s, then down; the audit runs at 600 s while the kernel reconnects (state
        // connecting), and the kernel deletes it at 625 s (ctrl-loss-tmo 30).
        Fabric fabric = new FabricBuilder()
                .port("b", TRADDR, "4420", FabricBuilder.downBetween(Duration.ofSeconds(595), Duration.ofHours(2)))
                .subsystem(VOL, "b").build();
        Simulation sim = new SimFixture(dir).write("etc/nvme/nvme-discoverd.conf", "[Global]\naudit-interval-minutes = 10\n")
                .write("etc/nvme/nvme-fabrics.conf", "[I/O Controller Defaults]\nctrl-loss-tmo = 30\n[Subsystem]\nnqn = "
                        + VOL + "\n" + controller(TRADDR, "4420"))
                .start(fabric);
        sim.advance(Duration.ofSeconds(620));
        DaemonSnapshot.Controller c = tracked(sim, TRADDR, VOL);
        assertThat(c.state()).isEqualTo("connected");
        UnitName unit = new UnitName(c.unit());
        assertThat(sim.host().systemd().connectorRuns(unit)).isEqualTo(1);

        sim.advance(Duration.ofMillis(5_500)); // deleted at 625 s
        // Connected for 595 s, more than the 300 s after which a removal is no flap (docs/daemon.md):
        // reconnected at once, not after a backoff. The audit's state read is no new connection.
        assertThat(sim.host().systemd().connectorRuns(unit)).isEqualTo(2);
        assertThat(tracked(sim, TRADDR, VOL).attempts()).isEqualTo(1);
    }
}
