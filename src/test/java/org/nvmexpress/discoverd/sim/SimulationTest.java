package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.sim.fabric.Reachability;
import org.nvmexpress.discoverd.sim.fabric.Subsystem;

/** The simulated host under the real daemon, in virtual time: controllers from the configuration alone. */
class SimulationTest {
    static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:8a2b1c3d-0000-4000-8000-00000000a001";
    static final String VOL = "nqn.2024-01.com.example:vol1";

    @TempDir
    Path dir;

    private Path etc() throws IOException {
        Path etc = dir.resolve("etc");
        Files.createDirectories(etc.resolve("nvme"));
        Files.writeString(etc.resolve("nvme/hostnqn"), HOSTNQN + "\n");
        Files.writeString(etc.resolve("nvme/hostid"), "8a2b1c3d-0000-4000-8000-00000000a001\n");
        return etc;
    }

    private static Fabric twoPaths(Reachability second) {
        return new Fabric(List.of(new Port("a", "tcp", "192.168.100.10", "4420", Reachability.ALWAYS),
                new Port("b", "tcp", "192.168.101.10", "4420", second)),
                List.of(new Subsystem(VOL, List.of("a", "b"))), List.of(), List.of(), List.of(), Optional.empty());
    }

    private Simulation configured(Fabric fabric, String extra) throws IOException {
        Path etc = etc();
        Files.writeString(etc.resolve("nvme/nvme-fabrics.conf"), "[Subsystem]\nnqn = " + VOL + "\n"
                + "controller = transport=tcp;traddr=192.168.100.10;trsvcid=4420\n"
                + "controller = transport=tcp;traddr=192.168.101.10;trsvcid=4420\n" + extra);
        return Simulation.of(fabric, etc, dir.resolve("root"));
    }

    @Test
    void bothPathsConnectThroughUnitsAndTheRegistrySaysDiscoverd() throws IOException {
        Simulation sim = configured(twoPaths(Reachability.ALWAYS), "").startDaemon();
        sim.advance(Duration.ofSeconds(5));

        List<DaemonSnapshot.Controller> controllers = sim.control().snapshot().controllers();
        assertThat(controllers).extracting(DaemonSnapshot.Controller::state).containsOnly("connected");
        assertThat(controllers).extracting(c -> c.device().orElseThrow()).containsExactlyInAnyOrder("nvme0", "nvme1");
        Path root = sim.host().root();
        assertThat(Files.readString(root.resolve("sys/class/nvme/nvme0/subsysnqn"))).isEqualTo(VOL + "\n");
        assertThat(Files.readString(root.resolve("sys/class/nvme/nvme1/hostnqn"))).isEqualTo(HOSTNQN + "\n");
        assertThat(Files.readString(root.resolve("run/nvme/registry/nvme0/owner"))).isEqualTo("discoverd\n");
        assertThat(sim.host().systemd().units()).hasSize(2)
                .allSatisfy(u -> assertThat(u.activeState()).isEqualTo("active"));
        assertThat(sim.host().kernel().connects()).isEqualTo(2);
    }

    @Test
    void aPathDownForThirtyMinutesIsReconnectedWithinOneBackoffCapOfItsReturn() throws IOException {
        Reachability down = new Reachability(List.of(new Reachability.Window(Duration.ZERO, Duration.ofMinutes(30))),
                Optional.empty(), Duration.ZERO);
        Simulation sim = configured(twoPaths(down), "").startDaemon();
        sim.advance(Duration.ofMinutes(10));
        DaemonSnapshot.Controller waiting = byTraddr(sim, "192.168.101.10");
        assertThat(waiting.state()).isEqualTo("backoff");
        assertThat(waiting.attempts()).isGreaterThan(3);
        assertThat(waiting.nextRetryUSec()).isPresent();

        sim.advance(Duration.ofMinutes(20).plusMinutes(5).plusSeconds(31)); // back at 30 min; cap 5 min + 10 %
        assertThat(byTraddr(sim, "192.168.101.10").state()).isEqualTo("connected");
    }

    @Test
    void aControllerTheKernelGivesUpOnIsReconnectedByTheDaemon() throws IOException {
        Reachability blip = new Reachability(List.of(new Reachability.Window(Duration.ofMinutes(1),
                Duration.ofMinutes(2))), Optional.empty(), Duration.ZERO);
        Simulation sim = configured(twoPaths(blip), "[I/O Controller Defaults]\nctrl-loss-tmo = 20\n").startDaemon();
        sim.advance(Duration.ofSeconds(30));
        assertThat(byTraddr(sim, "192.168.101.10").device()).contains("nvme1");

        sim.advance(Duration.ofSeconds(60)); // down at 1 min, deleted 20 s later
        assertThat(sim.host().root().resolve("sys/class/nvme/nvme1")).doesNotExist();

        sim.advance(Duration.ofMinutes(7));
        assertThat(byTraddr(sim, "192.168.101.10").state()).isEqualTo("connected");
        assertThat(byTraddr(sim, "192.168.101.10").device()).contains("nvme1"); // the lowest free number again
    }

    private static DaemonSnapshot.Controller byTraddr(Simulation sim, String traddr) {
        return sim.control().snapshot().controllers().stream().filter(c -> traddr.equals(c.tid().traddr()))
                .findFirst().orElseThrow();
    }
}
