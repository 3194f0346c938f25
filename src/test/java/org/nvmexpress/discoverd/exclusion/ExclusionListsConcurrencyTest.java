package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.fs.DirectoryLock;

/**
 * Several processes change one list at once: no writer loses another's change (add and remove are
 * read-modify-write, so without the directory lock the last rename would win), and every change
 * replaces the file instead of rewriting it, so a reader never sees a torn list.
 *
 * <p>Every round contends, by construction rather than by luck: this process takes the directory
 * lock itself, tells each {@link ExclusionWorker} to make one change, and waits until the kernel
 * shows every worker blocked on that lock ({@code /proc/locks}); only then does it let go. So a
 * writer that does not lock answers while the lock is still held here; one that locks only after
 * reading the list has read the same old list as all the others, and the round loses entries; one
 * that rewrites the file in place changes the version this process keeps open across the round.
 */
final class ExclusionListsConcurrencyTest {
    private static final int WORKERS = 4;
    private static final int ENTRIES_PER_WORKER = 6;
    private static final ListName LIST = new ListName("shared");
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    /** One protocol line of a worker, or {@code null} when its output ended (it exited). */
    private record Report(int worker, String line) {
    }

    @TempDir
    Path root;

    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    private final List<Process> workers = new ArrayList<>();

    private void startWorker(String java, int id) throws IOException {
        Process worker = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), ExclusionWorker.class.getName(),
                root.toString(), LIST.name(), Integer.toString(id))
                .redirectError(log(id).toFile())
                .start();
        workers.add(worker);
        Thread relay = new Thread(() -> relay(id, worker.getInputStream()), "exclusion-worker-" + id);
        relay.setDaemon(true);
        relay.start();
    }

    private void relay(int id, InputStream output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(ExclusionWorker.DONE)) {
                    reports.add(new Report(id, line));
                }
            }
        } catch (IOException e) {
            // the output ended: reported just below, like a normal end
        }
        reports.add(new Report(id, null));
    }

    private Path log(int id) {
        return root.resolve("worker-" + id + ".log");
    }

    private String logOf(int id) throws IOException {
        return "worker " + id + " log:\n" + Files.readString(log(id));
    }

    @Test
    void workersChangingOneListAtOnceLoseNothingAndNeverRewriteItInPlace() throws Exception {
        Optional<String> java = ProcessHandle.current().info().command();
        assumeThat(java).as("the path of this JVM's java launcher").isPresent();
        assumeThat(PROC_LOCKS).as("/proc/locks, where the kernel shows who waits for a lock").isReadable();
        ExclusionLists lists = new ExclusionLists(root);
        lists.create(LIST);
        Set<String> expected = new HashSet<>();
        try {
            for (int id = 0; id < WORKERS; id++) {
                startWorker(java.get(), id);
            }
            for (int i = 0; i < ENTRIES_PER_WORKER; i++) {
                round(lists.file(LIST), "add " + i);
                expected.addAll(entries(i));
                assertThat(lists.entries(LIST)).extracting(EntryLine::text).containsExactlyInAnyOrderElementsOf(expected);
                if (i % 2 == 0) {
                    round(lists.file(LIST), "remove " + i);
                    expected.removeAll(entries(i));
                    assertThat(lists.entries(LIST)).extracting(EntryLine::text).containsExactlyInAnyOrderElementsOf(expected);
                }
            }
            for (int id = 0; id < WORKERS; id++) {
                workers.get(id).getOutputStream().close();
                assertThat(workers.get(id).waitFor()).as(logOf(id)).isZero();
            }
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private static List<String> entries(int i) {
        List<String> entries = new ArrayList<>();
        for (int id = 0; id < WORKERS; id++) {
            entries.add(ExclusionWorker.entry(id, i));
        }
        return entries;
    }

    /** Has every worker run {@code command} at once, then checks the list they leave. */
    @SuppressWarnings("try") // the lock only has to be held while the workers line up behind it
    private void round(Path file, String command) throws Exception {
        try (FileChannel held = FileChannel.open(file)) {
            byte[] before = contentOf(held);
            try (DirectoryLock lock = DirectoryLock.exclusive(file.getParent())) {
                for (Process worker : workers) {
                    worker.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
                    worker.getOutputStream().flush();
                }
                awaitEveryWorkerWaitingFor(file.getParent(), command);
            }
            for (int n = 0; n < WORKERS; n++) {
                Report report = reports.take();
                assertThat(report.line()).as("answer to '%s'; %s", command, logOf(report.worker())).isEqualTo(ExclusionWorker.DONE);
            }
            assertThat(contentOf(held)).as("the version open before '%s' (replaced, not rewritten)", command).isEqualTo(before);
        }
        assertComplete(file);
    }

    /**
     * Returns once {@code /proc/locks} shows every worker blocked on the lock of {@code dir}, which
     * this process holds. Any answer meanwhile fails: that worker did not wait for the lock.
     */
    private void awaitEveryWorkerWaitingFor(Path dir, String command) throws Exception {
        long inode = (Long) Files.getAttribute(dir, "unix:ino");
        Set<Long> pids = workers.stream().map(Process::pid).collect(Collectors.toSet());
        while (!waitingOn(inode).containsAll(pids)) {
            // Only paces the re-reads of /proc/locks: how long it waits never decides the outcome.
            Report early = reports.poll(2, TimeUnit.MILLISECONDS);
            if (early != null) {
                fail("worker %d answered '%s' to '%s' while this process held the list directory's lock, so it did not wait"
                        + " for the lock%n%s", early.worker(), early.line(), command, logOf(early.worker()));
            }
        }
    }

    /** The processes blocked on an flock of {@code inode}, from lines like "3: -> FLOCK ADVISORY WRITE 4711 fe:00:2154509 0 EOF". */
    private static Set<Long> waitingOn(long inode) throws IOException {
        Set<Long> pids = new HashSet<>();
        for (String line : Files.readAllLines(PROC_LOCKS)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 7 && f[1].equals("->") && f[2].equals("FLOCK") && f[6].endsWith(":" + inode)) {
                pids.add(Long.parseLong(f[5]));
            }
        }
        return pids;
    }

    /** The whole content of the file {@code channel} has open, read from its start. */
    private static byte[] contentOf(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        channel.position(0);
        while (content.hasRemaining() && channel.read(content) >= 0) {
            // reads until full or at the end
        }
        return Arrays.copyOf(content.array(), content.position());
    }

    /** Fails unless every line of the list is complete and valid. */
    private static void assertComplete(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String content = new String(bytes, StandardCharsets.UTF_8);
        assertThat(content).as("a complete file ends with its last line's line break").endsWith("\n");
        assertThat(ListText.parse(bytes).check(file.toString())).as("problems in:%n%s", content).isEmpty();
    }
}
