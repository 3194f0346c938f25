package org.nvmexpress.discoverd.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.systemd.Credential;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * How {@link ChildProcessUnitManager} runs one command of a unit: a child process with this JVM's
 * environment plus the given variables, stdin from {@code /dev/null}, stdout and stderr appended to
 * {@code <work>/<unit stem>.log} (as the journal would keep them), and a timeout. Every run is kept
 * ({@link #runs()}) for the check's report: under TCG a connector run is a JVM start, seconds each.
 */
final class UnitProcesses {
    /** The status of a command killed at its timeout. */
    static final int TIMED_OUT = -2;
    /** The status of a command that could not be started at all. */
    static final int NOT_STARTED = -1;

    /** One command run: its unit, which step ({@code start}, {@code stop}, …), exit status and time. */
    record Run(UnitName unit, String step, int status, long elapsedMs, String note) {
        @Override
        public String toString() {
            return unit.stem() + " " + step + " " + status + " " + elapsedMs + "ms" + (note.isEmpty() ? "" : " " + note);
        }
    }

    private final Path workDir;
    private final Map<String, String> environment;
    private final List<Run> runs = new ArrayList<>();

    UnitProcesses(Path workDir, Map<String, String> environment) {
        this.workDir = workDir;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs {@code argv} and waits for it, at most {@code timeout}; {@code onStart} (may be null) gets
     * the process as soon as it runs, so that a stop can kill it.
     *
     * @return the exit status, {@link #TIMED_OUT} or {@link #NOT_STARTED}
     */
    int run(UnitName unit, String step, List<String> argv, Map<String, String> extra, Duration timeout,
            Consumer<Process> onStart) {
        long start = System.nanoTime();
        File log = workDir.resolve(unit.stem() + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        builder.environment().putAll(extra);
        int status;
        String note = "";
        // On the console too: the boot's log then shows where a slow or stuck daemon run spends its time.
        System.err.println("unit-process: " + unit.stem() + " " + step + ": " + String.join(" ", argv).lines().findFirst().orElse(""));
        try {
            Process process = builder.start();
            if (onStart != null) {
                onStart.accept(process);
            }
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                status = process.exitValue();
            } else {
                process.destroyForcibly().waitFor();
                status = TIMED_OUT;
            }
        } catch (IOException e) {
            status = NOT_STARTED;
            note = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = NOT_STARTED;
            note = "interrupted";
        }
        Run run = new Run(unit, step, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), note);
        System.err.println("unit-process: " + run);
        if (status != 0) {
            System.err.println("unit-process: " + unit.stem() + " output so far:\n" + tail(log.toPath()));
        }
        add(run);
        return status;
    }

    /** Records what went wrong outside a command (a credentials file that could not be written). */
    void note(UnitName unit, String step, String message) {
        add(new Run(unit, step, NOT_STARTED, 0, message));
    }

    synchronized List<Run> runs() {
        return List.copyOf(runs);
    }

    private synchronized void add(Run run) {
        runs.add(run);
    }

    /** The last lines of a unit's output, for the console when a command fails. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Where the unit's {@code $CREDENTIALS_DIRECTORY} goes while its {@code ExecStart} runs. */
    Path credentialsDirectory(UnitName unit) {
        return workDir.resolve("credentials").resolve(unit.stem());
    }

    /** The secrets as systemd lays out {@code $CREDENTIALS_DIRECTORY}: a 0700 directory, one 0600 file each. */
    static void writeCredentials(Path dir, List<Credential> credentials) throws IOException {
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (Credential credential : credentials) {
            Path file = Files.createFile(dir.resolve(credential.id()),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, credential.data());
        }
    }

    /** Deletes the unit's credentials directory, as systemd does when the unit's start ends; a failure is noted. */
    void deleteCredentials(UnitName unit, Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        } catch (IOException e) {
            note(unit, "delete-credentials", e.toString());
        }
    }
}
