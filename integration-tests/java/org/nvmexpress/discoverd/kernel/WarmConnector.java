package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.cli.InProcessDiscoverctl;

/**
 * The built-in connector for the guest's connection units without a JVM start each: a unit's
 * {@code ExecStart} is still a child process (a shell script, {@link #launcher()}) with the real
 * connector arguments, but the script hands them to this JVM, which runs {@code nvme-discoverctl
 * connect} in-process ({@link InProcessDiscoverctl#runConnect}, the same picocli command line and
 * production ports), and the script prints the output and exits with the status.
 *
 * <p>Why: under TCG a connector JVM takes 20-25 s of the guest's one CPU, 50-70 s each when three
 * start together (measured, docs/real-kernel-tests.md), so a daemon run with a JVM per unit takes
 * minutes. The launcher and the packaged jar in a process of their own are proven by
 * {@code builtin-connector}'s first run; {@code daemon-run} can still run that way
 * ({@code -Ddiscoverd.guest.unit-connector=jvm}).
 *
 * <p>The channel is a spool directory (no socket tool in the guest's shell): the script makes
 * {@code .<id>/} with {@code argv} (NUL-separated) and {@code credentials} (the unit's
 * {@code $CREDENTIALS_DIRECTORY} path, or empty), renames it to {@code req-<id>} so the server sees
 * only whole requests, and waits for {@code status}, which the server writes last (by rename) after
 * {@code out} and {@code err}. One connect at a time, in arrival order.
 */
final class WarmConnector implements AutoCloseable {
    private static final long POLL_MS = 50;

    private final Path spool;
    private final Path launcher;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String failure = "";

    private WarmConnector(Path spool, Path launcher) {
        this.spool = spool;
        this.launcher = launcher;
        this.thread = new Thread(this::serve, "warm-connector");
        this.thread.setDaemon(true);
    }

    /** Serves requests in {@code dir}/spool; the units' launcher is {@code dir}/nvme-discoverctl-warm. */
    static WarmConnector start(Path dir) throws IOException {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path launcher = dir.resolve("nvme-discoverctl-warm");
        String q = "'" + spool + "'";
        Files.writeString(launcher, "#!/bin/sh\n"
                + "# A connection unit's nvme-discoverctl, run by the guest's warm JVM (WarmConnector).\n"
                + "id=$$-$(date +%s%N)\n"
                + "mkdir " + q + "/.$id || exit 1\n"
                + "printf '%s' \"${CREDENTIALS_DIRECTORY:-}\" > " + q + "/.$id/credentials\n"
                + "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > " + q + "/.$id/argv\n"
                + "mv " + q + "/.$id " + q + "/req-$id || exit 1\n"
                + "while [ ! -e " + q + "/req-$id/status ]; do sleep 0.2; done\n"
                + "cat " + q + "/req-$id/out; cat " + q + "/req-$id/err >&2\n"
                + "status=$(cat " + q + "/req-$id/status)\n"
                + "rm -rf " + q + "/req-$id\n"
                + "exit \"$status\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        WarmConnector server = new WarmConnector(spool, launcher);
        server.thread.start();
        return server;
    }

    /** The program the units' {@code ExecStart} names instead of {@code bin/nvme-discoverctl}. */
    String launcher() {
        return launcher.toString();
    }

    /** What went wrong serving a request, empty when nothing did. */
    String failure() {
        return failure;
    }

    private void serve() {
        while (!closed) {
            try {
                List<Path> requests = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(spool, "req-*")) {
                    entries.forEach(requests::add);
                }
                requests.removeIf(r -> Files.exists(r.resolve("status")) || Files.exists(r.resolve("out")));
                requests.sort(null);
                for (Path request : requests) {
                    answer(request);
                }
                Thread.sleep(POLL_MS);
            } catch (IOException e) {
                failure = e.toString();
                System.err.println("warm-connector: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void answer(Path request) throws IOException {
        // Every argument ends with a NUL, so an empty one survives; the script gets no argv[0].
        String raw = Files.readString(request.resolve("argv"), StandardCharsets.UTF_8);
        String[] argv = raw.isEmpty() ? new String[0] : raw.substring(0, raw.length() - 1).split("\0", -1);
        String credentials = Files.readString(request.resolve("credentials"), StandardCharsets.UTF_8);
        InProcessDiscoverctl.Result result = InProcessDiscoverctl.runConnect(
                credentials.isEmpty() ? Optional.empty() : Optional.of(Path.of(credentials)), argv);
        Files.writeString(request.resolve("out"), result.out().isEmpty() ? "" : result.out() + "\n");
        Files.writeString(request.resolve("err"), result.err().isEmpty() ? "" : result.err() + "\n");
        Path status = request.resolve(".status");
        Files.writeString(status, String.valueOf(result.status()));
        Files.move(status, request.resolve("status"), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(5_000);
    }
}
