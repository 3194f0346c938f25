package org.nvmexpress.discoverd.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Boots the real-kernel guest from the host side: checks the prerequisites (skipping with the
 * reason when one is missing), runs {@code integration-tests/qemu/prepare.sh}, writes a guest
 * script that runs {@link GuestMain} with the given checks through {@code in-host}, boots it with
 * {@code run-guest.sh} and reads the results off the console.
 *
 * <p>The JVM in the guest is this JVM's {@code java.home} with this JVM's class path: both live on
 * the host root, which the guest sees read-only under the same paths.
 */
final class RealKernelGuest {
    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath().normalize();
    private static final Path SCRIPTS = BASEDIR.resolve("integration-tests/qemu");
    private static final Path WORK = BASEDIR.resolve("target/real-kernel");
    /** prepare.sh's status when the kernel packages cannot be fetched on this machine. */
    private static final int PREPARE_UNAVAILABLE = 3;
    private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration GUEST_TIMEOUT = Duration.ofMinutes(5);

    /** The results of one boot, and how long preparing and booting took. */
    record Boot(GuestResults results, Duration prepare, Duration guest) {
    }

    /** Per list of checks: the {@link Boot}, or what stopped it (a skip is a TestAbortedException). */
    private static final Map<List<String>, Object> BOOTS = new HashMap<>();

    private RealKernelGuest() {
    }

    /**
     * Boots the guest the first time a list of checks is asked for and answers every later call
     * from that boot. Each caller sees the same skip or failure, so every test of a class that
     * cannot run is reported as skipped with the reason (an aborted {@code @BeforeAll} hides it).
     */
    static synchronized Boot bootOnce(List<String> checks) {
        Object outcome = BOOTS.computeIfAbsent(List.copyOf(checks), RealKernelGuest::attempt);
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
        if (outcome instanceof Error e) {
            throw e;
        }
        return (Boot) outcome;
    }

    private static Object attempt(List<String> checks) {
        try {
            Boot boot = boot(checks);
            System.out.printf("real-kernel guest %s: prepare %d ms, boot to results %d ms%n",
                    checks, boot.prepare().toMillis(), boot.guest().toMillis());
            return boot;
        } catch (RuntimeException | Error e) {
            return e;
        } catch (IOException e) {
            return new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while booting the guest", e);
        }
    }

    /** Boots and runs {@code checks} in that order; skips the calling test when it cannot. */
    private static Boot boot(List<String> checks) throws IOException, InterruptedException {
        assumeTrue(onPath("qemu-system-x86_64"), "qemu-system-x86_64 is not installed (package qemu-system-x86)");
        assumeTrue(isRoot(), "booting the guest with the host root shared (9p passthrough) needs root");
        Files.createDirectories(WORK);
        Path cache = cacheDirectory();

        long start = System.nanoTime();
        Path prepareLog = WORK.resolve("prepare.log");
        int prepared = run(List.of(SCRIPTS.resolve("prepare.sh").toString(), cache.toString()), prepareLog, PREPARE_TIMEOUT);
        assumeTrue(prepared != PREPARE_UNAVAILABLE, () -> "the guest kernel cannot be fetched here: " + lastLine(prepareLog));
        check(prepared == 0, "prepare.sh failed with status " + prepared, prepareLog);
        long prepareEnd = System.nanoTime();

        Path script = writeGuestScript(checks);
        Path console = WORK.resolve("console.log");
        int status = run(List.of(SCRIPTS.resolve("run-guest.sh").toString(), cache.toString(), script.toString()),
                console, GUEST_TIMEOUT.plusSeconds(30));
        check(status == 0, "the guest script failed with status " + status, console);
        long end = System.nanoTime();

        return new Boot(GuestResults.parse(Files.readString(console, StandardCharsets.UTF_8)),
                Duration.ofNanos(prepareEnd - start), Duration.ofNanos(end - prepareEnd));
    }

    /** {@code DISCOVERD_QEMU_CACHE}, else {@code target/qemu-cache} (about 420 MB, never in git). */
    static Path cacheDirectory() {
        String configured = System.getenv("DISCOVERD_QEMU_CACHE");
        return configured == null || configured.isBlank() ? BASEDIR.resolve("target/qemu-cache") : Path.of(configured);
    }

    private static Path writeGuestScript(List<String> checks) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = guestClassPath();
        // project.basedir: checks that run the launchers in bin/ find the checkout with it.
        List<String> argv = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                GuestTarget.JVM_TMP_OPTIONS[0], GuestTarget.JVM_TMP_OPTIONS[1],
                "-Dproject.basedir=" + BASEDIR, "-cp", classPath, GuestMain.class.getName()));
        // daemon-run's units connect through a warm JVM unless asked for a JVM each (DaemonRunCheck).
        String unitConnector = System.getProperty(DaemonRunCheck.CONNECTOR_PROPERTY);
        if (unitConnector != null && !unitConnector.isBlank()) {
            argv.add(argv.size() - 1, "-D" + DaemonRunCheck.CONNECTOR_PROPERTY + "=" + unitConnector);
        }
        argv.addAll(checks);
        String command = argv.stream().map(RealKernelGuest::shellQuote).collect(Collectors.joining(" "));
        Path script = WORK.resolve("guest-run.sh");
        Files.writeString(script, "# Written by RealKernelGuest; run inside the guest by busybox sh.\n"
                + "exec in-host " + command + "\n", StandardCharsets.UTF_8);
        return script;
    }

    /** This JVM's class path: the guest sees the whole host root, read-only, under the same paths. */
    private static String guestClassPath() {
        return System.getProperty("java.class.path");
    }

    private static int run(List<String> argv, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            check(false, argv.get(0) + " did not finish within " + timeout.toSeconds() + " s", log);
        }
        return process.exitValue();
    }

    private static void check(boolean condition, String message, Path log) {
        if (!condition) {
            throw new AssertionError(log == null ? message : message + "; last lines of " + log + ":\n" + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())).replace("\r", "");
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static String lastLine(Path log) {
        String tail = tail(log).strip();
        return tail.substring(tail.lastIndexOf('\n') + 1);
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }
}
