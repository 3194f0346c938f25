package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.systemd.SystemdBus.UnitStatus;
import org.nvmexpress.discoverd.systemd.UnitEvent.BusLost;
import org.nvmexpress.discoverd.systemd.UnitEvent.BusRestored;
import org.nvmexpress.discoverd.systemd.UnitEvent.CallFailed;
import org.nvmexpress.discoverd.systemd.UnitEvent.JobDone;
import org.nvmexpress.discoverd.systemd.UnitEvent.UnitState;

/**
 * Losing the bus, through the unit manager against a scripted systemd in virtual time: reconnection
 * with backoff, calls held meanwhile, the resync that reports jobs whose {@code JobRemoved} was lost,
 * and nothing stopped because the bus went.
 */
final class BusRecoveryTest {
    private static final UnitRequest A = UnitFixtures.ioc(0);
    private static final UnitRequest B = UnitFixtures.ioc(1);
    private static final UnitRequest C = UnitFixtures.ioc(2);
    private static final UnitRequest D = UnitFixtures.ioc(3);

    private final FakeSystemdBus bus = new FakeSystemdBus();
    private final ManualCallRunner runner = new ManualCallRunner();
    private final List<UnitEvent> events = new ArrayList<>();

    private SystemdUnitManager manager(int maxPending) {
        return UnitFixtures.manager(bus, runner, events, maxPending);
    }

