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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * nvme-discoverd.service on a real systemd (../shared/tools/systemd-sandbox): the unit as shipped,
 * staged by {@link DaemonService}. Needs root.
 */
final class SystemdServiceIT {
    private static final String UNIT = DaemonService.UNIT;
    private static final String ONE_IOC = "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\n"
            + "controller = transport=tcp;traddr=10.0.0.9\n";

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void serviceIsActiveOnReadyReloadsStopsAndLogsToTheJournal() throws Exception {
        DaemonService.assumeRunnable();
        // debug-level debug shows the per-connection lines; the bad nbft value (line 3) gives a warning.
        DaemonService daemon = DaemonService.stage(tmp, "[Global]\ndebug-level = debug\nnbft = maybe\n", ONE_IOC);
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
            // The units run nvme connect against addresses nothing answers: starting or retrying, never connected.
            Map<String, String> state = show(systemd, "StatusText", "ActiveState");
            assertThat(state).containsEntry("ActiveState", "active");
            assertThat(state.get("StatusText")).matches("2 controllers: 0 connected, .*");
            assertThat(entry(journal(systemd), "reloading the configuration \\(SIGHUP\\)").path("PRIORITY").asText())
                    .isEqualTo("6");

            systemd.check("systemctl", "stop", UNIT);
            // Result=timeout if it had not exited within TimeoutStopSec=; success with status 0 otherwise.
            assertThat(show(systemd, "Result", "ExecMainStatus", "ActiveState")).containsEntry("Result", "success")
                    .containsEntry("ExecMainStatus", "0").containsEntry("ActiveState", "inactive");
            assertThat(entry(journal(systemd), "stopping on SIGTERM").path("PRIORITY").asText()).isEqualTo("6");
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
        assertThat(configured.path("NVME_UNIT").asText()).isEqualTo("nvme-discoverd-c7f645736db2.service");
        assertThat(configured.path("SYSLOG_IDENTIFIER").asText()).isEqualTo("nvme-discoverd");
        assertThat(configured.path("_TRANSPORT").asText()).isEqualTo("journal");

        JsonNode warning = entry(entries, ".*nvme-discoverd\\.conf:3: invalid value for 'nbft', ignored: .*");
        assertThat(warning.path("PRIORITY").asText()).isEqualTo("4");
        assertThat(warning.path("CODE_FILE").asText()).isEqualTo("InputReader.java");
    }
}
