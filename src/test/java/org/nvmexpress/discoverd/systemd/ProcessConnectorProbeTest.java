package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe runs a fake {@code nvme} that prints help the way nvme-cli 2.3 and 3.0 do. Only the
 * hung-program case is about the timeout, and there the wait runs out on cue
 * ({@link TimedOutProcess}); everywhere else the timeout is a day, so a slow machine never changes
 * an answer.
 */
final class ProcessConnectorProbeTest {
    private static final Duration NEVER = Duration.ofDays(1);

    private final ProcessConnectorProbe probe = new ProcessConnectorProbe(NEVER);

    @TempDir
    Path dir;

    private String fakeNvme(String body) throws IOException {
        Path nvme = Files.writeString(dir.resolve("nvme"), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(nvme, PosixFilePermissions.fromString("rwxr-xr-x"));
        return nvme.toString();
    }

    @Test
    void helpMentioningOwnerOnStderrCounts() throws IOException {
        String nvme = fakeNvme("[ \"$1 $2\" = 'connect --help' ] || exit 9\n"
                + "echo '  --owner=<STR>         owner of the connection' >&2; exit 0");
        assertThat(probe.supportsOwner(nvme)).isTrue();
    }

    @Test
    void helpWithoutOwnerDoesNot() throws IOException {
        assertThat(probe.supportsOwner(fakeNvme("echo '  --hostnqn=<STR>'; exit 0"))).isFalse();
    }

    @Test
    void aMissingProgramDoesNot() {
        assertThat(probe.supportsOwner(dir.resolve("absent").toString())).isFalse();
    }

    /** The program prints {@code --owner}, says so through a FIFO, and hangs; its time runs out after it printed. */
    @Test
    void aHungProgramIsGivenUpOnAtTheTimeoutAndKilled() throws Exception {
        Path printed = dir.resolve("printed");
        Process mkfifo = new ProcessBuilder("mkfifo", printed.toString()).start();
        assumeThat(mkfifo.waitFor()).as("mkfifo(1) is needed to create a FIFO").isZero();
        String nvme = fakeNvme("echo '--owner'; echo printed > '" + printed + "'; exec sleep 30");
        List<TimedOutProcess> started = new ArrayList<>();
        ProcessConnectorProbe impatient = new ProcessConnectorProbe(Duration.ofMillis(300), builder -> {
            TimedOutProcess process = new TimedOutProcess(builder.start(), () -> Files.readString(printed));
            started.add(process);
            return process;
        });
        assertThat(impatient.supportsOwner(nvme)).as("what it printed before its time was up does not count").isFalse();
        TimedOutProcess process = started.get(0);
        assertThat(process.waitedFor()).isEqualTo(Duration.ofMillis(300));
        // Killed, not left to sleep: SIGKILL exits 128 + 9; had it been left, sleep would exit 0 after 30 s.
        assertThat(process.waitFor()).isEqualTo(137);
    }
}
