package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.systemd.DaemonService.awaitMessage;
import static org.nvmexpress.discoverd.systemd.DaemonService.entry;
import static org.nvmexpress.discoverd.systemd.DaemonService.journal;
import static org.nvmexpress.discoverd.systemd.DaemonService.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.tid.TidParser;

/**
 * nvme-discoverd.service on a real systemd (../shared/tools/systemd-sandbox): the unit as shipped,
 * staged by {@link DaemonService}. Needs root.
 */
final class SystemdServiceIT {
    private static final String UNIT = DaemonService.UNIT;
    private static final String ONE_IOC = "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\n"
            + "controller = transport=tcp;traddr=10.0.0.9\n";
    private static final String IOC_UNIT = "nvme-discoverd-c7f645736db2.service";
    /** The unit of {@code traddr=10.0.0.10}, the controller the reload adds. */
    private static final String SECOND_IOC_UNIT = TidParser.strict(
            "transport=tcp;traddr=10.0.0.10;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:main-vol").unitName().value();

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void serviceIsActiveOnReadyReloadsStopsAndLogsToTheJournal() throws Exception {
        DaemonService.assumeRunnable();
        // debug-level debug shows the per-connection lines; the bad nbft value (line 3) gives a warning.
        // The units run a fake nvme whose connect fails after 1 s, so no packet goes anywhere (the
        // sandbox has no /usr/sbin/nvme). Not a connect that hangs: a reload waits for the pass
        // before it, and that pass for its units' jobs.
        DaemonService daemon = DaemonService.stage(tmp, "[Global]\ndebug-level = debug\nnbft = maybe\nnvme-path = "
                + DaemonService.NVME + "\n", ONE_IOC);
        daemon.writeExecutable("nvme", FakeNvme.script(1, 1));
        try (Sandbox systemd = Sandbox.start(SystemdSandbox.SCRIPT, tmp.resolve("sandbox"), daemon.bind())) {
            daemon.install(systemd);

            systemd.check("systemctl", "start", UNIT);
            assertThat(systemd.check("systemctl", "is-active", UNIT).trim()).isEqualTo("active");
            assertActiveOnlyAfterReady(systemd);
            assertJournalFields(journal(systemd));

            Files.writeString(daemon.etc().resolve("nvme-fabrics.conf"),
                    ONE_IOC + "controller = transport=tcp;traddr=10.0.0.10\n");
            systemd.check("systemctl", "reload", UNIT);
            // systemd 252 finishes the reload job when kill(1) exits; the daemon's READY=1 follows.
            awaitMessage(systemd, "reloaded: ");
            // Each unit's connect fails: its controller is starting or retrying, never connected.
            Map<String, String> state = show(systemd, "StatusText", "ActiveState");
            assertThat(state).containsEntry("ActiveState", "active");
            assertThat(state.get("StatusText")).matches("2 controllers: 0 connected, .*");
            awaitConnects(daemon, Map.of(stem(IOC_UNIT), 2, stem(SECOND_IOC_UNIT), 1));
            assertThat(entry(journal(systemd), "reloading the configuration \\(SIGHUP\\)").path("PRIORITY").asText())
                    .isEqualTo("6");
            assertStatusSocketAnswers(systemd);

            systemd.check("systemctl", "stop", UNIT);
            // Result=timeout if it had not exited within TimeoutStopSec=; success with status 0 otherwise.
            assertThat(show(systemd, "Result", "ExecMainStatus", "ActiveState")).containsEntry("Result", "success")
                    .containsEntry("ExecMainStatus", "0").containsEntry("ActiveState", "inactive");
            assertThat(entry(journal(systemd), "stopping on SIGTERM").path("PRIORITY").asText()).isEqualTo("6");
        }
    }

    /**
     * The varlink socket works under the shipped hardening (ProtectSystem=strict with /run/nvme
     * writable, RestrictAddressFamilies): python3-varlink, inside the sandbox, gets the status.
     */
    private static void assertStatusSocketAnswers(Sandbox systemd) throws Exception {
        if (systemd.exec("/usr/bin/python3", "-c", "import varlink").status() != 0) {
            System.out.println("python3-varlink is not installed: the status socket is not asked here");
            return;
        }
        String reply = systemd.check("/usr/bin/python3", "-m", "varlink.cli", "call", "unix:" + DaemonService.ROOT
                + "/run/nvme/discoverd/varlink/org.nvmexpress.discoverd.GetStatus", "{}");
        assertThat(reply).contains("\"controllers\": 2", "\"lastReloadUSec\"");
    }

    private static String stem(String unit) {
        return unit.substring(0, unit.length() - ".service".length());
    }

    /** Polls the fake's log until each unit ran its connector at least that often: requested, failed, retried. */
    private static void awaitConnects(DaemonService daemon, Map<String, Integer> atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Map<String, Integer> connects = FakeNvme.connectsPerUnit(FakeNvme.lines(daemon.stage()));
            if (atLeast.entrySet().stream().allMatch(e -> connects.getOrDefault(e.getKey(), 0) >= e.getValue())) {
                return;
            }
            assertThat(System.nanoTime() - deadline).as("connects %s within 60 s, ran %s", atLeast, connects)
                    .isNegative();
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /** Type=notify: systemd entered "active" after the daemon sent READY=1, not when it started the process. */
    private static void assertActiveOnlyAfterReady(Sandbox systemd) throws Exception {
        Map<String, String> times = show(systemd, "ExecMainStartTimestampMonotonic", "ActiveEnterTimestampMonotonic");
        long readyMicros = DaemonService.readyMicros(journal(systemd));
        assertThat(readyMicros).isGreaterThan(Long.parseLong(times.get("ExecMainStartTimestampMonotonic")))
                .isLessThanOrEqualTo(Long.parseLong(times.get("ActiveEnterTimestampMonotonic")));
    }

    private static void assertJournalFields(List<JsonNode> entries) {
        JsonNode configured = entry(entries, "\\(tcp, 10\\.0\\.0\\.9, 4420, .*\\) - configured IOC from .*");
        assertThat(configured.path("PRIORITY").asText()).isEqualTo("7");
        assertThat(configured.path("NVME_TID").asText()).isEqualTo("(tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol)");
        assertThat(configured.path("NVME_UNIT").asText()).isEqualTo(IOC_UNIT);
        assertThat(configured.path("SYSLOG_IDENTIFIER").asText()).isEqualTo("nvme-discoverd");
        assertThat(configured.path("_TRANSPORT").asText()).isEqualTo("journal");

        JsonNode warning = entry(entries, ".*nvme-discoverd\\.conf:3: invalid value for 'nbft', ignored: .*");
        assertThat(warning.path("PRIORITY").asText()).isEqualTo("4");
        assertThat(warning.path("CODE_FILE").asText()).isEqualTo("InputReader.java");
    }
}
