package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.systemd.DatagramReceiver;

/**
 * bin/nvme-discoverd as systemd runs it, with the test in systemd's place: a notify socket bound
 * by the test, signals sent by the test. Needs neither root nor systemd.
 */
final class DaemonNotifyIT {
    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));
    private static final Pattern MONOTONIC_USEC = Pattern.compile("RELOADING=1\nMONOTONIC_USEC=([0-9]+)\n"
            + "STATUS=Reloading configuration\\.\\.\\.");

    @TempDir
    Path tmp;

    private Process start(Path notify, String journalStream) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(BASEDIR.resolve("bin/nvme-discoverd").toString(), "--root",
                tmp.resolve("root").toString());
        pb.environment().put("NOTIFY_SOCKET", notify.toString());
        pb.environment().put("WATCHDOG_USEC", "200000");
        pb.environment().put("JOURNAL_STREAM", journalStream);
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("daemon.log").toFile());
        Process daemon = pb.start();
        daemon.getOutputStream().close();
        return daemon;
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** The next message that is not a watchdog ping. */
    private static String nextState(DatagramReceiver systemd) throws IOException {
        String message;
        do {
            message = systemd.receiveText();
        } while (message.equals("WATCHDOG=1"));
        return message;
    }

    @Test
    @Timeout(120)
    void daemonNotifiesReadyReloadingWatchdogAndStopping() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("root/etc/nvme"));
        Files.writeString(etc.resolve("nvme-fabrics.conf"),
                "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\ncontroller = transport=tcp;traddr=10.0.0.9\n");
        Path notify = tmp.resolve("notify");
        try (DatagramReceiver systemd = DatagramReceiver.atPath(notify)) {
            Process daemon = start(notify, "1:1");
            try {
                // Pings start with the loop, so a long start-up does not trip the watchdog; READY=1 follows.
                assertThat(nextState(systemd)).isEqualTo("READY=1\nSTATUS=1 controller: 0 connected, 1 starting");
                assertThat(systemd.receiveText()).isEqualTo("WATCHDOG=1"); // every 100 ms: half of WATCHDOG_USEC

                Files.writeString(etc.resolve("nvme-fabrics.conf"), "[Subsystem]\n"
                        + "nqn = nqn.2014-08.org.nvmexpress:main-vol\ncontroller = transport=tcp;traddr=10.0.0.9\n"
                        + "controller = transport=tcp;traddr=10.0.0.10\n");
                signal(daemon, "HUP");
                Matcher reloading = MONOTONIC_USEC.matcher(nextState(systemd));
                assertThat(reloading.matches()).isTrue();
                assertThat(Long.parseLong(reloading.group(1))).isPositive();
                assertThat(nextState(systemd)).isEqualTo("READY=1\nSTATUS=2 controllers: 0 connected, 2 starting");

                signal(daemon, "TERM");
                assertThat(nextState(systemd)).isEqualTo("STOPPING=1\nSTATUS=Stopping on SIGTERM");
                assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(daemon.exitValue()).isZero();
            } finally {
                daemon.destroyForcibly();
            }
        }
        List<String> log = Files.readAllLines(tmp.resolve("daemon.log"), StandardCharsets.UTF_8);
        // JOURNAL_STREAM=1:1 is not our stderr: plain lines, no priority prefix.
        assertThat(log).contains("INFO reloading the configuration (SIGHUP)", "INFO stopping on SIGTERM");
        assertThat(log).anyMatch(line -> line.matches("INFO sent READY=1 to the service manager \\(CLOCK_MONOTONIC [0-9]+ µs\\)"));
    }

    @Test
    @Timeout(120)
    void daemonWithoutNotifySocketStillStopsOnSigint() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(BASEDIR.resolve("bin/nvme-discoverd").toString(), "--root",
                tmp.toString(), "--config", tmp.resolve("missing.conf").toString());
        pb.environment().remove("NOTIFY_SOCKET");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("daemon.log").toFile());
        Process daemon = pb.start();
        try {
            waitForLine(tmp.resolve("daemon.log"), "INFO ready: 0 controllers", daemon);
            signal(daemon, "INT");
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.exitValue()).isZero();
        } finally {
            daemon.destroyForcibly();
        }
        assertThat(Files.readAllLines(tmp.resolve("daemon.log"))).contains(
                "WARN " + tmp.resolve("missing.conf") + ": not found, using defaults", "INFO stopping on SIGINT");
    }

    /** Blocks until {@code log} has {@code line}, by following the file as the process writes it. */
    private static void waitForLine(Path log, String line, Process daemon) throws Exception {
        Process tail = new ProcessBuilder("tail", "-n", "+1", "-F", log.toString()).redirectErrorStream(true).start();
        try (var reader = tail.inputReader(StandardCharsets.UTF_8)) {
            String read;
            while ((read = reader.readLine()) != null && !read.equals(line)) {
                assertThat(daemon.isAlive()).as("daemon exited before logging '%s'", line).isTrue();
            }
            assertThat(read).isEqualTo(line);
        } finally {
            tail.destroy();
        }
    }
}
