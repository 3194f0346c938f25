package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.systemd.DatagramReceiver;

/**
 * The running daemon ({@code bin/nvme-discoverd}, its own process) answers on its varlink socket:
 * python3-varlink, an independent client, introspects it and calls GetInfo, GetStatus,
 * ListControllers and a Monitor stream that sees a reload; {@code bin/nvme-discoverctl} prints its
 * status and controllers; and no reply carries the DH-HMAC-CHAP and TLS keys configured. The
 * daemon is pointed at a system bus that does not exist, so no systemd is ever asked for a unit.
 */
final class DaemonVarlinkIT {
    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));
    private static final String PYTHON = "/usr/bin/python3";
    private static final String CHAP = "DHHC-1:00:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:";
    private static final String PSK = "NVMeTLSkey-1:01:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:";

    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void theDaemonAnswersAnIndependentClientAndNvmeDiscoverctl() throws Exception {
        assumeTrue(run(List.of(PYTHON, "-c", "import varlink")).exit == 0,
                "python3-varlink is not importable (Debian package python3-varlink, bookworm-backports; TESTING.md)");
        Path root = tmp.resolve("root");
        Path etc = Files.createDirectories(root.resolve("etc/nvme"));
        Files.writeString(etc.resolve("nvme-fabrics.conf"), "[Discovery Controller]\ncontroller = transport=tcp;"
                + "traddr=192.0.2.9\n[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\nkxchap-secret = " + CHAP
                + "\ntls-key = " + PSK + "\ncontroller = transport=tcp;traddr=192.0.2.10\n");
        Path notify = tmp.resolve("notify");
        try (DatagramReceiver systemd = DatagramReceiver.atPath(notify)) {
            ProcessBuilder pb = new ProcessBuilder(BASEDIR.resolve("bin/nvme-discoverd").toString(), "--root",
                    root.toString());
            pb.environment().put("NOTIFY_SOCKET", notify.toString());
            pb.environment().put("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + tmp.resolve("no-bus"));
            pb.redirectErrorStream(true).redirectOutput(tmp.resolve("daemon.log").toFile());
            Process daemon = pb.start();
            try {
                String ready;
                do {
                    ready = systemd.receiveText();
                } while (!ready.startsWith("READY=1"));
                String address = "unix:" + root.resolve("run/nvme/discoverd/varlink");
                List<String> replies = new ArrayList<>();

                Result info = run(List.of(PYTHON, "-m", "varlink.cli", "info", address));
                assertThat(info.out).contains("org.nvmexpress.discoverd", "org.varlink.service");
                Result status = run(List.of(PYTHON, "-m", "varlink.cli", "call",
                        address + "/org.nvmexpress.discoverd.GetStatus", "{}"));
                assertThat(status.out).contains("\"controllers\": 2");
                Result list = run(List.of(PYTHON, "-m", "varlink.cli", "call",
                        address + "/org.nvmexpress.discoverd.ListControllers", "{}"));
                assertThat(list.out).contains("\"role\": \"dc\"", "\"role\": \"ioc\"", "192.0.2.10");
                replies.addAll(List.of(info.out, status.out, list.out));

                ProcessBuilder monitor = new ProcessBuilder(PYTHON, "-m", "varlink.cli", "call", "-m",
                        address + "/org.nvmexpress.discoverd.Monitor", "{}");
                monitor.environment().put("PYTHONUNBUFFERED", "1");
                Process stream = monitor.redirectErrorStream(true).start();
                BlockingQueue<String> events = new LinkedBlockingQueue<>();
                Thread reader = new Thread(() -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.getInputStream(),
                            StandardCharsets.UTF_8))) {
                        lines.lines().forEach(events::add);
                    } catch (IOException e) {
                        events.add("read failed: " + e);
                    }
                }, "monitor-reader");
                reader.start();
                try {
                    // The stream may not be subscribed yet when the first SIGHUP lands: reload until one is seen.
                    StringBuilder seen = new StringBuilder();
                    boolean reloaded = false;
                    for (int i = 0; i < 20 && !reloaded; i++) {
                        assertThat(run(List.of("kill", "-HUP", Long.toString(daemon.pid()))).exit).isZero();
                        String line;
                        while (!reloaded && (line = events.poll(3, TimeUnit.SECONDS)) != null) {
                            seen.append(line).append('\n');
                            reloaded = line.contains("\"reloaded\"");
                        }
                    }
                    assertThat(reloaded).as("Monitor stream: %s", seen).isTrue();
                    replies.add(seen.toString());
                } finally {
                    stream.destroy();
                }

                Result ctl = run(List.of(BASEDIR.resolve("bin/nvme-discoverctl").toString(), "controllers", "--root",
                        root.toString(), "--output", "json"));
                assertThat(ctl.exit).isZero();
                assertThat(ctl.out).contains("nqn.2014-08.org.nvmexpress:main-vol");
                replies.add(ctl.out);
                assertThat(String.join("\n", replies)).doesNotContain("c2VjcmV0", CHAP, PSK);
            } finally {
                daemon.destroy();
                assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Files.readString(tmp.resolve("daemon.log"))).doesNotContain("c2VjcmV0");
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