    @Test
    void theFirstConnectionIsRetriedWithBackoffWhileRequestsWait() {
        bus.failConnects(2);
        SystemdUnitManager manager = manager(2);
        manager.start(A);
        runner.runPending();
        assertThat(events).containsExactly(new BusLost("cannot connect to unix:path=/x: refused"));
        assertThat(runner.nextTimer()).isEqualTo(Duration.ofMillis(250));
        runner.advance(Duration.ofMillis(250));
        assertThat(runner.nextTimer()).isEqualTo(Duration.ofMillis(500));
        assertThat(bus.callsOf("StartTransientUnit")).isEmpty();
        runner.advance(Duration.ofMillis(500));
        assertThat(bus.calls).containsExactly("Hello", "Hello", "Hello", "Subscribe", call("ResetFailedUnit", A),
                call("StartTransientUnit", A));
        assertThat(events).containsExactly(new BusLost("cannot connect to unix:path=/x: refused"), new BusRestored());
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 0));
    }

    @Test
    void afterABusLossTheJobsThatEndedMeanwhileAreReportedAndNothingIsStopped() {
        SystemdUnitManager manager = manager(4);
        manager.start(A);
        manager.start(B);
        manager.start(C);
        runner.runPending();
        bus.failConnects(1);
        bus.loseBus("connection reset");
        manager.start(D);
        manager.stop(UnitFixtures.ioc(9).unit());
        runner.runPending();
        assertThat(events).containsExactly(new BusLost("connection reset"));
        assertThat(bus.calls).doesNotContain(call("StartTransientUnit", D));

        bus.statuses.put(A.unit(), new UnitStatus("active", "success", Optional.empty()));
        bus.statuses.put(B.unit(), new UnitStatus("inactive", "success", Optional.of(bus.jobs.get(B.unit()).get(0))));
        runner.advance(Duration.ofMillis(250));
        assertThat(events).hasSize(4).startsWith(new BusLost("connection reset"), new BusRestored())
                .contains(new UnitState(A.unit(), "active", "success"),
                        new UnitState(C.unit(), "not-loaded", "not-loaded"));
        assertThat(bus.calls).contains(call("GetUnit", A), call("GetUnit", B), call("GetUnit", C),
                call("StartTransientUnit", D), call("StopUnit", UnitFixtures.ioc(9)));
        assertThat(bus.callsOf("StopUnit")).as("losing the bus stops nothing").hasSize(1);
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(2, 0));

        bus.finish(B.unit(), "done");
        assertThat(events).last().isEqualTo(new JobDone(B.unit(), "done"));
    }

    @Test
    void aStartWhoseReplyTheBusLostIsSettledByTheResync() {
        SystemdUnitManager manager = manager(4);
        runner.runPending();
        bus.failNext(call("StartTransientUnit", A), BusCallException.DISCONNECTED, "the bus connection closed");
        bus.failNext(call("StartTransientUnit", B), BusCallException.DISCONNECTED, "the bus connection closed");
        bus.failConnects(1);
        manager.start(A);
        manager.start(B);
        runner.runPending();
        assertThat(events).as("no failure reported: systemd may have made the job")
                .containsExactly(new BusLost("the bus connection closed"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(2, 0));

        bus.statuses.put(B.unit(),
                new UnitStatus("activating", "success", Optional.of("/org/freedesktop/systemd1/job/9")));
        runner.advance(Duration.ofMillis(250));
        assertThat(events).containsExactly(new BusLost("the bus connection closed"), new BusRestored(),
                new UnitState(A.unit(), "not-loaded", "not-loaded"));
        bus.signal("/org/freedesktop/systemd1/job/9", B.unit().value(), "done");
        assertThat(events).last().isEqualTo(new JobDone(B.unit(), "done"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void aRestartThatFindsTheBusGoneIsReportedForTheCallerToRepeat() {
        SystemdUnitManager manager = manager(4);
        bus.failNext(call("RestartUnit", A), BusCallException.DISCONNECTED, "not connected to the system bus");
        manager.restart(A);
        runner.runPending();
        assertThat(events).containsExactly(new BusLost("not connected to the system bus"),
                new CallFailed(A.unit(), "RestartUnit", CallError.BUS_LOST, "org.freedesktop.DBus.Error.Disconnected",
                        "not connected to the system bus"),
                new BusRestored());
        assertThat(bus.calls).endsWith("Hello", "Subscribe");
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void aStopThatFindsTheBusGoneIsSentOnceTheBusIsBack() {
        SystemdUnitManager manager = manager(4);
        runner.runPending();
        bus.failNext(call("StopUnit", A), BusCallException.DISCONNECTED, "the bus connection closed");
        bus.failConnects(1);
        manager.stop(A.unit());
        runner.runPending();
        assertThat(bus.callsOf("StopUnit")).hasSize(1);
        runner.advance(Duration.ofMillis(250));
        assertThat(bus.callsOf("StopUnit")).containsExactly(call("StopUnit", A), call("StopUnit", A));
        assertThat(events).containsExactly(new BusLost("the bus connection closed"), new BusRestored());
    }

    @Test
    void aResyncThatCannotReadAUnitsStateReportsItAndFreesItsSlot() {
        SystemdUnitManager manager = manager(4);
        manager.start(A);
        runner.runPending();
        bus.failNext(call("GetUnit", A), "org.freedesktop.DBus.Error.AccessDenied", "denied");
        bus.loseBus("connection reset");
        runner.runPending();
        assertThat(events).containsExactly(new BusLost("connection reset"), new BusRestored(),
                new CallFailed(A.unit(), "GetUnit", CallError.ACCESS_DENIED, "org.freedesktop.DBus.Error.AccessDenied",
                        "denied"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void systemdLeavingAndRejoiningTheBusIsSubscribedToAgainAndAskedAboutOurJobs() {
        SystemdUnitManager manager = manager(4);
        manager.start(A);
        manager.start(B);
        runner.runPending();
        bus.systemdLeaves(true);
        manager.start(C);
        runner.runPending();
        assertThat(events).containsExactly(new BusLost("systemd left the system bus"));
        assertThat(bus.callsOf("StartTransientUnit")).as("calls wait for systemd").hasSize(2);
        assertThat(runner.nextTimer()).as("and it is looked for with backoff").isEqualTo(Duration.ofMillis(250));

        bus.statuses.put(A.unit(), new UnitStatus("active", "success", Optional.empty()));
        bus.statuses.put(B.unit(), new UnitStatus("activating", "success", Optional.of(bus.jobs.get(B.unit()).get(0))));
        bus.systemdJoins();
        runner.runPending();
        assertThat(events).containsExactly(new BusLost("systemd left the system bus"), new BusRestored(),
                new UnitState(A.unit(), "active", "success"));
        assertThat(bus.callsOf("Hello")).as("the connection was fine: no new one").hasSize(1);
        assertThat(bus.callsOf("Subscribe")).hasSize(3);
        assertThat(bus.calls).endsWith(call("GetUnit", A), call("GetUnit", B), call("ResetFailedUnit", C),
                call("StartTransientUnit", C));

        runner.advance(Duration.ofSeconds(1));
        assertThat(bus.callsOf("Subscribe")).as("the stale backoff timer does nothing").hasSize(3);
        bus.finish(B.unit(), "done");
        assertThat(events).last().isEqualTo(new JobDone(B.unit(), "done"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 0));
    }

    @Test
    void aCallThatFindsSystemdGoneIsReportedAndSystemdLookedForUntilItIsBack() {
        SystemdUnitManager manager = manager(4);
        runner.runPending();
        bus.systemdLeaves(false);
        manager.restart(A);
        runner.runPending();
        assertThat(events).containsExactly(new BusLost(
                "The name org.freedesktop.systemd1 was not provided by any .service files"),
                new CallFailed(A.unit(), "ResetFailedUnit", CallError.SYSTEMD_GONE,
                        "org.freedesktop.DBus.Error.ServiceUnknown",
                        "The name org.freedesktop.systemd1 was not provided by any .service files"));
        runner.advance(Duration.ofMillis(250));
        bus.systemdBackUnseen();
        manager.restart(A);
        runner.advance(Duration.ofMillis(500));
        assertThat(events).last().isEqualTo(new BusRestored());
        assertThat(bus.callsOf("Hello")).hasSize(1);
        assertThat(bus.calls).endsWith("Subscribe", call("ResetFailedUnit", A), call("RestartUnit", A));
    }

    @Test
    void aNewSystemdSeenOnlyJoiningIsSubscribedToAndAskedAboutOurJobs() {
        SystemdUnitManager manager = manager(4);
        manager.start(A);
        runner.runPending();
        bus.statuses.put(A.unit(), new UnitStatus("active", "success", Optional.empty()));
        bus.systemdJoins();
        runner.runPending();
        assertThat(bus.calls).endsWith(call("StartTransientUnit", A), "Subscribe", call("GetUnit", A));
        assertThat(events).containsExactly(new UnitState(A.unit(), "active", "success"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void aStartLeftUnansweredBySystemdLeavingIsSettledWhenItIsBack() {
        SystemdUnitManager manager = manager(4);
        bus.leaveAfterJob(call("StartTransientUnit", A));
        manager.start(A);
        runner.runPending();
        String gone = "The name org.freedesktop.systemd1 was not provided by any .service files";
        assertThat(events).as("not a failure: the job may be there").containsExactly(new BusLost(gone));
        assertThat(bus.calls).endsWith(call("StartTransientUnit", A), call("GetUnit", A), "Subscribe");
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 0));

        bus.statuses.put(A.unit(), new UnitStatus("activating", "success", Optional.of(bus.jobs.get(A.unit()).get(0))));
        bus.systemdJoins();
        runner.runPending();
        bus.finish(A.unit(), "done");
        assertThat(events).containsExactly(new BusLost(gone), new BusRestored(), new JobDone(A.unit(), "done"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void aListingAskedForWhileTheBusIsDownIsAnsweredOnceItIsBack() {
        SystemdUnitManager manager = manager(4);
        runner.runPending();
        bus.failConnects(1);
        bus.loseBus("connection reset");
        manager.listUnits();
        manager.listUnits();
        runner.runPending();
        assertThat(bus.callsOf("ListUnitsByPatterns")).isEmpty();
        bus.listed.add(new ListedUnit(A.unit(), "active", "exited", false));
        runner.advance(Duration.ofMillis(250));
        assertThat(bus.callsOf("ListUnitsByPatterns")).hasSize(1);
        assertThat(events).containsExactly(new BusLost("connection reset"), new BusRestored(),
                new UnitEvent.UnitsListed(List.of(new ListedUnit(A.unit(), "active", "exited", false))));
    }
}
