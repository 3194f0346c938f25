package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.FabricBuilder.ioc;
import static org.nvmexpress.discoverd.sim.FabricBuilder.referral;
import static org.nvmexpress.discoverd.sim.FabricBuilder.self;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;
import static org.nvmexpress.discoverd.sim.SimFixture.devices;
import static org.nvmexpress.discoverd.sim.SimFixture.hasUnit;
import static org.nvmexpress.discoverd.sim.SimFixture.registryOwner;
import static org.nvmexpress.discoverd.sim.SimFixture.stateUnit;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.Fabric;

/**
 * A host as it is found in a lab: a configured DC that refers to a second one, multipath
 * subsystems behind both, a controller nvme-stas connected before the daemon started, a subsystem
 * the administrator excluded, and the path the firmware booted from. Everything the daemon wants
 * ends up connected through its own units; what it must not touch is left as it was.
 */
class ConvergenceIT {
    static final String DC1 = "nqn.2024-01.com.example:dc1";
    static final String DC2 = "nqn.2024-01.com.example:dc2";
    static final String VOL1 = "nqn.2024-01.com.example:vol1";
    static final String VOL2 = "nqn.2024-01.com.example:vol2";
    static final String STAS = "nqn.2024-01.com.example:stas-vol";
    static final String RETIRED = "nqn.2024-01.com.example:retired";
    static final String BOOT = "nqn.2024-01.com.example:boot";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    static Fabric lab() {
        return new FabricBuilder()
                .port("dc1", "192.168.100.5", "8009").port("dc2", "192.168.100.6", "8009")
                .port("a", "192.168.100.10", "4420").port("b", "192.168.101.10", "4420")
                .port("boot", "192.168.100.20", "4420")
                .subsystem(VOL1, "a", "b").subsystem(VOL2, "a", "b").subsystem(STAS, "a")
                .subsystem(RETIRED, "a").subsystem(BOOT, "boot")
                .dc("dc1", DC1, "dc1", self(), ioc(VOL1, "a"), ioc(VOL1, "b"), ioc(STAS, "a"), ioc(RETIRED, "a"),
                        referral("dc2"))
                .dc("dc2", DC2, "dc2", self(), ioc(VOL2, "a"), ioc(VOL2, "b"))
                .preconnected(STAS, "a", "stas")
                .boot(BOOT, "boot", "192.168.100.2")
                .build();
    }

    @Test
    void everythingDesiredIsConnectedAndWhatIsNotOursIsLeftAlone() {
        Simulation sim = new SimFixture(dir)
                .write("etc/nvme/nvme-fabrics.conf", "[Discovery Controller]\nnqn = " + DC1 + "\n"
                        + controller("192.168.100.5", "8009"))
                .write("etc/nvme/exclusions.conf", "[exclusions]\nexclusion = nqn=" + RETIRED + "\n")
                .start(lab());
        sim.advance(Duration.ofSeconds(30));

        for (String[] ours : List.of(new String[] {"192.168.100.5", DC1}, new String[] {"192.168.100.6", DC2},
                new String[] {"192.168.100.10", VOL1}, new String[] {"192.168.101.10", VOL1},
                new String[] {"192.168.100.10", VOL2}, new String[] {"192.168.101.10", VOL2})) {
            DaemonSnapshot.Controller c = tracked(sim, ours[0], ours[1]);
            assertThat(c.state()).as("%s at %s", ours[1], ours[0]).isEqualTo("connected");
            String device = c.device().orElseThrow();
            assertThat(devices(sim, ours[0], ours[1])).containsExactly(device);
            assertThat(registryOwner(sim, device)).contains("discoverd");
            assertThat(stateUnit(sim, device)).contains(c.unit()); // what the unit's ExecStop disconnects
            assertThat(hasUnit(sim, c.unit())).isTrue();
        }

        // The initramfs's boot connection has no registry entry: adopted, with the boot owner recorded.
        DaemonSnapshot.Controller boot = tracked(sim, "192.168.100.20", BOOT);
        assertThat(boot.state()).isEqualTo("connected");
        assertThat(boot.sources()).contains("nbft");
        assertThat(boot.owner()).isEqualTo("nbft");
        assertThat(devices(sim, "192.168.100.20", BOOT)).containsExactly(boot.device().orElseThrow());
        assertThat(registryOwner(sim, boot.device().orElseThrow())).contains("nbft");

        DaemonSnapshot.Controller retired = tracked(sim, "192.168.100.10", RETIRED);
        assertThat(retired.state()).isEqualTo("excluded");
        assertThat(retired.device()).isEmpty();
        assertThat(devices(sim, "192.168.100.10", RETIRED)).isEmpty();
        assertThat(hasUnit(sim, retired.unit())).isFalse();

        DaemonSnapshot.Controller foreign = tracked(sim, "192.168.100.10", STAS);
        assertThat(foreign.state()).isEqualTo("foreign");
        List<String> stasDevices = devices(sim, "192.168.100.10", STAS);
        assertThat(stasDevices).hasSize(1);
        assertThat(registryOwner(sim, stasDevices.get(0))).contains("stas");
        assertThat(stateUnit(sim, stasDevices.get(0))).isEmpty();
        assertThat(hasUnit(sim, foreign.unit())).isFalse();

        // Each controller once: boot and stas's from before, six of ours (two DCs, four paths).
        assertThat(sim.host().kernel().controllers()).hasSize(8);
        assertThat(sim.host().kernel().connects()).isEqualTo(6);
        assertThat(sim.host().systemd().units()).hasSize(6)
                .allSatisfy(u -> assertThat(u.activeState()).isEqualTo("active"));
    }
}
