package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes change one list at once while this one reads it: no reader sees a torn file,
 * and no writer loses another's change (add and remove are read-modify-write, so without the
 * directory lock the last rename would win).
 */
final class ExclusionListsConcurrencyTest {
    private static final int WORKERS = 4;
    private static final int ENTRIES_PER_WORKER = 40;
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final ListName LIST = new ListName("shared");

    @TempDir
    Path root;

    private Process startWorker(String java, int id) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), ExclusionWorker.class.getName(),
                root.toString(), LIST.name(), Integer.toString(id), Integer.toString(ENTRIES_PER_WORKER));
        pb.redirectErrorStream(true);
        pb.redirectOutput(root.resolve("worker-" + id + ".log").toFile());
        return pb.start();
    }

    @Test
    void processesAddingAndRemovingAtOnceLoseNothingAndReadersNeverSeeATornFile() throws Exception {
        Optional<String> java = ProcessHandle.current().info().command();
        assumeThat(java).as("the path of this JVM's java launcher").isPresent();
        ExclusionLists lists = new ExclusionLists(root);
        lists.create(LIST);
        List<Process> workers = new ArrayList<>();
        long startNanos = System.nanoTime();
        try {
            for (int id = 0; id < WORKERS; id++) {
                workers.add(startWorker(java.get(), id));
            }
            Set<String> statesSeen = readWhileRunning(workers, lists.file(LIST), startNanos);
            for (int id = 0; id < WORKERS; id++) {
                assertThat(workers.get(id).exitValue()).as(Files.readString(root.resolve("worker-" + id + ".log"))).isZero();
            }
            assertThat(statesSeen.size()).as("reads that saw the list change under them").isGreaterThan(1);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
        System.out.printf("%d processes x %d adds: %d ms%n", WORKERS, ENTRIES_PER_WORKER, (System.nanoTime() - startNanos) / 1_000_000);
        Set<String> expected = new HashSet<>();
        for (int id = 0; id < WORKERS; id++) {
            for (int i = 1; i < ENTRIES_PER_WORKER; i += 2) {
                expected.add(ExclusionWorker.entry(id, i));
            }
        }
        assertThat(lists.entries(LIST)).extracting(EntryLine::text).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Reads {@code file} until every worker has exited, checking each read; the distinct contents seen. */
    private static Set<String> readWhileRunning(List<Process> workers, Path file, long startNanos) throws Exception {
        CompletableFuture<Void> allExited = CompletableFuture.allOf(
                workers.stream().map(Process::onExit).toArray(CompletableFuture[]::new));
        Set<String> statesSeen = new HashSet<>();
        while (!allExited.isDone()) {
            statesSeen.add(readCompleteList(file));
            if (System.nanoTime() - startNanos > DEADLINE.toNanos()) {
                fail("workers still running after " + DEADLINE);
            }
            try {
                allExited.get(2, TimeUnit.MILLISECONDS); // paces the reads; returns as soon as all exited
            } catch (TimeoutException e) {
                // not yet: read again
            }
        }
        return statesSeen;
    }

    /** The list as read now, failing unless every line is complete and valid. */
    private static String readCompleteList(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String content = new String(bytes, StandardCharsets.UTF_8);
        assertThat(content).as("a complete file ends with its last line's line break").endsWith("\n");
        assertThat(ListText.parse(bytes).check(file.toString())).as("problems in:%n%s", content).isEmpty();
        return content;
    }
}
