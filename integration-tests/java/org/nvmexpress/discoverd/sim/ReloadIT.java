package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;
import static org.nvmexpress.discoverd.sim.SimFixture.devices;
import static org.nvmexpress.discoverd.sim.SimFixture.hasUnit;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.Fabric;

/** A reload that meets a drop-in with a syntax error: that file keeps its last good content. */
class ReloadIT {
    static final String MAIN = "nqn.2024-01.com.example:main";
    static final String DROPPED_IN = "nqn.2024-01.com.example:dropin";
    static final String NEW = "nqn.2024-01.com.example:new";
    static final String NEXT = "nqn.2024-01.com.example:next";
    static final String TRADDR = "192.168.100.10";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    private static String subsystem(String nqn) {
        return "[Subsystem]\nnqn = " + nqn + "\n" + controller(TRADDR, "4420");
    }

    @Test
    void aBrokenDropInKeepsItsLastGoodContentAndTheErrorIsReported() {
        Fabric fabric = new FabricBuilder().port("a", TRADDR, "4420").subsystem(MAIN, "a").subsystem(DROPPED_IN, "a")
                .subsystem(NEW, "a").subsystem(NEXT, "a").build();
        Simulation sim = new SimFixture(dir).write("etc/nvme/nvme-fabrics.conf", subsystem(MAIN))
                .write("etc/nvme/nvme-fabrics.conf.d/bad.conf", subsystem(DROPPED_IN)).start(fabric);
        sim.advance(Duration.ofSeconds(5));
        DaemonSnapshot.Controller dropIn = tracked(sim, TRADDR, DROPPED_IN);
        assertThat(dropIn.state()).isEqualTo("connected");
        long connects = sim.host().kernel().connects();

        Path etc = sim.host().root().resolve("etc/nvme");
        SimFixture.write(etc.resolve("nvme-fabrics.conf.d/bad.conf"), subsystem(NEW) + "this line is no key = value\n[Subsystem\n");
        SimFixture.write(etc.resolve("nvme-fabrics.conf"), subsystem(MAIN) + subsystem(NEXT)); // the good file applies
        CompletableFuture<DaemonControl.ReloadResult> reload = sim.control().reload();
        sim.runUntilIdle();
        DaemonControl.ReloadResult result = reload.join();
        sim.advance(Duration.ofSeconds(5));

        assertThat(result.failed()).isTrue();
        assertThat(result.errors()).isNotEmpty().allSatisfy(e -> assertThat(e).contains("bad.conf:"));
        List<String> statusErrors = sim.control().snapshot().status().configErrors();
        assertThat(statusErrors).isNotEmpty().allSatisfy(e -> assertThat(e).contains("bad.conf:"));
        assertThat(SimFixture.find(sim, TRADDR, NEW)).as("the broken file's new content").isEmpty();
        assertThat(tracked(sim, TRADDR, NEXT).state()).as("the good file's new content").isEqualTo("connected");
        DaemonSnapshot.Controller kept = tracked(sim, TRADDR, DROPPED_IN);
        assertThat(kept.state()).isEqualTo("connected");
        assertThat(kept.device()).isEqualTo(dropIn.device());
        assertThat(hasUnit(sim, kept.unit())).isTrue();
        assertThat(sim.host().kernel().connects()).isEqualTo(connects + 1);

        // Still desired, not just left alone: when it drops, it is reconnected.
        sim.host().kernel().disconnect(new DeviceName(kept.device().orElseThrow()));
        sim.advance(Duration.ofSeconds(30));
        assertThat(tracked(sim, TRADDR, DROPPED_IN).state()).isEqualTo("connected");
        assertThat(devices(sim, TRADDR, DROPPED_IN)).hasSize(1);
    }
}
