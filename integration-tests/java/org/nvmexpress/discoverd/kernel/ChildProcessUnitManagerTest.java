package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.systemd.CallError;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.nvmexpress.discoverd.systemd.UnitManager.Submission;
import org.nvmexpress.discoverd.systemd.UnitManagerSettings;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The guest's child-process unit manager on the host, with a fake connector: a script that exits
 * with the status its {@code CONNECT_STATUS} file holds and records its argv. No device is made,
 * so the state scripts find no devid file and change nothing under {@code /run}.
 */
final class ChildProcessUnitManagerTest {
    private static final TransportId TID =
            TidParser.strict("transport=tcp;traddr=192.0.2.1;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:child");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private final BlockingQueue<UnitEvent> events = new LinkedBlockingQueue<>();
    private ChildProcessUnitManager manager;

    @AfterEach
    void close() throws InterruptedException {
        if (manager != null) {
            manager.close();
            manager.awaitIdle(WAIT);
        }
    }

    private ChildProcessUnitManager manager(int status) throws IOException {
        Path connector = dir.resolve("connector");
        Files.writeString(dir.resolve("status"), String.valueOf(status));
        Files.writeString(connector, "#!/bin/sh\necho \"$@\" >> '" + dir.resolve("argv") + "'\n"
                + "exit $(cat '" + dir.resolve("status") + "')\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(connector, PosixFilePermissions.fromString("rwx------"));
        UnitManagerSettings settings = new UnitManagerSettings(Connector.BUILTIN, "/bin/false", connector.toString(),
                2, Duration.ofSeconds(10), Duration.ofSeconds(25), Duration.ofMillis(250), Duration.ofSeconds(10),
                "unix:path=/x", dir);
        manager = new ChildProcessUnitManager(settings, Files.createDirectories(dir.resolve("work")), Map.of(),
                events::add);
        return manager;
    }

    private static UnitRequest request() {
        return new UnitRequest(TID, Role.IOC, false, ConnectOptions.of(TID, null, Params.EMPTY));
    }

    private UnitEvent next() throws InterruptedException {
        UnitEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within %s", WAIT).isNotNull();
        return event;
    }

    @Test
    void aSuccessfulConnectorMakesTheUnitActive() throws Exception {
        ChildProcessUnitManager units = manager(0);
        assertThat(units.start(request())).isEqualTo(new Submission.Queued(TID.unitName()));

        assertThat(next()).isEqualTo(new UnitEvent.JobDone(TID.unitName(), "done"));
        assertThat(units.states()).containsEntry(TID.unitName(), "active");
        assertThat(Files.readString(dir.resolve("argv"))).startsWith("connect ").contains("--owner=discoverd");
        units.listUnits();
        assertThat(next()).isInstanceOfSatisfying(UnitEvent.UnitsListed.class,
                listed -> assertThat(listed.units()).singleElement()
                        .satisfies(u -> assertThat(u.activeState()).isEqualTo("active")));
    }

    @Test
    void aFailingConnectorFailsTheJobAndIsNotListed() throws Exception {
        ChildProcessUnitManager units = manager(3);
        units.start(request());

        assertThat(next()).isEqualTo(new UnitEvent.JobDone(TID.unitName(), "failed"));
        assertThat(units.states()).containsEntry(TID.unitName(), "failed");
        units.listUnits();
        assertThat(next()).isEqualTo(new UnitEvent.UnitsListed(java.util.List.of()));
    }

    /** As systemd: StartTransientUnit of a loaded unit fails (no job); a restart restarts it. */
    @Test
    void aStartOfAnActiveUnitFailsAsUnitExists() throws Exception {
        ChildProcessUnitManager units = manager(0);
        units.start(request());
        assertThat(next()).isEqualTo(new UnitEvent.JobDone(TID.unitName(), "done"));

        units.start(request());
        assertThat(next()).isInstanceOfSatisfying(UnitEvent.CallFailed.class,
                failed -> assertThat(failed.error()).isEqualTo(CallError.UNIT_EXISTS));
        units.restart(request());
        assertThat(next()).isEqualTo(new UnitEvent.JobDone(TID.unitName(), "done"));
        assertThat(units.runs()).extracting(UnitProcesses.Run::step)
                .containsExactly("start", "after-start", "stop", "after-stop", "start", "after-start");
    }

    @Test
    void aStopOfAnActiveUnitRunsItsStopCommandsAndMakesItInactive() throws Exception {
        ChildProcessUnitManager units = manager(0);
        units.start(request());
        assertThat(next()).isEqualTo(new UnitEvent.JobDone(TID.unitName(), "done"));

        units.stop(TID.unitName());
        units.restart(request()); // after the stop: a start, since the unit is no longer active
        assertThat(next()).isEqualTo(new UnitEvent.JobDone(TID.unitName(), "done"));
        assertThat(units.runs()).extracting(UnitProcesses.Run::step)
                .containsExactly("start", "after-start", "stop", "after-stop", "start", "after-start");
    }
}
