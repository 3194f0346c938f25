package org.nvmexpress.discoverd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.nvmexpress.discoverd.daemon.BenchDiscovery;
import org.nvmexpress.discoverd.dlp.FetchResult;
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

/**
 * What the loop does with discovery log pages (the walk of ARCHITECTURE §11's 100 DCs × 100 I/O
 * controllers), on the daemon's own {@code Discovery} ({@link BenchDiscovery}): each page made a
 * listing, the listings walked, and the change applied to the tracker. The pages are decoded once
 * beforehand ({@code DlpDecodeBenchmark} measures the decode); the gate checks and unit calls the
 * change leads to are counted, not run (they are off the loop, or the bus's).
 *
 * <ul>
 * <li>{@link #firstWalk}: a daemon that has just connected its DCs reads every page, one after the
 *     other.</li>
 * <li>{@link #changeNotice}: one DC's page changed, one I/O controller gone and one new, its
 *     referrals the same: the fast path, which costs the page.</li>
 * <li>{@link #referralChange}: one DC's page gains (or loses) a referral: the whole walk again.</li>
 * </ul>
 *
 * <p>{@code fabric} is {@code DCSxIOCS}, the DCs configured; going from 10x10 to 100x100 to 300x100
 * tells linear from quadratic. {@code cdc:100x100} is the same 100 DCs as the referrals of one
 * configured central DC, whose page is read first.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DiscoveryBenchmark {

    /** The configuration and every page, once per trial. */
    @State(Scope.Benchmark)
    public static class Pages {
        @Param({"10x10", "100x100", "300x100", "cdc:100x100"})
        public String fabric;

        Path dir;
        BenchDiscovery.Fabric pages;

        @Setup(Level.Trial)
        public void write() throws IOException {
            BenchDiscovery.quietLog();
            boolean referred = fabric.startsWith("cdc:");
            String[] size = fabric.substring(referred ? 4 : 0).split("x");
            dir = Files.createTempDirectory("discovery-bench");
            pages = new BenchDiscovery.Fabric(Integer.parseInt(size[0]), Integer.parseInt(size[1]), referred, dir);
        }

        @TearDown(Level.Trial)
        public void delete() {
            BenchFabrics.delete(dir);
        }
    }

    /** A daemon after its first walk, whose one DC's page flips between two versions, one per operation. */
    @State(Scope.Thread)
    public static class Walked {
        BenchDiscovery discovery;
        boolean changed;

        @Setup(Level.Trial)
        public void walk(Pages pages) {
            discovery = new BenchDiscovery(pages.pages);
            discovery.readAll();
            discovery.check(pages.pages.controllers());
        }

        /** Every operation changed what it should and nothing else (untimed). */
        @TearDown(Level.Iteration)
        public void check(Pages pages) {
            discovery.check(pages.pages.controllers() + (changed && discovery.tracks(BenchDiscovery.REFERRAL) ? 1 : 0));
        }
    }

    /** The last daemon {@link #firstWalk} made, checked after each iteration. */
    @State(Scope.Thread)
    public static class Fresh {
        BenchDiscovery last;

        @TearDown(Level.Iteration)
        public void check(Pages pages) {
            last.check(pages.pages.controllers());
            if (last.submitted() != pages.pages.listedControllers()) {
                throw new IllegalStateException("expected a gate check per listed controller, counted "
                        + last.submitted());
            }
        }
    }

    /** A fresh daemon's discovery with its DCs connected, then every DC's page read. */
    @Benchmark
    public BenchDiscovery firstWalk(Pages pages, Fresh fresh) {
        BenchDiscovery discovery = new BenchDiscovery(pages.pages);
        discovery.readAll();
        fresh.last = discovery;
        return discovery;
    }

    /** One change notice answered: the middle DC's page, one I/O controller swapped for another. */
    @Benchmark
    public BenchDiscovery changeNotice(Pages pages, Walked walked) {
        return flip(walked, pages.pages.swapped, pages);
    }

    /** One change notice answered: the middle DC's page with a referral more, or again without it. */
    @Benchmark
    public BenchDiscovery referralChange(Pages pages, Walked walked) {
        return flip(walked, pages.pages.withReferral, pages);
    }

    private static BenchDiscovery flip(Walked walked, FetchResult.Fetched changedPage, Pages pages) {
        int dc = pages.pages.changing;
        walked.changed = !walked.changed;
        walked.discovery.read(dc, walked.changed ? changedPage : pages.pages.page(dc));
        return walked.discovery;
    }
}
