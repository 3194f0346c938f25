package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe runs a fake {@code nvme} that prints help the way nvme-cli 2.3 and 3.0 do. */
final class ProcessConnectorProbeTest {
    private final ProcessConnectorProbe probe = new ProcessConnectorProbe(Duration.ofSeconds(10));

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

    @Test
    void aHungProgramIsGivenUpOnAtTheTimeout() throws IOException {
        String nvme = fakeNvme("echo '--owner'; exec sleep 30");
        long start = System.nanoTime();
        assertThat(new ProcessConnectorProbe(Duration.ofMillis(300)).supportsOwner(nvme)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
