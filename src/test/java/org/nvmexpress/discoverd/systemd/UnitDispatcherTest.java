package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.call;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.systemd.SystemdBus.UnitStatus;
import org.nvmexpress.discoverd.systemd.UnitEvent.CallFailed;
import org.nvmexpress.discoverd.systemd.UnitEvent.JobDone;
import org.nvmexpress.discoverd.systemd.UnitEvent.UnitState;
import org.nvmexpress.discoverd.tid.Role;
import org.slf4j.LoggerFactory;

/**
 * The unit manager's call side against a scripted systemd, in virtual time: a timed-out call settled
 * by asking systemd, the unit's secret files written at dispatch under the system root and deleted
 * when the unit is stopped or its connect failed, the listing of our units, and failures posted
 * rather than logged.
 */
final class UnitDispatcherTest {
    private static final UnitRequest A = UnitFixtures.ioc(0);
    private static final UnitRequest B = UnitFixtures.ioc(1);
    private static final UnitRequest C = UnitFixtures.ioc(2);
    private static final UnitRequest D = UnitFixtures.ioc(3);
    private static final UnitRequest SECRET = UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.IOC,
            UnitFixtures.params("kxchap-secret", UnitFixtures.DHCHAP));
    private static final String SECRET_DIR = "run/nvme/discoverd/credentials/nvme-discoverd-c7f645736db2";

    private final FakeSystemdBus bus = new FakeSystemdBus();
    private final ManualCallRunner runner = new ManualCallRunner();
    private final List<UnitEvent> events = new ArrayList<>();
    @TempDir
    Path root;

    private SystemdUnitManager manager(int maxPending) {
        return UnitFixtures.manager(bus, runner, events, maxPending);
    }

    private SystemdUnitManager builtin(int maxPending) {
        return UnitFixtures.manager(bus, runner, events, maxPending, Connector.BUILTIN, root);
    }

    @Test
    void aTimedOutStartWhoseJobStillRunsIsTrackedAndReportedWhenItEnds() {
        SystemdUnitManager manager = manager(1);
        bus.timeOutAfterJob(call("StartTransientUnit", A));
        bus.beforeStartOrRestart = unit -> bus.statuses.put(unit,
                new UnitStatus("activating", "success", Optional.of("/org/freedesktop/systemd1/job/1")));
        manager.start(A);
        manager.start(B);
        runner.runPending();
        assertThat(bus.calls).endsWith(call("StartTransientUnit", A), call("GetUnit", A));
        assertThat(events).as("not a failure: the job is there").isEmpty();
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(1, 1));

        bus.finish(A.unit(), "done");
        runner.runPending();
        assertThat(events).containsExactly(new JobDone(A.unit(), "done"));
        assertThat(bus.callsOf("StartTransientUnit")).endsWith(call("StartTransientUnit", B));
    }

    @Test
    void aTimedOutRestartWhoseJobEndedMeanwhileIsReportedFromTheUnitsState() {
        SystemdUnitManager manager = manager(1);
        bus.timeOutAfterJob(call("RestartUnit", A));
        bus.endNextJobBeforeReply("done");
        bus.statuses.put(A.unit(), new UnitStatus("active", "success", Optional.empty()));
        manager.restart(A);
        runner.runPending();
        assertThat(events).containsExactly(new UnitState(A.unit(), "active", "success"));
        assertThat(((UnitState) events.get(0)).succeeded()).isTrue();
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void aTimedOutStartOfAUnitSystemdDoesNotHaveIsAFailedOutcome() {
        SystemdUnitManager manager = manager(1);
        bus.timeOutAfterJob(call("StartTransientUnit", A));
        manager.start(A);
        runner.runPending();
        assertThat(events).containsExactly(new UnitState(A.unit(), "not-loaded", "not-loaded"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void aTimedOutCallThatCannotBeSettledIsReportedAsTimedOut() {
        SystemdUnitManager manager = manager(1);
        bus.timeOutAfterJob(call("RestartUnit", A));
        bus.failNext(call("GetUnit", A), BusCallException.NO_REPLY, "no reply within 25000 ms");
        manager.restart(A);
        runner.runPending();
        assertThat(events).containsExactly(new CallFailed(A.unit(), "RestartUnit", CallError.NO_REPLY,
                "org.freedesktop.DBus.Error.NoReply",
                "no reply within 25000 ms; its outcome is unknown: GetUnit failed: no reply within 25000 ms"));
        assertThat(manager.load()).isEqualTo(new SystemdUnitManager.Load(0, 0));
    }

    @Test
    void secretsAreWrittenUnderTheRootBeforeEachStartAndRestartAndNamedByTheirRealPath() {
        SystemdUnitManager manager = builtin(4);
        Path file = root.resolve(SECRET_DIR).resolve("dhchap-secret");
        List<String> seen = new ArrayList<>();
        bus.beforeStartOrRestart = unit -> {
            seen.add(Files.exists(file) ? readString(file) : "missing");
            deleteIfExists(file); // as the previous instance's ExecStartPost would
        };
        manager.start(SECRET);
        runner.runPending();
        assertThat(bus.properties.get(SECRET.unit())).filteredOn(p -> p.name().equals("LoadCredential"))
                .singleElement().isEqualTo(new UnitProperty("LoadCredential", new PropertyValue.CredentialPaths(
                        List.of(new PropertyValue.CredentialPath("dhchap-secret",
                                "/run/nvme/discoverd/credentials/nvme-discoverd-c7f645736db2/dhchap-secret")))));
        bus.finish(SECRET.unit(), "done");
        manager.restart(SECRET);
        runner.runPending();
        assertThat(seen).containsExactly(UnitFixtures.DHCHAP, UnitFixtures.DHCHAP);
        assertThat(bus.callsOf("RestartUnit")).containsExactly(call("RestartUnit", SECRET));
    }

    @Test
    void aFailedConnectDeletesTheSecretsAndASuccessfulOneLeavesThemToItsScript() {
        SystemdUnitManager manager = builtin(4);
        Path dir = root.resolve(SECRET_DIR);
        manager.start(SECRET);
        runner.runPending();
        assertThat(dir.resolve("dhchap-secret")).hasContent(UnitFixtures.DHCHAP);
        bus.finish(SECRET.unit(), "done");
        runner.runPending();
        assertThat(dir).as("ExecStartPost deletes them").exists();

        manager.restart(SECRET);
        runner.runPending();
        bus.finish(SECRET.unit(), "failed");
        runner.runPending();
        assertThat(dir).doesNotExist();
    }

    @Test
    void aFailedCallOrAStopDeletesTheSecrets() {
        SystemdUnitManager manager = builtin(4);
        Path dir = root.resolve(SECRET_DIR);
        bus.failNext(call("StartTransientUnit", SECRET), BusCallException.UNIT_EXISTS, "exists");
        manager.start(SECRET);
        runner.runPending();
        assertThat(events).singleElement().isInstanceOf(CallFailed.class);
        assertThat(dir).doesNotExist();

        manager.start(SECRET);
        runner.runPending();
        bus.finish(SECRET.unit(), "done");
        assertThat(dir).exists();
        manager.stop(SECRET.unit());
        runner.runPending();
        assertThat(bus.calls).endsWith(call("StopUnit", SECRET));
        assertThat(dir).doesNotExist();
    }

    @Test
    void theSecretsOfAUnitAskedForAgainAreNotDeletedUnderItsNextCall() throws IOException {
        SystemdUnitManager manager = builtin(4);
        Path dir = root.resolve(SECRET_DIR);
        manager.start(SECRET);
        runner.runPending();
        bus.finish(SECRET.unit(), "failed");
        manager.restart(SECRET); // the daemon retries before the deletion ran: it is in flight again
        Path marker = Files.writeString(dir.resolve("marker"), "left alone");
        runner.runPending();
        assertThat(bus.callsOf("RestartUnit")).hasSize(1);
        assertThat(marker).as("the deletion saw the unit in flight and did nothing").exists();
        assertThat(dir.resolve("dhchap-secret")).hasContent(UnitFixtures.DHCHAP);
    }

    @Test
    void aCredentialThatCannotBeWrittenIsReportedAndTheUnitNotStarted() throws IOException {
        SystemdUnitManager manager = builtin(1);
        Path blocker = root.resolve("run/nvme/discoverd/credentials");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a directory");
        manager.start(SECRET);
        manager.start(A);
        runner.runPending();
        String message = "not starting the unit: cannot write its credentials: " + blocker
                + " exists and is not a directory";
        assertThat(events).containsExactly(new CallFailed(SECRET.unit(), "LoadCredential", CallError.OTHER,
                "org.nvmexpress.discoverd.Error.CredentialWrite", message));
        assertThat(bus.callsOf("StartTransientUnit")).as("the slot is free for the next unit")
                .containsExactly(call("StartTransientUnit", A));
    }

    @Test
    void listUnitsAsksForOurUnitsOnTheCallThreadAndPostsWhatSystemdHas() {
        SystemdUnitManager manager = manager(4);
        runner.runPending();
        ListedUnit up = new ListedUnit(A.unit(), "active", "exited", false);
        ListedUnit starting = new ListedUnit(B.unit(), "activating", "start", true);
        bus.listed.addAll(List.of(up, starting));
        manager.listUnits();
        assertThat(bus.callsOf("ListUnitsByPatterns")).as("not on the caller's thread").isEmpty();
        runner.runPending();
        assertThat(bus.callsOf("ListUnitsByPatterns")).containsExactly("ListUnitsByPatterns nvme-discoverd-*");
        assertThat(events).containsExactly(new UnitEvent.UnitsListed(List.of(up, starting)));

        bus.failNext("ListUnitsByPatterns nvme-discoverd-*", "org.freedesktop.DBus.Error.AccessDenied", "denied");
        manager.listUnits();
        runner.runPending();
        assertThat(events).last().isEqualTo(new UnitEvent.ListFailed(CallError.ACCESS_DENIED,
                "org.freedesktop.DBus.Error.AccessDenied", "denied"));
    }

    @Test
    void perUnitFailuresArePostedNotLoggedAboveDebug() {
        SystemdUnitManager manager = manager(8);
        bus.failNext(call("StartTransientUnit", A), BusCallException.UNIT_EXISTS, "exists");
        bus.failNext(call("RestartUnit", B), "org.freedesktop.DBus.Error.AccessDenied", "denied");
        bus.timeOutAfterJob(call("StartTransientUnit", C));
        bus.failNext(call("GetUnit", C), BusCallException.NO_REPLY, "no reply within 25000 ms");
        bus.failNext(call("StopUnit", D), "org.freedesktop.DBus.Error.AccessDenied", "denied");
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            manager.start(A);
            manager.restart(B);
            manager.start(C);
            manager.start(UnitFixtures.ioc(5));
            runner.runPending();
            manager.stop(D.unit());
            bus.finish(UnitFixtures.ioc(5).unit(), "failed");
            runner.runPending();
        } finally {
            releaseLog(log);
        }
        assertThat(events).hasSize(5);
        assertThat(log.list).noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.WARN));
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
}
