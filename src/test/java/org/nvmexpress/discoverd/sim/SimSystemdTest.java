package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.FabricsKey;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.sim.fabric.Reachability;
import org.nvmexpress.discoverd.sim.fabric.Subsystem;
import org.nvmexpress.discoverd.systemd.CallError;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.nvmexpress.discoverd.systemd.UnitManager.Submission;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/** The simulated systemd's units: jobs, the state scripts' effects, garbage collection. */
class SimSystemdTest {
    private static final String VOL = "nqn.2024-01.com.example:vol1";

    @TempDir
    Path root;

    private final VirtualTime time = new VirtualTime();
    private final List<UnitEvent> events = new ArrayList<>();
    private SimKernel kernel;
    private SimSystemd systemd;
    private SimUnitClient units;

    @BeforeEach
    void host() throws IOException {
        Files.createDirectories(root.resolve("etc/nvme"));
        Files.createDirectories(root.resolve("run/nvme/discoverd/units")); // the daemon unit's RuntimeDirectory=
        Files.writeString(root.resolve("etc/nvme/hostnqn"), "nqn.2014-08.org.nvmexpress:uuid:8a2b1c3d-0000-4000-8000-00000000a001\n");
        Reachability slow = new Reachability(List.of(), Optional.empty(), Duration.ofSeconds(3));
        Fabric fabric = new Fabric(List.of(new Port("a", "tcp", "192.168.100.10", "4420", Reachability.ALWAYS),
                new Port("s", "tcp", "192.168.102.10", "4420", slow)),
                List.of(new Subsystem(VOL, List.of("a", "s"))), List.of(), List.of(), List.of(), Optional.empty());
        Object lock = new Object();
        SimTargets targets = new SimTargets(fabric, time);
        kernel = new SimKernel(lock, time, targets, new SimSysfs(root));
        systemd = new SimSystemd(lock, time, targets, kernel, root);
        units = systemd.client(events::add);
    }

    private static UnitRequest request(String traddr, String... params) {
        TransportId tid = TransportId.builder().transport("tcp").traddr(traddr).trsvcid("4420").nqn(VOL).build();
        Params p = Params.EMPTY;
        for (int i = 0; i < params.length; i += 2) {
            p = p.with(FabricsKey.forName(params[i]).orElseThrow(), params[i + 1]);
        }
        return new UnitRequest(tid, Role.IOC, false, ConnectOptions.of(tid, null, p));
    }

    private void runFor(Duration d) {
        long target = time.nowNanos() + d.toNanos();
        time.runDue();
        while (time.nextDeadlineNanos().isPresent() && time.nextDeadlineNanos().getAsLong() <= target) {
            time.advanceTo(time.nextDeadlineNanos().getAsLong());
            time.runDue();
        }
        time.advanceTo(target);
    }

    private Path runtime(String relative) {
        return root.resolve("run/nvme/discoverd").resolve(relative);
    }

    @Test
    void aStartRunsTheConnectorThenScriptAAndTheUnitIsActive() throws IOException {
        UnitRequest r = request("192.168.100.10", "ctrl-loss-tmo", "30");
        assertThat(units.start(r)).isEqualTo(new Submission.Queued(r.unit()));
        runFor(Duration.ZERO);

        assertThat(events).containsExactly(new UnitEvent.JobDone(r.unit(), "done"));
        assertThat(Files.readString(runtime("units/" + r.unit().devidFileName()))).isEqualTo("nvme0\n");
        assertThat(Files.readString(runtime("controllers/nvme0/unit"))).isEqualTo(r.unit().value() + "\n");
        assertThat(Files.readString(root.resolve("run/nvme/registry/nvme0/owner"))).isEqualTo("discoverd\n");
        assertThat(systemd.units()).singleElement().satisfies(u -> {
            assertThat(u.activeState()).isEqualTo("active");
            assertThat(u.subState()).isEqualTo("exited");
        });
        assertThat(kernel.controllers()).singleElement().satisfies(c -> assertThat(c.ctrlLossTmo).isEqualTo(30));
    }

    @Test
    void oneJobPerUnitAndAStartOfALoadedUnitFailsWithUnitExists() {
        UnitRequest r = request("192.168.102.10");
        units.start(r);
        assertThat(units.start(r)).isEqualTo(new Submission.Joined(r.unit()));
        assertThat(systemd.units()).singleElement().satisfies(u -> assertThat(u.jobPending()).isTrue());
        runFor(Duration.ofSeconds(3)); // the slow port's connect delay
        assertThat(events).containsExactly(new UnitEvent.JobDone(r.unit(), "done"));

        units.start(r);
        assertThat(events.get(1)).isInstanceOfSatisfying(UnitEvent.CallFailed.class,
                f -> assertThat(f.error()).isEqualTo(CallError.UNIT_EXISTS));
        assertThat(systemd.connectorRuns(r.unit())).isEqualTo(1);
    }

    @Test
    void aFailedConnectUnloadsTheUnitSoTheNextRestartCreatesItAfresh() {
        UnitRequest r = request("10.9.9.9");
        units.start(r);
        runFor(Duration.ZERO);
        assertThat(events).containsExactly(new UnitEvent.JobDone(r.unit(), "failed"));
        assertThat(systemd.units()).isEmpty();

        units.restart(r);
        runFor(Duration.ZERO);
        assertThat(events).hasSize(2).last().isEqualTo(new UnitEvent.JobDone(r.unit(), "failed"));
        assertThat(systemd.connectorRuns(r.unit())).isEqualTo(2);
    }

    @Test
    void aStopDisconnectsOnlyTheDeviceThatIsStillThisUnits() throws IOException {
        UnitRequest a = request("192.168.100.10");
        units.start(a);
        runFor(Duration.ZERO);
        // The kernel dropped nvme0 and the number went to another connection behind our back.
        kernel.disconnect(new DeviceName("nvme0"));
        Files.writeString(runtime("controllers/nvme0/unit"), "nvme-discoverd-000000000000.service\n");
        units.start(request("192.168.102.10"));
        runFor(Duration.ofSeconds(3));
        assertThat(kernel.controllers()).extracting(c -> c.device.value()).containsExactly("nvme0");

        units.stop(a.unit());
        assertThat(kernel.controllers()).hasSize(1);
        assertThat(runtime("units/" + a.unit().devidFileName())).doesNotExist();
        assertThat(runtime("controllers/nvme0")).exists();
        assertThat(systemd.units()).hasSize(1);
    }

    @Test
    void aStopCancelsAStartStillRunningAndARestartOfAnActiveUnitReconnects() {
        UnitRequest slow = request("192.168.102.10");
        units.start(slow);
        units.stop(slow.unit());
        runFor(Duration.ofSeconds(5));
        assertThat(events).containsExactly(new UnitEvent.JobDone(slow.unit(), "canceled"));
        assertThat(systemd.connectorRuns(slow.unit())).isZero();

        UnitRequest a = request("192.168.100.10");
        units.start(a);
        runFor(Duration.ZERO);
        units.restart(a);
        runFor(Duration.ZERO);
        assertThat(events).endsWith(new UnitEvent.JobDone(a.unit(), "done"), new UnitEvent.JobDone(a.unit(), "done"));
        assertThat(kernel.connects()).isEqualTo(2); // script B disconnected it, the connector made it again
        assertThat(kernel.controllers()).hasSize(1);
    }
}
