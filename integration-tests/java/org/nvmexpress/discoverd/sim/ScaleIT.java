package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.FabricBuilder.ioc;
import static org.nvmexpress.discoverd.sim.FabricBuilder.self;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.LogEntry;
import org.nvmexpress.discoverd.tid.Role;

/** 100 DCs listing 100 I/O controllers each: 10,100 connections, each through its own unit, once. */
class ScaleIT {
    static final int DCS = 100;
    static final int IOCS_PER_DC = 100;

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    @Test
    void aHundredDcsOfAHundredIocsEachConverge() {
        FabricBuilder fabric = new FabricBuilder();
        StringBuilder conf = new StringBuilder();
        for (int d = 0; d < DCS; d++) {
            String dcPort = "dc" + d;
            String iocPort = "p" + d;
            fabric.port(dcPort, "10.1." + d + ".1", "8009").port(iocPort, "10.2." + d + ".1", "4420");
            List<LogEntry> log = new ArrayList<>(List.of(self()));
            for (int i = 0; i < IOCS_PER_DC; i++) {
                String nqn = "nqn.2024-01.com.example:dc" + d + ".vol" + i;
                fabric.subsystem(nqn, iocPort);
                log.add(ioc(nqn, iocPort));
            }
            String dcNqn = "nqn.2024-01.com.example:dc" + d;
            fabric.dc(dcPort, dcNqn, dcPort, log.toArray(LogEntry[]::new));
            conf.append("[Discovery Controller]\nnqn = ").append(dcNqn).append('\n')
                    .append(controller("10.1." + d + ".1", "8009"));
        }
        long started = System.nanoTime();
        Simulation sim = new SimFixture(dir).write("etc/nvme/nvme-fabrics.conf", conf.toString()).start(fabric.build());
        sim.advance(Duration.ofMinutes(1));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        List<DaemonSnapshot.Controller> controllers = SimFixture.controllers(sim);
        Map<String, Long> states = controllers.stream()
                .collect(Collectors.groupingBy(DaemonSnapshot.Controller::state, Collectors.counting()));
        assertThat(states).containsExactly(Map.entry("connected", (long) DCS * (IOCS_PER_DC + 1)));
        assertThat(controllers).filteredOn(c -> c.role() == Role.DC).hasSize(DCS);
        assertThat(controllers).extracting(c -> c.device().orElseThrow()).doesNotHaveDuplicates();
        assertThat(sim.host().kernel().connects()).isEqualTo(DCS * (IOCS_PER_DC + 1));
        assertThat(sim.host().kernel().controllers()).hasSize(DCS * (IOCS_PER_DC + 1));
        assertThat(sim.host().systemd().connectorRuns()).isEqualTo(DCS * (IOCS_PER_DC + 1));
        assertThat(sim.control().snapshot().status().states()).containsEntry("connected", DCS * (IOCS_PER_DC + 1));
        System.out.printf("scale: %d controllers converged in %d ms of real time%n", controllers.size(), tookMillis);
    }
}
