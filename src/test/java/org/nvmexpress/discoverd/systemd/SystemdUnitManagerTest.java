package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.call;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.systemd.UnitEvent.CallFailed;
import org.nvmexpress.discoverd.systemd.UnitEvent.JobDone;
import org.nvmexpress.discoverd.systemd.UnitManager.Submission;
import org.nvmexpress.discoverd.tid.Role;
import org.slf4j.LoggerFactory;

/**
 * The unit manager against a scripted systemd, its calls run on the test thread in virtual time:
 * calls, the bound and its queue, one job per unit, job matching, failures. Bus loss:
 * {@link BusRecoveryTest}; timeouts, secrets, listing: {@link UnitDispatcherTest}.
 */
final class SystemdUnitManagerTest {
    private static final UnitRequest A = UnitFixtures.ioc(0);
    private static final UnitRequest B = UnitFixtures.ioc(1);
    private static final UnitRequest C = UnitFixtures.ioc(2);

    private final FakeSystemdBus bus = new FakeSystemdBus();
    private final ManualCallRunner runner = new ManualCallRunner();
    private final List<UnitEvent> events = new ArrayList<>();

    private SystemdUnitManager manager(int maxPending) {
        return UnitFixtures.manager(bus, runner, events, maxPending);
    }

    @Test
    void startResetsThenCreatesTheUnitAndReportsItsJob() {
        SystemdUnitManager manager = manager(4);
        assertThat(manager.start(A)).isEqualTo(new Submission.Queued(A.unit()));
        assertThat(bus.calls).as("nothing happens on the caller's thread").isEmpty();

        runner.runPending();
        assertThat(bus.calls).containsExactly("Hello", "Subscribe", call("ResetFailedUnit", A),
                call("StartTransientUnit", A));
        ConnectCommands commands = new ConnectCommands(Connector.NVME_CLI, "/usr/sbin/nvme", "/x",
                new StateScripts(StateScripts.RUNTIME_DIR, "/usr/sbin/nvme"));
        assertThat(bus.properties.get(A.unit())).isEqualTo(new TransientUnitProperties(
                new StateScripts(StateScripts.RUNTIME_DIR, "/usr/sbin/nvme"), Duration.ofSeconds(300))
                .build(A, (ConnectPlan.Ready) commands.plan(A)));
        assertThat(events).isEmpty();

        bus.finish(A.unit(), "done");
        assertThat(events).containsExactly(new JobDone(A.unit(), "done"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void atMostMaxPendingJobsAreOutstandingAndTheRestWaitInOrder() {
        SystemdUnitManager manager = manager(3);
        List<UnitRequest> requests = IntStream.range(0, 7).mapToObj(UnitFixtures::ioc).toList();
        requests.forEach(manager::start);
        runner.runPending();
        assertThat(bus.callsOf("StartTransientUnit")).containsExactly(call("StartTransientUnit", requests.get(0)),
                call("StartTransientUnit", requests.get(1)), call("StartTransientUnit", requests.get(2)));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(3, 4));

        bus.finish(requests.get(1).unit(), "done");
        runner.runPending();
        bus.finish(requests.get(0).unit(), "failed");
        runner.runPending();
        assertThat(bus.callsOf("StartTransientUnit")).containsExactlyElementsOf(
                requests.subList(0, 5).stream().map(r -> call("StartTransientUnit", r)).toList());
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(3, 2));
        assertThat(events).containsExactly(new JobDone(requests.get(1).unit(), "done"),
                new JobDone(requests.get(0).unit(), "failed"));
    }

    @Test
    void aJobRemovedBeforeTheReplyIsMatchedAndFreesTheSlot() {
        SystemdUnitManager manager = manager(1);
        bus.endNextJobBeforeReply("done");
        manager.start(A);
        manager.start(B);
        runner.runPending();
        assertThat(events).containsExactly(new JobDone(A.unit(), "done"));
        assertThat(bus.callsOf("StartTransientUnit")).containsExactly(call("StartTransientUnit", A),
                call("StartTransientUnit", B));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 0));
    }

    @Test
    void aFailedStartIsReportedFreesItsSlotAndIsIssuedAgainWhenRetried() {
        SystemdUnitManager manager = manager(1);
        bus.failNext(call("StartTransientUnit", A), BusCallException.UNIT_EXISTS, "Unit " + A.unit() + " already exists.");
        manager.start(A);
        manager.start(B);
        runner.runPending();
        assertThat(events).containsExactly(new CallFailed(A.unit(), "StartTransientUnit", CallError.UNIT_EXISTS,
                "org.freedesktop.systemd1.UnitExists", "Unit " + A.unit() + " already exists."));
        assertThat(bus.callsOf("StartTransientUnit")).containsExactly(call("StartTransientUnit", A),
                call("StartTransientUnit", B));

        manager.start(A);
        runner.runPending();
        bus.finish(B.unit(), "done");
        runner.runPending();
        bus.finish(A.unit(), "done");
        assertThat(bus.callsOf("StartTransientUnit")).endsWith(call("StartTransientUnit", A));
        assertThat(events).endsWith(new JobDone(B.unit(), "done"), new JobDone(A.unit(), "done"));
    }

    @Test
    void restartOfALoadedUnitRestartsIt() {
        SystemdUnitManager manager = manager(4);
        manager.restart(A);
        runner.runPending();
        assertThat(bus.calls).containsExactly("Hello", "Subscribe", call("ResetFailedUnit", A), call("RestartUnit", A));
        bus.finish(A.unit(), "done");
        assertThat(events).containsExactly(new JobDone(A.unit(), "done"));
    }

    @Test
    void restartCreatesTheUnitAfreshWhenSystemdNoLongerHasIt() {
        SystemdUnitManager manager = manager(4);
        bus.failNext(call("ResetFailedUnit", A), BusCallException.NO_SUCH_UNIT, "Unit " + A.unit() + " not loaded.");
        bus.failNext(call("RestartUnit", A), BusCallException.NO_SUCH_UNIT, "Unit " + A.unit() + " not found.");
        manager.restart(A);
        runner.runPending();
        assertThat(bus.calls).endsWith(call("ResetFailedUnit", A), call("RestartUnit", A),
                call("StartTransientUnit", A));
        bus.finish(A.unit(), "failed");
        assertThat(events).containsExactly(new JobDone(A.unit(), "failed"));
    }

    @Test
    void otherRestartAndResetFailuresAreReportedWithTheirErrorName() {
        SystemdUnitManager manager = manager(4);
        bus.failNext(call("RestartUnit", A), "org.freedesktop.DBus.Error.AccessDenied", "denied");
        bus.failNext(call("ResetFailedUnit", B), "org.freedesktop.DBus.Error.NoReply", "no reply within 25000 ms");
        manager.restart(A);
        manager.start(B);
        runner.runPending();
        assertThat(events).containsExactly(
                new CallFailed(A.unit(), "RestartUnit", CallError.ACCESS_DENIED,
                        "org.freedesktop.DBus.Error.AccessDenied", "denied"),
                new CallFailed(B.unit(), "ResetFailedUnit", CallError.NO_REPLY, "org.freedesktop.DBus.Error.NoReply",
                        "no reply within 25000 ms"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void stopDropsWaitingWorkForTheUnitAndStopsIt() {
        SystemdUnitManager manager = manager(1);
        manager.start(A);
        manager.start(B);
        manager.stop(B.unit());
        runner.runPending();
        assertThat(bus.calls).as("a stop asked for before the bus is up is sent first")
                .containsExactly("Hello", "Subscribe", call("StopUnit", B), call("ResetFailedUnit", A),
                        call("StartTransientUnit", A));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 0));
    }

    @Test
    void stoppingAnUnloadedUnitIsQuietAndOtherStopFailuresAreReported() {
        SystemdUnitManager manager = manager(1);
        runner.runPending();
        bus.failNext(call("StopUnit", A), BusCallException.NO_SUCH_UNIT, "Unit not loaded.");
        bus.failNext(call("StopUnit", B), "org.freedesktop.DBus.Error.AccessDenied", "denied");
        manager.stop(A.unit());
        manager.stop(B.unit());
        runner.runPending();
        assertThat(events).containsExactly(new CallFailed(B.unit(), "StopUnit", CallError.ACCESS_DENIED,
                "org.freedesktop.DBus.Error.AccessDenied", "denied"));
    }

    @Test
    void foreignJobsAreIgnored() {
        SystemdUnitManager manager = manager(1);
        manager.start(A);
        runner.runPending();
        bus.signal("/org/freedesktop/systemd1/job/77", "ssh.service", "done");
        bus.signal("/org/freedesktop/systemd1/job/78", A.unit().value(), "done");
        assertThat(events).isEmpty();
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 0));
    }

    @Test
    void aSecondRequestForAWaitingUnitJoinsItAndBecomesARestart() {
        SystemdUnitManager manager = manager(1);
        manager.start(B);
        assertThat(manager.start(A)).isEqualTo(new Submission.Queued(A.unit()));
        assertThat(manager.restart(A)).isEqualTo(new Submission.Joined(A.unit()));
        assertThat(manager.start(A)).isEqualTo(new Submission.Joined(A.unit()));
        runner.runPending();
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 1));
        bus.finish(B.unit(), "done");
        runner.runPending();
        assertThat(bus.calls).containsOnlyOnce(call("RestartUnit", A)).doesNotContain(call("StartTransientUnit", A));
        bus.finish(A.unit(), "done");
        assertThat(events).containsExactly(new JobDone(B.unit(), "done"), new JobDone(A.unit(), "done"));
    }

    @Test
    void requestsForAUnitInFlightJoinItAndAreAnsweredByItsOneOutcome() {
        SystemdUnitManager manager = manager(4);
        assertThat(manager.restart(A)).isEqualTo(new Submission.Queued(A.unit()));
        runner.runPending();
        assertThat(manager.restart(A)).isEqualTo(new Submission.Joined(A.unit()));
        assertThat(manager.start(A)).isEqualTo(new Submission.Joined(A.unit()));
        runner.runPending();
        assertThat(bus.callsOf("RestartUnit")).hasSize(1);
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 0));

        bus.finish(A.unit(), "done");
        assertThat(events).containsExactly(new JobDone(A.unit(), "done"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
        assertThat(manager.restart(A)).as("a new job after the outcome").isEqualTo(new Submission.Queued(A.unit()));
        runner.runPending();
        assertThat(bus.callsOf("RestartUnit")).hasSize(2);
    }

    @Test
    void twoHundredRestartsOfAFewUnitsWithTheSameJobPathsNeverStall() {
        bus.onePathPerUnit = true;
        bus.mergeJobs = true;
        SystemdUnitManager manager = manager(64);
        List<UnitRequest> few = List.of(A, B, C);
        for (int i = 0; i < 200; i++) {
            manager.restart(few.get(i % few.size()));
            runner.runPending();
            if (i % 7 == 6) {
                bus.finishPending("done");
                runner.runPending();
            }
            assertThat(manager.load().outstanding()).isLessThanOrEqualTo(few.size());
        }
        bus.finishPending("done");
        runner.runPending();
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
        assertThat(events).as("one outcome per job").hasSize(bus.callsOf("RestartUnit").size())
                .allSatisfy(e -> assertThat(e).isInstanceOf(JobDone.class));
        assertThat(bus.jobs.get(A.unit())).as("the same path, job after job").hasSizeGreaterThan(20)
                .containsOnly(bus.jobs.get(A.unit()).get(0));

        IntStream.range(10, 74).mapToObj(UnitFixtures::ioc).forEach(manager::start);
        runner.runPending();
        assertThat(manager.load()).as("all 64 slots free").isEqualTo(new SystemdUnitManager.Load(64, 0));
    }

    @Test
    void aLiteralSecretWithTheNvmeCliConnectorIsRefusedNeverSentAndLeftToTheCallerToLog() {
        SystemdUnitManager manager = manager(1);
        UnitRequest secret = UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.IOC,
                UnitFixtures.params("kxchap-secret", UnitFixtures.DHCHAP));
        ListAppender<ILoggingEvent> log = captureLog();
        Submission submission;
        try {
            submission = manager.start(secret);
            runner.runPending();
        } finally {
            releaseLog(log);
        }
        String reason = "not connecting: the configuration gives 'kxchap-secret' as a literal secret, which the"
                + " nvme-cli connector would put on nvme connect's command line for every local user to read;"
                + " set 'connector = builtin' in nvme-discoverd.conf (secrets then travel as systemd credentials)"
                + " or refer to a key in the kernel keyring instead";
        assertThat(submission).isEqualTo(new Submission.Refused(secret.unit(), reason));
        assertThat(log.list).as("the caller logs it").noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(bus.calls).containsExactly("Hello", "Subscribe");
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger("org.nvmexpress.discoverd.systemd")).addAppender(log);
        return log;
    }

    private static void releaseLog(ListAppender<ILoggingEvent> log) {
        ((Logger) LoggerFactory.getLogger("org.nvmexpress.discoverd.systemd")).detachAppender(log);
    }

    @Test
    void afterCloseNothingIsReported() {
        SystemdUnitManager manager = manager(4);
        manager.start(A);
        runner.runPending();
        manager.close();
        bus.finish(A.unit(), "done");
        assertThat(events).isEmpty();
        assertThat(bus.closed).isTrue();
    }
}
