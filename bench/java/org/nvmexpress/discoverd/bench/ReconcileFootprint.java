package org.nvmexpress.discoverd.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.daemon.Decision;
import org.nvmexpress.discoverd.daemon.DesiredSet;
import org.nvmexpress.discoverd.daemon.HostSnapshot;
import org.nvmexpress.discoverd.daemon.Reconciler;

/**
 * What JMH cannot show of the 10,000-controller reconcile (ARCHITECTURE §11: "memory grows at most
 * 20 MiB"; "at most 1 s of daemon CPU"): the heap the configuration, the desired set and the plan
 * retain, and the CPU the <em>first</em> pass takes in a fresh JVM with the launcher's options,
 * C1 only, where JMH reports C2's steady state.
 *
 * <p>{@code ReconcileFootprint [RUNS] [--restart-plan]} runs RUNS (default 5) pairs of child JVMs
 * and prints, for each figure, the median and the runs' range, as
 * {@code figure NAME MEDIAN MIN MAX UNIT} lines that {@code bench/jmh.sh --footprint} puts beside
 * the budgets. The first child of a pair ({@code --cold}), with the options of
 * {@code bin/launcher.sh}, writes the configuration, then loads it, builds the desired set and plans
 * against an empty host, each step and the three together ({@code firstPass}) timed: process CPU of all threads (the JIT compiler and GC
 * count; the JVM reports it in 10 ms steps), the step's own thread's CPU, and wall time; with
 * {@code --restart-plan} also the plan against the 10,000-live host of
 * {@link BenchFabrics.Host#RESTART}. The second ({@code --heap}) does the same steps keeping every
 * result, each followed by full collections and the heap in use ({@link MemoryMXBean}): "grown" is
 * the difference before and after a step, what it left reachable, one-time caches of the classes
 * it used included.
 */
