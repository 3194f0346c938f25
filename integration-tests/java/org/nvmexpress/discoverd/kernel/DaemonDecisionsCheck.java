package org.nvmexpress.discoverd.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.nvmexpress.discoverd.cli.InProcessDiscoverctl;
import org.nvmexpress.discoverd.cli.InProcessDiscoverd;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;

/**
 * The daemon's decision side on a real controller: adoption and the connect gate (reference §15)
 * as {@code nvme-discoverd --dry-run} and the running daemon see them, with the real sysfs,
 * registry and {@code /run}.
 *
 * <p>It connects test-io1 with the built-in connector (in-process, as {@link BuiltinConnectorCheck}'s
 * later runs), then runs {@code --dry-run} (in-process) on a fabrics file that names test-io1 in
 * another spelling than sysfs's ({@code ::ffff:127.0.0.1}, no trsvcid), test-io2 on port 2 (not
 * connected) and a subsystem the default exclusion list excludes: once as connected, once after
 * {@code registry update -a owner -V stas}, once after {@code registry delete -a owner}. Each
 * run's lines are reported by subsystem ({@code io1}, {@code io2}, {@code excluded}) as the JSON
 * the daemon printed. Then it starts the daemon itself through {@code bin/nvme-discoverd} on a
 * file naming test-io1 only: there is no systemd and no D-Bus in the guest, but its first pass
 * (survey, plan, adoption) runs; it reports the {@code ready:} line, the exit status after
 * SIGTERM, and what the daemon left: the controller's state and its registry owner.
 *
 * <p>The root: the host root is read-only in the guest, so {@code /etc/nvme} cannot be written
 * there. The check makes a root of its own under the guest's temporary directory: {@code sys},
 * {@code dev}, {@code run} and {@code proc} are symbolic links to the guest's real ones, and
 * {@code etc/nvme} holds the exclusion list and the daemon configuration ({@code connector =
 * builtin}). The guest has no {@code /etc/nvme/hostnqn}, here or there.
 */
final class DaemonDecisionsCheck implements GuestCheck {
    /** No such subsystem on the target; the exclusion list keeps it from ever being connected. */
    static final String EXCLUDED_NQN = "nqn.2014-08.org.nvmexpress:test-excluded";
    static final String FOREIGN_OWNER = "stas";
    /** The daemon starts a JVM under TCG (10-20 s), then its first pass. */
    private static final long READY_TIMEOUT_MS = 150_000;
    private static final long EXIT_TIMEOUT_MS = 15_000;
    private static final List<String> LINKED = List.of("sys", "dev", "run", "proc");

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String name() {
        return "daemon-decisions";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        List<String> before = GuestFabrics.controllers();
        Path root = Files.createTempDirectory("discoverd-root-");
        try {
            Path fabrics = prepareRoot(root);
            Path devid = root.resolve("io1.devid");
            InProcessDiscoverctl.Result connect = InProcessDiscoverctl.run("connect", "--transport", "tcp", "--traddr",
                    GuestTarget.TRADDR, "--trsvcid", GuestTarget.PORT1_TRSVCID, "--nqn", GuestTarget.IO1_NQN,
                    "--owner", BuiltinConnectorCheck.OWNER, "--devid-file", devid.toString(), "--idempotent");
            report.put("connect.status", String.valueOf(connect.status()));
            report.put("connect.err", connect.err());
            String device = Files.readString(devid, StandardCharsets.US_ASCII).strip();
            report.put("device", device);
            Path ownerFile = BuiltinConnectorCheck.REGISTRY.resolve(device).resolve("owner");

            dryRun(report, "connected", root, fabrics);

            script(report, "set-foreign", "registry", "update", device, "-a", "owner", "-V", FOREIGN_OWNER);
            dryRun(report, "foreign", root, fabrics);

            script(report, "drop-owner", "registry", "delete", device, "-a", "owner");
            report.put("owner-before-daemon", contentOf(ownerFile));
            dryRun(report, "unowned", root, fabrics);

            runDaemon(report, root);
            report.put("state-after-daemon", contentOf(GuestFabrics.CLASS_NVME.resolve(device).resolve("state")));
            report.put("owner-after-daemon", contentOf(ownerFile));
            report.put("controllers-after-daemon", String.join(",", appeared(before)));
        } finally {
            Registry registry = new Registry(Path.of("/"));
            for (String device : appeared(before)) {
                GuestFabrics.delete(device);
                registry.deleteIfPresent(new DeviceName(device));
            }
            deleteTree(root);
        }
        report.put("left-behind", String.join(",", appeared(before)));
    }

    /** Fills {@code root} (see the class comment) and returns the dry runs' fabrics file. */
    private static Path prepareRoot(Path root) throws IOException {
        for (String name : LINKED) {
            Files.createSymbolicLink(root.resolve(name), Path.of("/", name));
        }
        Path etc = Files.createDirectories(root.resolve("etc/nvme"));
        Files.writeString(etc.resolve("nvme-discoverd.conf"), "[Global]\nconnector = builtin\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("exclusions.conf"), "[exclusions]\nexclusion = nqn=" + EXCLUDED_NQN + "\n",
                StandardCharsets.UTF_8);
        Path fabrics = root.resolve("fabrics.conf");
        Files.writeString(fabrics, "[Subsystem]\nnqn = " + GuestTarget.IO1_NQN + "\n"
                + "controller = transport=tcp;traddr=::ffff:" + GuestTarget.TRADDR + "\n\n"
                + "[Subsystem]\nnqn = " + GuestTarget.IO2_NQN + "\n"
                + "controller = transport=tcp;traddr=" + GuestTarget.TRADDR + ";trsvcid=" + GuestTarget.PORT2_TRSVCID + "\n\n"
                + "[Subsystem]\nnqn = " + EXCLUDED_NQN + "\n"
                + "controller = transport=tcp;traddr=" + GuestTarget.TRADDR + ";trsvcid=" + GuestTarget.PORT1_TRSVCID + "\n",
                StandardCharsets.UTF_8);
        // The daemon's own file: test-io1 only, in the spelling without trsvcid (the IOC default 4420).
        Files.writeString(root.resolve("daemon-fabrics.conf"), "[Subsystem]\nnqn = " + GuestTarget.IO1_NQN + "\n"
                + "controller = transport=tcp;traddr=" + GuestTarget.TRADDR + "\n", StandardCharsets.UTF_8);
        return fabrics;
    }

