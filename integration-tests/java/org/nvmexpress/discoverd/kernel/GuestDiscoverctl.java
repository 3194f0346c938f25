package org.nvmexpress.discoverd.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nvmexpress.discoverd.cli.InProcessDiscoverctl;

/**
 * {@code nvme-discoverctl} for checks inside the guest, two ways:
 *
 * <ul>
 * <li>{@link #launcher()}: the checkout's shipped {@code bin/nvme-discoverctl}, as an administrator
 * or a unit runs it: a child process with its own JVM and the packaged jar, so the launcher, the
 * shaded jar and JNA's native part inside it are all proven. The checkout is found through the
 * {@code project.basedir} property that {@link RealKernelGuest} gives the guest's JVM; the launcher
 * gets this JVM's {@code java.home} as {@code JAVA_HOME}.</li>
 * <li>{@link #inProcess()}: the same picocli command line with the same production ports, in this
 * JVM. A JVM start under TCG takes 10-20 s, so further runs of a check go this way.</li>
 * </ul>
 */
@FunctionalInterface
interface GuestDiscoverctl {
    /** A JVM start under TCG on a busy machine takes up to 20 s; a connect on loopback far less. */
    Duration TIMEOUT = Duration.ofSeconds(120);

    /** What one run of the command gave back; out and err without surrounding white space. */
    record Run(int status, String out, String err) {
    }

    /** Runs the command with {@code args} and waits for it. */
    Run run(String... args) throws IOException, InterruptedException;

    /**
     * Runs the command and reports {@code <prefix>.status}, {@code .out}, {@code .err} and
     * {@code .elapsed-ms} (where a slow boot's time goes).
     */
    default void report(GuestReport report, String prefix, String... args) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Run run = run(args);
        report.put(prefix + ".status", String.valueOf(run.status()));
        report.put(prefix + ".out", run.out());
        report.put(prefix + ".err", run.err());
        report.put(prefix + ".elapsed-ms", String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
    }

    /** The checkout's {@code bin/nvme-discoverctl}; fails when the guest JVM was not told where the checkout is. */
    static GuestDiscoverctl launcher() {
        String basedir = System.getProperty("project.basedir");
        if (basedir == null || basedir.isBlank()) {
            throw new IllegalStateException("the guest JVM has no -Dproject.basedir: cannot find bin/nvme-discoverctl");
        }
        Path launcher = Path.of(basedir, "bin", "nvme-discoverctl");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException(launcher + " is missing or not executable");
        }
        return args -> {
            List<String> argv = new ArrayList<>();
            argv.add(launcher.toString());
            argv.addAll(List.of(args));
            return runProcess(argv);
        };
    }

    /** The command line in this JVM. */
    static GuestDiscoverctl inProcess() {
        return args -> {
            InProcessDiscoverctl.Result result = InProcessDiscoverctl.run(args);
            return new Run(result.status(), result.out(), result.err());
        };
    }

    private static Run runProcess(List<String> argv) throws IOException, InterruptedException {
        Path out = Files.createTempFile("discoverctl-", ".out");
        Path err = Files.createTempFile("discoverctl-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("JOURNAL_STREAM");
            builder.environment().put("NVME_DISCOVERD_JAVA_OPTS", String.join(" ", GuestTarget.JVM_TMP_OPTIONS));
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IOException(String.join(" ", argv) + " did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            return new Run(process.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
