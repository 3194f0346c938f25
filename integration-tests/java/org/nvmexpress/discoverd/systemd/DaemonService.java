package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * nvme-discoverd.service staged for a real systemd in {@link Sandbox}: the jar, the launchers, a
 * configuration root and the unit as shipped, with only {@code ExecStart} pointed at the staged
 * launcher and an {@code Environment=} for the jar and the JDK. The stage directory is bound at
 * {@value #INSIDE} inside the sandbox, so whatever the units write there (the fake {@code nvme}'s log)
 * the test reads directly.
 *
 * <p>System property {@code it.unit.RestrictAddressFamilies}, when set, replaces that line of the
 * unit: {@code -Dit.unit.RestrictAddressFamilies='AF_UNIX AF_NETLINK'} runs a test against the
 * hardening as it was before name resolution was allowed, to see the test fail.
 */
final class DaemonService {
    static final Path BASEDIR = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
    static final Path JAR = BASEDIR.resolve("target/nvme-discoverd.jar");
    static final String INSIDE = "/run/nvme-it";
    static final String UNIT = "nvme-discoverd.service";
    /** The fake {@code nvme} and its log, as the sandbox sees them. */
    static final String NVME = INSIDE + "/nvme";
    static final String ROOT = INSIDE + "/root";
    private static final String ADDRESS_FAMILIES = "it.unit.RestrictAddressFamilies";
    private static final Pattern READY_SENT =
            Pattern.compile("sent READY=1 to the service manager \\(CLOCK_MONOTONIC ([0-9]+) µs\\)");

    private final Path stage;

    private DaemonService(Path stage) {
        this.stage = stage;
    }

    /** Skips the calling test, with the reason, unless the sandbox can run here and the jar is built. */
    static void assumeRunnable() throws IOException {
        SystemdSandbox.assumeUsable();
        assumeThat(JAR).as("%s is not built (./mvnw package)", JAR).exists();
    }

    /** Stages everything under {@code dir}, with these two configuration files under the daemon's root. */
    static DaemonService stage(Path dir, String daemonConf, String fabricsConf) throws IOException {
        Path stage = Files.createDirectories(dir.resolve("stage"));
        Path bin = Files.createDirectories(stage.resolve("bin"));
        Files.copy(BASEDIR.resolve("bin/launcher.sh"), bin.resolve("launcher.sh"));
        Files.copy(BASEDIR.resolve("bin/nvme-discoverd"), bin.resolve("nvme-discoverd"));
        Files.copy(JAR, stage.resolve("nvme-discoverd.jar"));
        Path etc = Files.createDirectories(stage.resolve("root/etc/nvme"));
        Files.writeString(etc.resolve("nvme-discoverd.conf"), daemonConf);
        Files.writeString(etc.resolve("nvme-fabrics.conf"), fabricsConf);
        String unit = Files.readString(BASEDIR.resolve("systemd/" + UNIT)).replace("ExecStart=/usr/sbin/nvme-discoverd",
                "ExecStart=" + INSIDE + "/bin/nvme-discoverd --root " + ROOT + "\n"
                        + "Environment=NVME_DISCOVERD_JAR=" + INSIDE + "/nvme-discoverd.jar JAVA_HOME="
                        + System.getProperty("java.home"));
        String families = System.getProperty(ADDRESS_FAMILIES);
        if (families != null) {
            unit = unit.replaceAll("(?m)^RestrictAddressFamilies=.*$", "RestrictAddressFamilies=" + families);
            System.out.println("unit under test has RestrictAddressFamilies=" + families + " (" + ADDRESS_FAMILIES + ")");
        }
        Files.writeString(stage.resolve(UNIT), unit);
        Files.copy(BASEDIR.resolve("systemd/nvme-discoverd.service.d/notify-reload.conf"),
                stage.resolve("notify-reload.conf"));
        return new DaemonService(stage);
    }

    /** The {@code --bind} argument that shows the stage to the sandbox. */
    String bind() {
        return stage + ":" + INSIDE;
    }

    /** The stage directory on this side of the bind. */
    Path stage() {
        return stage;
    }

    /** {@code /etc/nvme} under the daemon's root, on this side of the bind. */
    Path etc() {
        return stage.resolve("root/etc/nvme");
    }

    /** Writes an executable file into the stage; {@code name} is then {@code INSIDE/name} in the sandbox. */
    Path writeExecutable(String name, String content) throws IOException {
        Path file = Files.writeString(stage.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Installs the unit (and, from systemd 253 on, the notify-reload drop-in) as README's install notes say. */
    void install(Sandbox systemd) throws Exception {
        systemd.check("cp", INSIDE + "/" + UNIT, "/run/systemd/system/" + UNIT);
        String version = systemd.check("systemctl", "--version").lines().findFirst().orElseThrow();
        if (Integer.parseInt(version.split(" ")[1]) >= 253) {
            systemd.check("mkdir", "-p", "/run/systemd/system/" + UNIT + ".d");
            systemd.check("cp", INSIDE + "/notify-reload.conf", "/run/systemd/system/" + UNIT + ".d/");
        }
        systemd.check("systemctl", "daemon-reload");
    }

    /** {@code systemctl show} of the daemon's unit, for these properties. */
    static Map<String, String> show(Sandbox systemd, String... properties) throws Exception {
        List<String> argv = new ArrayList<>(List.of("systemctl", "show", UNIT));
        for (String p : properties) {
            argv.add("-p");
            argv.add(p);
        }
        return systemd.check(argv.toArray(String[]::new)).lines().map(line -> line.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    /** The daemon's journal entries, as journalctl's JSON objects, after journald wrote what it has. */
    static List<JsonNode> journal(Sandbox systemd) throws Exception {
        return journal(systemd, UNIT);
    }

    /** The journal entries of {@code unit}. */
    static List<JsonNode> journal(Sandbox systemd, String unit) throws Exception {
        systemd.check("journalctl", "--sync");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : systemd.check("journalctl", "-u", unit, "-o", "json", "--no-pager").lines().toList()) {
            entries.add(json.readTree(line));
        }
        return entries;
    }

    /** The messages of {@code entries}, one a line, for assertion messages and the test's output. */
    static String messages(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("MESSAGE").asText()).collect(Collectors.joining("\n"));
    }

    static JsonNode entry(List<JsonNode> entries, String messageRegex) {
        return entries.stream().filter(e -> e.path("MESSAGE").asText().matches(messageRegex)).findFirst()
                .orElseThrow(() -> new AssertionError("no journal entry matches " + messageRegex + " in\n"
                        + messages(entries)));
    }

    /** CLOCK_MONOTONIC, in µs, at which the daemon says it sent READY=1 (its own log line). */
    static long readyMicros(List<JsonNode> entries) {
        Matcher ready = READY_SENT.matcher(entry(entries, READY_SENT.pattern()).path("MESSAGE").asText());
        assertThat(ready.matches()).isTrue();
        return Long.parseLong(ready.group(1));
    }

    /** Blocks until the daemon's journal has a message starting with {@code prefix}, by following it. */
    static void awaitMessage(Sandbox systemd, String prefix) throws Exception {
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
}
