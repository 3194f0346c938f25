package org.nvmexpress.discoverd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVM processes write the same entry with every protocol (whole-entry create, attribute
 * update, delete) while this process reads it: a reader only ever sees complete values, writers
 * never fail, and no temporary or trash directory is left behind (reference §14.2 "parallel
 * writers (fork) never corrupt the value").
 */
final class RegistryConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int ITERATIONS = 200;
    /** Far above the few seconds the writers need; reached only when something hangs. */
    private static final long TIMEOUT_SEC = 120;

    private static final Set<String> OWNERS = RegistryWriterProcess.owners(WRITERS);
    private static final Set<String> NOTES = RegistryWriterProcess.notes(WRITERS);

    @TempDir
    Path temp;

    @Test
    void concurrentWriterProcessesNeverExposeAPartialValue() throws Exception {
        Optional<String> java = ProcessHandle.current().info().command();
        assumeThat(java).as("path of the running java binary").isPresent();
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.createDirectories(root.resolve("sys/kernel"));
        Files.writeString(root.resolve("sys/kernel/uevent_seqnum"), RegistryWriterProcess.SEQNUM + "\n");
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("dev/nvme3"), "");

        List<Process> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                writers.add(new ProcessBuilder(java.get(), "-cp", System.getProperty("java.class.path"),
                        RegistryWriterProcess.class.getName(), root.toString(), Integer.toString(w),
                        Integer.toString(ITERATIONS))
                        .redirectErrorStream(true)
                        .redirectOutput(temp.resolve("writer-" + w + ".log").toFile())
                        .start());
            }
            Observations seen = readWhileWriting(new Registry(root), writers);
            for (int w = 0; w < WRITERS; w++) {
                assertThat(writers.get(w).waitFor(TIMEOUT_SEC, TimeUnit.SECONDS)).as("writer %d finished", w).isTrue();
                assertThat(writers.get(w).exitValue()).as(Files.readString(temp.resolve("writer-" + w + ".log"))).isZero();
            }
            assertThat(seen.problems).isEmpty();
            assertThat(seen.reads).isPositive();
            assertThat(seen.present).as("reads that found an entry").isPositive();
        } finally {
            for (Process p : writers) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(FileTree.of(root.resolve("run/nvme/registry")))
                .as("no temporaries or trash left behind")
                .allSatisfy(path -> assertThat(path).doesNotContain(".tmp.").doesNotContain(".trash."));
        checkEntry(new Registry(root), new Observations());
    }

    /** What the reader saw; problems are collected so one bad read does not hide the others. */
    private static final class Observations {
        final List<String> problems = new ArrayList<>();
        long reads;
        long present;
    }

    private static Observations readWhileWriting(Registry registry, List<Process> writers) throws Exception {
        Observations seen = new Observations();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SEC);
        while (writers.stream().anyMatch(Process::isAlive) && System.nanoTime() < deadline && seen.problems.size() < 10) {
            checkValue("retrieve owner", registry.retrieve(RegistryWriterProcess.DEVICE, AttributeName.OWNER), OWNERS, seen);
            checkValue("retrieve note", registry.retrieve(RegistryWriterProcess.DEVICE, RegistryWriterProcess.NOTE), NOTES, seen);
            checkEntry(registry, seen);
            for (RegistryEntry entry : registry.list()) {
                checkAttributes("list", entry.attributes(), seen);
            }
        }
        return seen;
    }

    private static void checkEntry(Registry registry, Observations seen) throws RegistryException {
        try {
            checkAttributes("entry", registry.entry(RegistryWriterProcess.DEVICE).attributes(), seen);
        } catch (RegistryException e) {
            if (e.reason() != RegistryException.Reason.NOT_FOUND) {
                throw e;
            }
        }
    }

    private static void checkAttributes(String how, Map<AttributeName, String> attributes, Observations seen) {
        checkValue(how + " owner", Optional.ofNullable(attributes.get(AttributeName.OWNER)), OWNERS, seen);
        checkValue(how + " note", Optional.ofNullable(attributes.get(RegistryWriterProcess.NOTE)), NOTES, seen);
        checkValue(how + " seqnum", Optional.ofNullable(attributes.get(AttributeName.SEQNUM)),
                Set.of(RegistryWriterProcess.SEQNUM), seen);
        Set<AttributeName> known = Set.of(AttributeName.OWNER, AttributeName.SEQNUM, RegistryWriterProcess.NOTE);
        if (!known.containsAll(attributes.keySet())) {
            seen.problems.add(how + ": unexpected attributes " + attributes.keySet());
        }
    }

    private static void checkValue(String what, Optional<String> value, Set<String> allowed, Observations seen) {
        seen.reads++;
        if (value.isPresent()) {
            seen.present++;
            if (!allowed.contains(value.get())) {
                String v = value.get();
                seen.problems.add(what + ": partial or foreign value of " + v.length() + " chars: "
                        + v.substring(0, Math.min(40, v.length())));
            }
        }
    }
}