    /** {@code --dry-run}: status, number of lines, and each line by the subsystem its tid names. */
    private void dryRun(GuestReport report, String prefix, Path root, Path fabrics) throws IOException {
        InProcessDiscoverd.Result run = InProcessDiscoverd.run("--dry-run", "--root", root.toString(), "--config",
                root.resolve("etc/nvme/nvme-discoverd.conf").toString(), "--fabrics", fabrics.toString());
        report.put(prefix + ".status", String.valueOf(run.status()));
        report.put(prefix + ".err", run.err());
        List<String> lines = run.out().isEmpty() ? List.of() : run.out().lines().toList();
        report.put(prefix + ".lines", String.valueOf(lines.size()));
        int other = 0;
        for (String line : lines) {
            JsonNode node = mapper.readTree(line);
            String tid = node.path("tid").asText("");
            String label = tid.contains("nqn=" + GuestTarget.IO1_NQN) ? "io1"
                    : tid.contains("nqn=" + GuestTarget.IO2_NQN) ? "io2"
                    : tid.contains("nqn=" + EXCLUDED_NQN) ? "excluded" : "other-" + other++;
            report.put(prefix + "." + label, line);
        }
    }

    /** {@code nvme-discoverctl} in-process, as a script runs it (no prompt). */
    private static void script(GuestReport report, String prefix, String... args) {
        InProcessDiscoverctl.Result run = InProcessDiscoverctl.runAsScript(args);
        report.put(prefix + ".status", String.valueOf(run.status()));
        report.put(prefix + ".out", run.out());
        report.put(prefix + ".err", run.err());
    }

    /**
     * {@code bin/nvme-discoverd} in a process of its own until its {@code ready:} line, then SIGTERM.
     * Reports {@code daemon.ready} (the text from {@code ready:} on), {@code daemon.ready-ms},
     * {@code daemon.exit} and {@code daemon.exit-ms}, and the lines that name test-io1's unit or device.
     */
    private static void runDaemon(GuestReport report, Path root) throws IOException, InterruptedException {
        String basedir = System.getProperty("project.basedir");
        if (basedir == null || basedir.isBlank()) {
            throw new IllegalStateException("the guest JVM has no -Dproject.basedir: cannot find bin/nvme-discoverd");
        }
        Path log = root.resolve("daemon.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(basedir, "bin", "nvme-discoverd").toString(), "--root",
                root.toString(), "--config", root.resolve("etc/nvme/nvme-discoverd.conf").toString(), "--fabrics",
                root.resolve("daemon-fabrics.conf").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JOURNAL_STREAM");
        builder.environment().remove("NOTIFY_SOCKET");
        builder.environment().put("NVME_DISCOVERD_JAVA_OPTS", String.join(" ", GuestTarget.JVM_TMP_OPTIONS));
        long start = System.nanoTime();
        Process daemon = builder.start();
        try {
            String ready = null;
            while (ready == null && elapsedMs(start) < READY_TIMEOUT_MS && daemon.isAlive()) {
                Thread.sleep(200);
                ready = readyLine(log);
            }
            if (ready == null) {
                ready = readyLine(log);
            }
            report.put("daemon.ready", ready == null ? "(none)" : ready);
            report.put("daemon.ready-ms", String.valueOf(elapsedMs(start)));
            report.put("daemon.alive-at-ready", String.valueOf(daemon.isAlive()));
            long term = System.nanoTime();
            daemon.destroy(); // SIGTERM; the launcher execs the JVM, so this is the daemon itself
            boolean exited = daemon.waitFor(EXIT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            report.put("daemon.exit", exited ? String.valueOf(daemon.exitValue()) : "(still running)");
            report.put("daemon.exit-ms", String.valueOf(elapsedMs(term)));
        } finally {
            if (daemon.isAlive()) {
                daemon.destroyForcibly().waitFor();
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            report.put("daemon.log", text.strip());
        }
    }

    /** The daemon's {@code ready: STATUS} text, from {@code ready:} on, or {@code null} before it. */
    private static String readyLine(Path log) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int at = line.indexOf("ready: ");
            if (at >= 0) {
                return line.substring(at);
            }
        }
        return null;
    }

    private static long elapsedMs(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static List<String> appeared(List<String> before) throws IOException {
        List<String> now = new ArrayList<>(GuestFabrics.controllers());
        now.removeAll(before);
        return now;
    }

    private static String contentOf(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : BuiltinConnectorCheck.ABSENT;
    }

    /** Removes the root: its links first (never followed), then what is left. */
    private static void deleteTree(Path root) throws IOException {
        for (String name : LINKED) {
            Path link = root.resolve(name);
            if (Files.isSymbolicLink(link)) {
                Files.delete(link);
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
