package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.types.UInt64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.systemd.FakeSystemdManager.Answer;
import org.nvmexpress.discoverd.systemd.UnitEvent.BusLost;
import org.nvmexpress.discoverd.systemd.UnitEvent.BusRestored;
import org.nvmexpress.discoverd.systemd.UnitEvent.CallFailed;
import org.nvmexpress.discoverd.systemd.UnitEvent.JobDone;
import org.nvmexpress.discoverd.systemd.UnitEvent.UnitState;

/**
 * The unit manager with its real D-Bus adapter against a scripted systemd on a private
 * {@code dbus-daemon} (TESTING §2): the wire format, D-Bus error names, a call that never answers
 * and its settling, the same job path returned job after job, a {@code JobRemoved} sent before the
 * reply, systemd leaving and rejoining the bus, the listing of our units, and a restart of the bus.
 */
final class UnitManagerOnPrivateBusIT {
    private static final UnitRequest A = UnitFixtures.ioc(0);
    private static final UnitRequest B = UnitFixtures.ioc(1);

    @TempDir
    Path dir;
    private PrivateDbusDaemon daemon;
    private FakeSystemdManager systemd;
    private SystemdUnitManager manager;
    private final BlockingQueue<UnitEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void startBusAndFakeSystemd() throws Exception {
        assumeThat(Files.isExecutable(PrivateDbusDaemon.DBUS_DAEMON))
                .as("needs dbus-daemon (Debian package dbus); .ci/run installs it").isTrue();
        daemon = new PrivateDbusDaemon(dir);
        daemon.start();
        systemd = new FakeSystemdManager();
        systemd.connect(daemon.address());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (manager != null) {
            manager.close();
        }
        if (systemd != null) {
            systemd.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    private SystemdUnitManager manager(Duration callTimeout) throws InterruptedException {
        UnitManagerSettings settings = new UnitManagerSettings(Connector.NVME_CLI, "/usr/sbin/nvme",
                "/usr/bin/nvme-discoverctl", 8, Duration.ofSeconds(300), callTimeout, Duration.ofMillis(100),
                Duration.ofSeconds(1), daemon.address());
        manager = SystemdUnitManager.create(settings, nvme -> true,
                new DbusSystemdBus(settings.busAddress(), callTimeout), CallRunner.singleThread(),
                events::add);
        assertThat(systemd.nextCall()).isEqualTo("Subscribe");
        return manager;
    }

    private UnitEvent nextEvent() throws InterruptedException {
        UnitEvent event = events.poll(15, TimeUnit.SECONDS);
        assertThat(event).as("an event within 15 s").isNotNull();
        return event;
    }

    private static String call(String method, UnitRequest request) {
        return method + " " + request.unit().value();
    }

    @Test
    void propertiesCrossTheWireWithTheirTypesAndTheJobIsMatched() throws Exception {
        manager(Duration.ofSeconds(10)).start(UnitFixtures.mainVol());
        UnitRequest mainVol = UnitFixtures.mainVol();
        assertThat(systemd.nextCall()).isEqualTo(call("ResetFailedUnit", mainVol));
        assertThat(systemd.nextCall()).isEqualTo(call("StartTransientUnit", mainVol));
        List<SystemdManagerInterface.Property> props = systemd.propertiesOf(mainVol.unit().value());
        assertThat(props).extracting(p -> p.name + " " + p.value.getSig()).containsExactly("Type s",
                "RemainAfterExit b", "Description s", "CollectMode s", "TimeoutStopUSec t", "Before as", "After as",
                "ExecStart a(sasb)", "ExecStartPost a(sasb)", "ExecStop a(sasb)", "ExecStopPost a(sasb)");
        assertThat(props.get(4).value.getValue()).isEqualTo(new UInt64(300_000_000L));
        assertThat(props.get(2).value.getValue())
                .isEqualTo("NVMe I/O Controller nqn.2014-08.org.nvmexpress:main-vol @ 10.0.0.9:4420");
        Object[] execStart = (Object[]) ((List<?>) props.get(7).value.getValue()).get(0);
        assertThat(execStart[0]).isEqualTo("/usr/sbin/nvme");
        assertThat(((List<?>) execStart[1]).stream().map(String::valueOf).toList())
                .startsWith("/usr/sbin/nvme", "connect", "--transport=tcp")
                .endsWith("--devid-file=/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid");
        assertThat(execStart[2]).isEqualTo(false);

        systemd.finish(mainVol.unit().value(), "done");
        assertThat(nextEvent()).isEqualTo(new JobDone(mainVol.unit(), "done"));
    }

    @Test
    void systemdErrorsArriveWithTheirNames() throws Exception {
        systemd.answer(call("StartTransientUnit", A), Answer.UNIT_EXISTS);
        systemd.answer(call("RestartUnit", B), Answer.NO_SUCH_UNIT);
        SystemdUnitManager manager = manager(Duration.ofSeconds(10));
        manager.start(A);
        assertThat(nextEvent()).isEqualTo(new CallFailed(A.unit(), "StartTransientUnit", CallError.UNIT_EXISTS,
                "org.freedesktop.systemd1.UnitExists",
                "Unit " + A.unit() + " was already loaded or has a fragment file."));

        manager.restart(B);
        systemd.awaitCall(call("ResetFailedUnit", B));
        assertThat(systemd.nextCall()).isEqualTo(call("RestartUnit", B));
        assertThat(systemd.nextCall()).as("not loaded: created afresh").isEqualTo(call("StartTransientUnit", B));
        systemd.finish(B.unit().value(), "failed");
        assertThat(nextEvent()).isEqualTo(new JobDone(B.unit(), "failed"));
    }

    @Test
    void aCallThatNeverAnswersIsSettledByAskingSystemdAndTheNextOneGoesThrough() throws Exception {
        systemd.answer(call("StartTransientUnit", A), Answer.NEVER);
        SystemdUnitManager manager = manager(Duration.ofMillis(500));
        manager.start(A);
        manager.start(B);
        systemd.awaitCall(call("GetUnit", A));
        assertThat(nextEvent()).as("systemd has no such unit: the start never happened")
                .isEqualTo(new UnitState(A.unit(), "not-loaded", "not-loaded"));
        systemd.awaitCall(call("StartTransientUnit", B));
        systemd.finish(B.unit().value(), "done");
        assertThat(nextEvent()).isEqualTo(new JobDone(B.unit(), "done"));
    }

    @Test
    void aTimedOutRestartWhoseJobRunsIsFollowedToItsEnd() throws Exception {
        systemd.answer(call("RestartUnit", A), Answer.JOB_THEN_NEVER);
        SystemdUnitManager manager = manager(Duration.ofMillis(500));
        manager.restart(A);
        systemd.awaitCall(call("GetUnit", A));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 0));
        systemd.finish(A.unit().value(), "done");
        assertThat(nextEvent()).isEqualTo(new JobDone(A.unit(), "done"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void theSameJobPathReturnedJobAfterJobNeverCostsASlot() throws Exception {
        systemd.onePathPerUnit = true;
        SystemdUnitManager manager = manager(Duration.ofSeconds(10));
        for (int round = 0; round < 10; round++) {
            for (UnitRequest r : List.of(A, B)) {
                manager.restart(r);
                manager.restart(r);
            }
            for (UnitRequest r : List.of(A, B)) {
                systemd.awaitCall(call("RestartUnit", r));
                systemd.finish(r.unit().value(), "done");
            }
            assertThat(List.of(nextEvent(), nextEvent())).containsExactlyInAnyOrder(new JobDone(A.unit(), "done"),
                    new JobDone(B.unit(), "done"));
        }
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
        assertThat(events).isEmpty();
    }

    @Test
    void systemdLeavingTheBusIsNoticedAndOnItsReturnSubscribedToAndAskedAboutOurJobs() throws Exception {
        SystemdUnitManager manager = manager(Duration.ofSeconds(5));
        manager.start(A);
        systemd.awaitCall(call("StartTransientUnit", A));
        systemd.leave();
        assertThat(nextEvent()).isEqualTo(new BusLost("systemd left the system bus"));
        manager.start(B);
        systemd.setUnit(A.unit().value(), new FakeSystemdManager.UnitState("active", "success", 0));
        systemd.rejoin();
        systemd.awaitCall("Subscribe");
        assertThat(nextEvent()).isEqualTo(new BusRestored());
        assertThat(nextEvent()).isEqualTo(new UnitState(A.unit(), "active", "success"));
        systemd.awaitCall(call("StartTransientUnit", B));
        systemd.finish(B.unit().value(), "done");
        assertThat(nextEvent()).isEqualTo(new JobDone(B.unit(), "done"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void ourUnitsAreListedWithTheirStatesAndPendingJobs() throws Exception {
        systemd.setUnit(A.unit().value(), new FakeSystemdManager.UnitState("active", "success", 0));
        systemd.setUnit(B.unit().value(), new FakeSystemdManager.UnitState("activating", "success", 7));
        systemd.setUnit("nvme-discoverd-extra.service", new FakeSystemdManager.UnitState("active", "success", 0));
        systemd.setUnit("ssh.service", new FakeSystemdManager.UnitState("active", "success", 0));
        manager(Duration.ofSeconds(5)).listUnits();
        assertThat(systemd.nextCall()).isEqualTo("ListUnitsByPatterns nvme-discoverd-*");
        UnitEvent listed = nextEvent();
        assertThat(listed).isInstanceOf(UnitEvent.UnitsListed.class);
        assertThat(((UnitEvent.UnitsListed) listed).units()).containsExactlyInAnyOrder(
                new ListedUnit(A.unit(), "active", "exited", false), new ListedUnit(B.unit(), "activating", "dead", true));
    }

    @Test
    void aJobRemovedSentBeforeTheReplyIsMatched() throws Exception {
        for (int i = 0; i < 20; i++) {
            systemd.answer(call("StartTransientUnit", UnitFixtures.ioc(i)), Answer.JOB_REMOVED_BEFORE_REPLY);
        }
        SystemdUnitManager manager = manager(Duration.ofSeconds(10));
        for (int i = 0; i < 20; i++) {
            manager.start(UnitFixtures.ioc(i));
        }
        // The twenty calls are in flight together, so their replies (and events) may come in any order.
        List<UnitEvent> done = new ArrayList<>();
        List<UnitEvent> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            done.add(nextEvent());
            expected.add(new JobDone(UnitFixtures.ioc(i).unit(), "done"));
        }
        assertThat(done).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void aRestartedBusIsReconnectedAndTheJobsThatEndedMeanwhileAreReported() throws Exception {
        SystemdUnitManager manager = manager(Duration.ofSeconds(5));
        manager.start(A);
        manager.start(B);
        systemd.awaitCall(call("StartTransientUnit", B));
        daemon.kill();
        assertThat(nextEvent()).isInstanceOf(BusLost.class);

        systemd.setUnit(A.unit().value(), new FakeSystemdManager.UnitState("active", "success", 0));
        systemd.setUnit(B.unit().value(), new FakeSystemdManager.UnitState("activating", "success", 101));
        daemon.start();
        systemd.connect(daemon.address());
        assertThat(nextEvent()).isEqualTo(new BusRestored());
        assertThat(nextEvent()).isEqualTo(new UnitState(A.unit(), "active", "success"));

        systemd.finish(B.unit().value(), "done");
        assertThat(nextEvent()).isEqualTo(new JobDone(B.unit(), "done"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }
}
