package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.systemd.UnitEvent.CallFailed;
import org.nvmexpress.discoverd.systemd.UnitEvent.JobDone;
import org.nvmexpress.discoverd.systemd.UnitManager.Submission;
import org.nvmexpress.discoverd.tid.Role;
import org.slf4j.LoggerFactory;

/**
 * The unit manager against a scripted systemd, its calls run on the test thread in virtual time:
 * calls, the bound and its queue, job matching, failures. Bus loss: {@link BusRecoveryTest}.
 */
final class SystemdUnitManagerTest {
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

    private static String call(String method, UnitRequest request) {
        return method + " " + request.unit().value();
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
        assertThat(events).containsExactly(new CallFailed(A.unit(), "StartTransientUnit",
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
                new CallFailed(A.unit(), "RestartUnit", "org.freedesktop.DBus.Error.AccessDenied", "denied"),
                new CallFailed(B.unit(), "ResetFailedUnit", "org.freedesktop.DBus.Error.NoReply",
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
        assertThat(events).containsExactly(new CallFailed(B.unit(), "StopUnit",
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
    void aLiteralSecretWithTheNvmeCliConnectorIsRefusedLoggedOnceAndNeverSent() {
        SystemdUnitManager manager = manager(1);
        UnitRequest secret = UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.IOC,
                UnitFixtures.params("kxchap-secret", UnitFixtures.DHCHAP));
        Logger logger = (Logger) LoggerFactory.getLogger(SystemdUnitManager.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        Submission submission;
        try {
            submission = manager.start(secret);
        } finally {
            logger.detachAppender(log);
        }
        String reason = "not connecting: the configuration gives 'kxchap-secret' as a literal secret, which the"
                + " nvme-cli connector would put on nvme connect's command line for every local user to read;"
                + " set 'connector = builtin' in nvme-discoverd.conf (secrets then travel as systemd credentials)"
                + " or refer to a key in the kernel keyring instead";
        assertThat(submission).isEqualTo(new Submission.Refused(secret.unit(), reason));
        assertThat(log.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage())
                    .isEqualTo("(tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol) - " + reason);
        });
        runner.runPending();
        assertThat(bus.calls).containsExactly("Hello", "Subscribe");
    }

    @Test
    void builtinSecretsAreWrittenToTheirFilesBeforeEachStartAndRestart(@TempDir Path runtime) {
        SystemdUnitManager manager = UnitFixtures.manager(bus, runner, events, 4, Connector.BUILTIN, runtime.toString());
        UnitRequest secret = UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.IOC,
                UnitFixtures.params("kxchap-secret", UnitFixtures.DHCHAP));
        Path file = runtime.resolve("credentials/nvme-discoverd-c7f645736db2/dhchap-secret");
        List<String> seen = new ArrayList<>();
        bus.beforeStartOrRestart = unit -> {
            seen.add(Files.exists(file) ? readString(file) : "missing");
            deleteIfExists(file); // as the previous instance's ExecStopPost would
        };
        manager.start(secret);
        runner.runPending();
        bus.finish(secret.unit(), "done");
        manager.restart(secret);
        runner.runPending();
        assertThat(seen).containsExactly(UnitFixtures.DHCHAP, UnitFixtures.DHCHAP);
        assertThat(bus.callsOf("RestartUnit")).containsExactly(call("RestartUnit", secret));
    }

    @Test
    void aCredentialThatCannotBeWrittenIsReportedAndTheUnitNotStarted(@TempDir Path runtime) throws IOException {
        SystemdUnitManager manager = UnitFixtures.manager(bus, runner, events, 1, Connector.BUILTIN, runtime.toString());
        UnitRequest secret = UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.IOC,
                UnitFixtures.params("kxchap-secret", UnitFixtures.DHCHAP));
        Path blocker = Files.writeString(runtime.resolve("credentials"), "not a directory");
        Logger logger = (Logger) LoggerFactory.getLogger(SystemdUnitManager.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            manager.start(secret);
            manager.start(A);
            runner.runPending();
        } finally {
            logger.detachAppender(log);
        }
        String message = "not starting the unit: cannot write its credentials: " + blocker + " exists and is not a directory";
        assertThat(log.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).isEqualTo(secret.unit() + " - " + message);
        });
        assertThat(events).containsExactly(new CallFailed(secret.unit(), "LoadCredential",
                "org.nvmexpress.discoverd.Error.CredentialWrite", message));
        assertThat(bus.callsOf("StartTransientUnit")).as("the slot is free for the next unit")
                .containsExactly(call("StartTransientUnit", A));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
