package org.nvmexpress.discoverd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.daemon.Candidate;
import org.nvmexpress.discoverd.daemon.Decision;
import org.nvmexpress.discoverd.daemon.DesiredSet;
import org.nvmexpress.discoverd.daemon.HostSnapshot;
import org.nvmexpress.discoverd.daemon.Reconciler;
import org.nvmexpress.discoverd.kernel.sysfs.LiveControllerIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The parts of ARCHITECTURE §11's 10,000-controller reconcile that exist today ("desired set
 * computed and all unit requests issued in at most 1 s of daemon CPU"): the fabrics configuration
 * loaded from disk, the desired set built from it, and the first reconciliation planned against the
 * host, alone and end to end. Discovery (the DCs' log pages) and the D-Bus calls come later. The
 * inputs are {@link BenchFabrics}'; time per whole 10,000-controller pass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReconcileBenchmark {

    /** The configuration on disk, and what loading and building it gives, made once per trial. */
    @State(Scope.Benchmark)
    public static class Inputs {
        Path dir;
        Path mainFile;
        Map<String, String> resolved;
        FabricsConfig config;
        DesiredSet desired;

        @Setup(Level.Trial)
        public void write() throws IOException {
            dir = Files.createTempDirectory("reconcile-bench");
            mainFile = BenchFabrics.writeConfiguration(dir);
            resolved = BenchFabrics.resolvedHostNames();
            desired = BenchFabrics.checkedDesiredSet(mainFile);
            config = BenchFabrics.load(mainFile);
        }

        @TearDown(Level.Trial)
        public void delete() {
            BenchFabrics.delete(dir);
        }
    }

    /** The host the first reconciliation looks at ({@link BenchFabrics.Host}). */
    @State(Scope.Benchmark)
    public static class Host {
        @Param({"EMPTY", "RESTART", "FIRST_START"})
        public String host;

        BenchFabrics.Host kind;
        HostSnapshot snapshot;
        DesiredSet desired;
        /** The last plan measured, checked after each iteration (not timed). */
        List<Decision> lastPlan;

        @Setup(Level.Trial)
        public void survey(Inputs inputs) {
            kind = BenchFabrics.Host.valueOf(host);
            desired = inputs.desired;
            snapshot = BenchFabrics.host(kind, desired);
        }

        /** The benchmark measured the path the host should take: nothing lost, the expected mix. */
        @TearDown(Level.Iteration)
        public void checkLastPlan() {
            if (lastPlan != null) {
                BenchFabrics.checkPlan(kind, desired, lastPlan);
                lastPlan = null;
            }
        }
    }

    /** {@code FabricsConfigLoader.load}: 101 files read, parsed, the persona rules and the cascade applied. */
    @Benchmark
    public FabricsConfig load(Inputs inputs) {
        return BenchFabrics.load(inputs.mainFile);
    }

    /** {@code DesiredSetBuilder.build}: 10,000 TIDs, unit names and connect options, merged by unit. */
    @Benchmark
    public DesiredSet build(Inputs inputs) {
        return BenchFabrics.build(inputs.config, inputs.resolved);
    }

    /** {@code Reconciler.plan}: one decision for each of the 10,000 candidates. */
    @Benchmark
    public List<Decision> plan(Inputs inputs, Host host) {
        List<Decision> plan = Reconciler.plan(inputs.desired, host.snapshot, Set.of());
        host.lastPlan = plan;
        return plan;
    }

    /** The three above in a row, as the daemon's first reconciliation does them. */
    @Benchmark
    public List<Decision> wholePath(Inputs inputs, Host host) {
        DesiredSet desired = BenchFabrics.build(BenchFabrics.load(inputs.mainFile), inputs.resolved);
        List<Decision> plan = Reconciler.plan(desired, host.snapshot, Set.of());
        host.lastPlan = plan;
        return plan;
    }

    /**
     * The plan's live-controller lookups on their own: a {@code kernel.sysfs.LiveControllerIndex}
     * built over the live controllers (as {@code HostSnapshot} builds one when it is made), then each
     * candidate's identity looked up.
     */
    @Benchmark
    public void indexedLookups(Inputs inputs, Host host, Blackhole sink) {
        LiveControllerIndex index = LiveControllerIndex.of(BenchFabrics.matcher(), host.snapshot.live());
        for (Candidate c : inputs.desired.inOrder()) {
            sink.consume(index.find(c.identity(), c.role()));
        }
    }
}