public final class ReconcileFootprint {
    /** As {@code bin/launcher.sh} starts the daemon (keep in step). */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "-Xshare:auto", "-Xss512k", "-Xmx96m");
    /**
     * For the heap figures, G1 instead of Serial: what a structure retains does not depend on the
     * collector, but Serial's heap use after {@code System.gc()} was found to miss or count an
     * array of 1 MB that stayed reachable from one reading to the next, G1's never.
     */
    static final List<String> HEAP_OPTIONS = LAUNCHER_OPTIONS.stream()
            .map(o -> o.equals("-XX:+UseSerialGC") ? "-XX:+UseG1GC" : o).toList();

    /** Also time the plan against {@link BenchFabrics.Host#RESTART} (took minutes while its lookups scanned). */
    static final String RESTART_PLAN = "--restart-plan";
    private static final String COLD = "--cold";
    private static final String HEAP = "--heap";

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ReconcileFootprint() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (arguments.remove(COLD)) {
            cold(arguments.contains(RESTART_PLAN));
            return;
        }
        if (arguments.remove(HEAP)) {
            heap();
            return;
        }
        boolean restartPlan = arguments.remove(RESTART_PLAN);
        int runs = arguments.isEmpty() ? 5 : Integer.parseInt(arguments.get(0));
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            List<String> lines = new ArrayList<>(runChild(LAUNCHER_OPTIONS, COLD, restartPlan));
            lines.addAll(runChild(HEAP_OPTIONS, HEAP, false));
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f.length == 4 && f[0].equals("figure")) {
                    figures.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
                    units.put(f[1], f[3]);
                }
            }
        }
        System.out.println("# " + runs + " runs; JVM options: " + String.join(" ", LAUNCHER_OPTIONS)
                + " (heap figures: " + String.join(" ", HEAP_OPTIONS) + ")");
        figures.forEach((name, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            System.out.printf("figure %s %.2f %.2f %.2f %s%n", name, median, v[0], v[v.length - 1], units.get(name));
        });
    }

    private static List<String> runChild(List<String> options, String mode, boolean restartPlan)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReconcileFootprint.class.getName(),
                mode));
        if (restartPlan) {
            command.add(RESTART_PLAN);
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        if (child.waitFor() != 0) {
            throw new IllegalStateException("child failed: " + String.join("\n", lines));
        }
        return lines;
    }

    /** One cold pass, each step timed, as the daemon's first reconciliation runs. */
    private static void cold(boolean restartPlan) throws IOException {
        Path dir = Files.createTempDirectory("reconcile-footprint");
        try {
            Path mainFile = BenchFabrics.writeConfiguration(dir);
            Map<String, String> resolved = BenchFabrics.resolvedHostNames();
            Step pass = new Step();
            Step step = new Step();
            FabricsConfig config = BenchFabrics.load(mainFile);
            step.report("load");
            step = new Step();
            DesiredSet desired = BenchFabrics.build(config, resolved);
            step.report("build");
            step = new Step();
            List<Decision> plan = Reconciler.plan(desired, HostSnapshot.of(List.of(), BenchFabrics.matcher()),
                    Set.of());
            step.report("plan.EMPTY");
            pass.report("firstPass");
            BenchFabrics.checkPlan(BenchFabrics.Host.EMPTY, desired, plan);
            if (restartPlan) {
                HostSnapshot host = BenchFabrics.host(BenchFabrics.Host.RESTART, desired);
                step = new Step();
                List<Decision> restart = Reconciler.plan(desired, host, Set.of());
                step.report("plan.RESTART");
                BenchFabrics.checkPlan(BenchFabrics.Host.RESTART, desired, restart);
            }
        } finally {
            BenchFabrics.delete(dir);
        }
    }

    /** The same steps, each followed by full collections and the heap in use, every result kept. */
    private static void heap() throws IOException {
        Path dir = Files.createTempDirectory("reconcile-footprint");
        try {
            Path mainFile = BenchFabrics.writeConfiguration(dir);
            Map<String, String> resolved = BenchFabrics.resolvedHostNames();
            long before = usedAfterGc();
            FabricsConfig config = BenchFabrics.load(mainFile);
            long afterLoad = usedAfterGc();
            DesiredSet desired = BenchFabrics.build(config, resolved);
            long afterBuild = usedAfterGc();
            List<Decision> plan = Reconciler.plan(desired, HostSnapshot.of(List.of(), BenchFabrics.matcher()),
                    Set.of());
            long afterPlan = usedAfterGc();
            HostSnapshot host = BenchFabrics.host(BenchFabrics.Host.RESTART, desired);
            long afterSnapshot = usedAfterGc();

            mib("grown.load", afterLoad - before);
            mib("grown.build", afterBuild - afterLoad);
            mib("grown.plan.EMPTY", afterPlan - afterBuild);
            mib("grown.config+desiredSet+plan", afterPlan - before);
            mib("grown.snapshot.RESTART", afterSnapshot - afterPlan);
            // Everything measured stays reachable until here.
            if (config.connections().isEmpty() || plan.isEmpty() || host.live().isEmpty()) {
                throw new IllegalStateException("nothing measured");
            }
        } finally {
            BenchFabrics.delete(dir);
        }
    }

    /** CPU and wall time from construction to {@link #report}. */
    private static final class Step {
        private final long cpu = OS.getProcessCpuTime();
        private final long thread = THREADS.getCurrentThreadCpuTime();
        private final long wall = System.nanoTime();

        void report(String name) {
            long now = System.nanoTime();
            ms("cold." + name + ".processCpu", OS.getProcessCpuTime() - cpu);
            ms("cold." + name + ".threadCpu", THREADS.getCurrentThreadCpuTime() - thread);
            ms("cold." + name + ".wall", now - wall);
        }
    }

    private static void ms(String name, long nanos) {
        System.out.printf("figure %s %.1f ms%n", name, nanos / 1e6);
    }

    private static void mib(String name, long bytes) {
        System.out.printf("figure %s %.2f MiB%n", name, bytes / (1024.0 * 1024.0));
    }

    /** Heap in use after collections have stopped freeing anything. */
    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
