package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd/nvme-discoverd.service is a unit systemd accepts, with what the daemon relies on. */
final class ServiceUnitIT {
    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));
    private static final Path UNIT = BASEDIR.resolve("systemd/nvme-discoverd.service");
    private static final Path DROP_IN = BASEDIR.resolve("systemd/nvme-discoverd.service.d/notify-reload.conf");

    record Result(int status, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** The unit in {@code dir}, its ExecStart pointing at a copy of the launcher there (verify needs it to exist). */
    private static Path stage(Path dir) throws Exception {
        Path launcher = dir.resolve("nvme-discoverd");
        Files.copy(BASEDIR.resolve("bin/nvme-discoverd"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        String unit = Files.readString(UNIT).replace("ExecStart=/usr/sbin/nvme-discoverd", "ExecStart=" + launcher);
        return Files.writeString(dir.resolve("nvme-discoverd.service"), unit);
    }

    @Test
    void systemdAnalyzeVerifyAcceptsTheUnit(@TempDir Path dir) throws Exception {
        assumeThat(onPath("systemd-analyze")).as("systemd-analyze is not installed (package systemd)").isTrue();
        Result verify = run("systemd-analyze", "verify", stage(dir).toString());
        assertThat(verify.output()).isEmpty();
        assertThat(verify.status()).isZero();
    }

    @Test
    void systemdAnalyzeVerifyAcceptsTheDropIn(@TempDir Path dir) throws Exception {
        assumeThat(onPath("systemd-analyze")).as("systemd-analyze is not installed (package systemd)").isTrue();
        Path unit = stage(dir);
        Files.copy(DROP_IN, Files.createDirectories(dir.resolve("nvme-discoverd.service.d")).resolve("notify-reload.conf"));
        Result verify = run("systemd-analyze", "verify", unit.toString());
        assertThat(verify.status()).isZero();
        // systemd 252 does not know the type: the one complaint it may have, and why the drop-in is separate.
        assertThat(verify.output().lines()).allMatch(line -> line.endsWith("Failed to parse service type, ignoring: notify-reload"));
    }

    @Test
    void unitHasTheSettingsTheDaemonReliesOn() throws Exception {
        List<String> lines = Files.readAllLines(UNIT);
        assertThat(lines).contains("Type=notify", "ExecStart=/usr/sbin/nvme-discoverd",
                "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure",
                "RuntimeDirectory=nvme/discoverd nvme/discoverd/units nvme/discoverd/controllers",
                "RuntimeDirectoryPreserve=yes", "Before=remote-fs-pre.target", "After=systemd-udevd.service",
                "WantedBy=multi-user.target", "ReadWritePaths=/run/nvme");
        assertThat(lines).anyMatch(line -> line.matches("WatchdogSec=[1-9][0-9]*s"));
        assertThat(lines).noneMatch(line -> line.startsWith("PrivateDevices=") || line.startsWith("MemoryDenyWriteExecute=")
                || line.startsWith("ProtectKernelTunables=") || line.startsWith("PrivateNetwork="));
        assertThat(Files.readAllLines(DROP_IN)).contains("Type=notify-reload", "ExecReload=");
    }
}
