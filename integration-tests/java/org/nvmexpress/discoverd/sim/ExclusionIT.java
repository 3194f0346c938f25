package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;
import static org.nvmexpress.discoverd.sim.SimFixture.devices;
import static org.nvmexpress.discoverd.sim.SimFixture.hasUnit;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.tid.UnitName;

/** The exclusion lists are read before every attempt: an edit applies to the next retry, with no reload. */
class ExclusionIT {
    static final String VOL = "nqn.2024-01.com.example:vol1";
    static final String TRADDR = "192.168.100.10";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    @Test
    void anExclusionAddedDuringBackoffStopsTheRetries() {
        Duration back = Duration.ofHours(1);
        Fabric fabric = new FabricBuilder().port("a", TRADDR, "4420", FabricBuilder.downBetween(Duration.ZERO, back))
                .subsystem(VOL, "a").build();
        Simulation sim = new SimFixture(dir).write("etc/nvme/nvme-fabrics.conf", "[Subsystem]\nnqn = " + VOL + "\n"
                + controller(TRADDR, "4420")).start(fabric);
        sim.advance(Duration.ofMinutes(10));
        DaemonSnapshot.Controller waiting = tracked(sim, TRADDR, VOL);
        assertThat(waiting.state()).isEqualTo("backoff");
        UnitName unit = new UnitName(waiting.unit());
        int runs = sim.host().systemd().connectorRuns(unit);
        assertThat(runs).isGreaterThan(5);

        SimFixture.write(sim.host().root().resolve("etc/nvme/exclusions.conf"),
                "[exclusions]\nexclusion = transport=tcp;traddr=" + TRADDR + ";nqn=" + VOL + "\n");
        sim.advance(BackoffBound.CAP_WITH_JITTER); // the armed retry comes due, and meets the gate
        DaemonSnapshot.Controller excluded = tracked(sim, TRADDR, VOL);
        assertThat(excluded.state()).isEqualTo("excluded");
        assertThat(excluded.nextRetryUSec()).isEmpty();
        assertThat(sim.host().systemd().connectorRuns(unit)).isEqualTo(runs);

        sim.advance(Duration.ofHours(2)); // the target is back at 1 h: still nothing
        assertThat(sim.host().systemd().connectorRuns(unit)).isEqualTo(runs);
        assertThat(devices(sim, TRADDR, VOL)).isEmpty();
        assertThat(hasUnit(sim, unit.value())).isFalse();
        assertThat(tracked(sim, TRADDR, VOL).state()).isEqualTo("excluded");
    }
}
