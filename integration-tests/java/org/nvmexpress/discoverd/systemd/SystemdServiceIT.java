package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * nvme-discoverd.service on a real systemd (../shared/tools/systemd-sandbox): the unit as shipped,
 * with only ExecStart pointed at the jar and launcher staged under /run/nvme-it and an
 * Environment= for the jar and the JDK. Needs root.
 */
final class SystemdServiceIT {
    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
    private static final Path TOOL = BASEDIR.resolve("../shared/tools/systemd-sandbox").normalize();
    private static final Path JAR = BASEDIR.resolve("target/nvme-discoverd.jar");
    private static final String INSIDE = "/run/nvme-it";
    private static final String UNIT = "nvme-discoverd.service";
    private static final String ONE_IOC = "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\n"
            + "controller = transport=tcp;traddr=10.0.0.9\n";
    private static final Pattern READY_SENT =
            Pattern.compile("sent READY=1 to the service manager \\(CLOCK_MONOTONIC ([0-9]+) µs\\)");

    @TempDir
    Path tmp;

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return id.waitFor(10, TimeUnit.SECONDS) && uid.equals("0");
    }

    /** The jar, the launchers, a configuration under root/ and the unit, as the sandbox will see them at /run/nvme-it. */
    private Path stage() throws Exception {
        Path stage = Files.createDirectories(tmp.resolve("stage"));
        Path bin = Files.createDirectories(stage.resolve("bin"));
        Files.copy(BASEDIR.resolve("bin/launcher.sh"), bin.resolve("launcher.sh"));
        Files.copy(BASEDIR.resolve("bin/nvme-discoverd"), bin.resolve("nvme-discoverd"));
        Files.copy(JAR, stage.resolve("nvme-discoverd.jar"));
        Path etc = Files.createDirectories(stage.resolve("root/etc/nvme"));
        // debug-level debug shows the per-connection lines; the bad nbft value gives a warning.
        Files.writeString(etc.resolve("nvme-discoverd.conf"), "[Global]\ndebug-level = debug\nnbft = maybe\n");
        Files.writeString(etc.resolve("nvme-fabrics.conf"), ONE_IOC);
        String unit = Files.readString(BASEDIR.resolve("systemd/" + UNIT)).replace("ExecStart=/usr/sbin/nvme-discoverd",
                "ExecStart=" + INSIDE + "/bin/nvme-discoverd --root " + INSIDE + "/root\n"
                        + "Environment=NVME_DISCOVERD_JAR=" + INSIDE + "/nvme-discoverd.jar JAVA_HOME="
                        + System.getProperty("java.home"));
        Files.writeString(stage.resolve(UNIT), unit);
        Files.copy(BASEDIR.resolve("systemd/nvme-discoverd.service.d/notify-reload.conf"), stage.resolve("notify-reload.conf"));
        return stage;
    }

    /** Installs the unit (and, from systemd 253 on, the notify-reload drop-in) as README's install notes say. */
    private static void install(Sandbox systemd) throws Exception {
        systemd.check("cp", INSIDE + "/" + UNIT, "/run/systemd/system/" + UNIT);
        String version = systemd.check("systemctl", "--version").lines().findFirst().orElseThrow();
        if (Integer.parseInt(version.split(" ")[1]) >= 253) {
            systemd.check("mkdir", "-p", "/run/systemd/system/" + UNIT + ".d");
            systemd.check("cp", INSIDE + "/notify-reload.conf", "/run/systemd/system/" + UNIT + ".d/");
        }
        systemd.check("systemctl", "daemon-reload");
    }

    private static Map<String, String> show(Sandbox systemd, String... properties) throws Exception {
        List<String> argv = new ArrayList<>(List.of("systemctl", "show", UNIT));
        for (String p : properties) {
            argv.add("-p");
            argv.add(p);
        }
        return systemd.check(argv.toArray(String[]::new)).lines().map(line -> line.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    /** The daemon's journal entries, as journalctl's JSON objects, after journald wrote what it has. */
    private static List<JsonNode> journal(Sandbox systemd) throws Exception {
        systemd.check("journalctl", "--sync");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : systemd.check("journalctl", "-u", UNIT, "-o", "json", "--no-pager").lines().toList()) {
            entries.add(json.readTree(line));
        }
        return entries;
    }

    private static JsonNode entry(List<JsonNode> entries, String messageRegex) {
        return entries.stream().filter(e -> e.path("MESSAGE").asText().matches(messageRegex)).findFirst()
                .orElseThrow(() -> new AssertionError("no journal entry matches " + messageRegex + " in " + entries));
    }

    /** Blocks until the daemon's journal has a message starting with {@code prefix}, by following it. */
    private static void awaitMessage(Sandbox systemd, String prefix) throws Exception {
        Process follow = systemd.spawn("journalctl", "-u", UNIT, "-f", "-n", "all", "-o", "cat");
        try (BufferedReader reader = follow.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith(prefix)) {
                // read on: the line is further down
            }
            assertThat(line).as("journal line starting with '%s'", prefix).isNotNull();
        } finally {
            follow.destroy();
        }
    }

    @Test
    @Timeout(300)
    void serviceIsActiveOnReadyReloadsStopsAndLogsToTheJournal() throws Exception {
        assumeThat(isRoot()).as("the systemd sandbox needs root").isTrue();
        assumeThat(Files.isExecutable(TOOL)).as("%s is absent", TOOL).isTrue();
        assumeThat(Files.exists(JAR)).as("%s is not built", JAR).isTrue();
        Path stage = stage();
        try (Sandbox systemd = Sandbox.start(TOOL, tmp.resolve("sandbox"), stage + ":" + INSIDE)) {
            install(systemd);

            systemd.check("systemctl", "start", UNIT);
            assertThat(systemd.check("systemctl", "is-active", UNIT).trim()).isEqualTo("active");
            assertActiveOnlyAfterReady(systemd);
            assertJournalFields(journal(systemd));

            Files.writeString(stage.resolve("root/etc/nvme/nvme-fabrics.conf"),
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
        Matcher ready = READY_SENT.matcher(entry(journal(systemd), READY_SENT.pattern()).path("MESSAGE").asText());
        assertThat(ready.matches()).isTrue();
        long readyMicros = Long.parseLong(ready.group(1));
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
