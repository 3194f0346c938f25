package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real systemd through {@code ../shared/tools/systemd-sandbox} (TESTING §2), with its system bus
 * socket and the runtime directory {@code /run/nvme/discoverd} bound out to directories of the test,
 * so the test's JVM talks to that systemd directly and reads what the units' scripts wrote. The
 * runtime directory is {@code run/nvme/discoverd} under {@link #root()}: a unit manager given that
 * root writes its files where the sandbox's systemd looks for them.
 */
final class SystemdSandbox implements AutoCloseable {
    /** Relative to the project root, as every test refers to {@code ../shared}. */
    static final Path SCRIPT = Path.of(System.getProperty("project.basedir", "."))
            .resolve("../shared/tools/systemd-sandbox").normalize();

    /** Skips the calling test, with the reason, unless the sandbox can run here. */
    static void assumeUsable() throws IOException {
        assumeThat(SCRIPT).as("needs ../shared/tools/systemd-sandbox").isExecutable();
        assumeThat(Files.getAttribute(Path.of("/proc/self"), "unix:uid")).as("systemd-sandbox needs root")
                .isEqualTo(0);
        assumeThat(Path.of("/lib/systemd/systemd")).as("needs systemd (Debian package systemd)").isExecutable();
        assumeThat(PrivateDbusDaemon.DBUS_DAEMON).as("needs dbus-daemon (Debian package dbus)").isExecutable();
    }

    private final Path dir;
    private final Path busDir;
    private final Path root;
    private final Path runtimeDir;
    private boolean started;

    SystemdSandbox(Path dir) throws IOException {
        this.dir = dir.resolve("sandbox");
        this.busDir = Files.createDirectories(dir.resolve("bus"));
        this.root = dir.resolve("root");
        this.runtimeDir = Files.createDirectories(root.resolve(StateScripts.RUNTIME_DIR.substring(1)));
        Files.createDirectories(runtimeDir.resolve("units"));
        Files.createDirectories(runtimeDir.resolve("controllers"));
    }

    /** The sandbox's system bus, reachable from outside through the bound directory. */
    String busAddress() {
        return "unix:path=" + busDir.resolve("system_bus_socket");
    }

    /** The system root for the unit manager ({@link UnitManagerSettings#root()}). */
    Path root() {
        return root;
    }

    /** What the sandbox sees as {@code /run/nvme/discoverd}. */
    Path runtimeDir() {
        return runtimeDir;
    }

    void start(int maxSeconds) throws IOException, InterruptedException {
        started = true;
        Result result = run(List.of(SCRIPT.toString(), "start", dir.toString(),
                "--bind", busDir + ":/run/dbus", "--bind", runtimeDir + ":" + StateScripts.RUNTIME_DIR,
                "--max-seconds", String.valueOf(maxSeconds)));
        if (result.status() != 0) {
            throw new IOException("systemd-sandbox start failed: " + result.output());
        }
    }

    /** Runs a command inside the sandbox; its output, stdout and stderr merged. */
    Result exec(String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(SCRIPT.toString(), "exec", dir.toString(), "--"));
        argv.addAll(List.of(command));
        return run(argv);
    }

    /** Stops the sandbox: only the systemd it started (always called, from the test's cleanup). */
    @Override
    public void close() throws IOException {
        if (!started) {
            return;
        }
        try {
            Result result = run(List.of(SCRIPT.toString(), "stop", dir.toString()));
            if (result.status() != 0) {
                throw new IOException("systemd-sandbox stop failed: " + result.output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the sandbox", e);
        }
    }

    record Result(int status, String output) {
    }

    private static Result run(List<String> argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + argv);
        }
        return new Result(process.exitValue(), output);
    }
}
