package org.nvmexpress.discoverd.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.FabricsConfigLoader;
import org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder;
import org.nvmexpress.discoverd.dlp.DlpDecodeException;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.dlp.EntryFlags;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.systemd.UnitManager;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.LoggerFactory;

/**
 * The daemon's discovery on the loop, for {@code bench.DiscoveryBenchmark}: the package-private
 * {@link Discovery} with its real tracker, connections and attempts, fed pages as
 * {@link LogFetches} hands them over, so a benchmark measures what the loop does with a page
 * ({@link ListingBuilder}, {@link Listings#relist}, applying the change to the tracker, the EPCSD
 * decision) and nothing else. What leaves the loop is counted, not done: the workers count each
 * submission (the gate checks, on a worker in the daemon) and drop it; the unit manager answers
 * every request {@code Queued} (none comes: the gate checks never answer).
 *
 * <p>The fabric ({@link Fabric}): {@code dcs} TCP discovery controllers, each listing itself (EPCSD
 * set, so its connection is held) and {@code iocs} I/O controllers of its own, each at its own
 * address with its own subsystem NQN. The DCs are configured, or (a {@code referred} fabric) they
 * are the referrals of one configured central DC, whose page is read first.
 */
public final class BenchDiscovery {
    /** The referral the changing DC gains and loses in {@link Fabric#withReferral}. */
    public static final String REFERRAL = "10.250.0.1";

    /** The configuration and every page, made once per trial. */
    public static final class Fabric {
        private static final String CENTRAL = "10.199.0.1";
        final int dcs;
        final int iocs;
        /** The central DC's page, listing every DC, in a referred fabric; else {@code null}. */
        final FetchResult.Fetched central;
        final FabricsConfig fabrics;
        final DesiredSet desired;
        final Path registryRoot;
        final List<FetchResult.Fetched> pages = new ArrayList<>();
        /** The DC whose page changes in the single-AEN benchmarks: the middle one. */
        public final int changing;
        /** Its page without its first I/O controller and with one more at the end. */
        public final FetchResult.Fetched swapped;
        /** Its page with a referral to {@link #REFERRAL} added. */
        public final FetchResult.Fetched withReferral;

        public Fabric(int dcs, int iocs, boolean referred, Path dir) {
            this.dcs = dcs;
            this.iocs = iocs;
            this.registryRoot = dir;
            StringBuilder conf = new StringBuilder();
            for (String dc : referred ? List.of(CENTRAL) : IntStream.range(0, dcs).mapToObj(Fabric::dcAddress).toList()) {
                conf.append("[Discovery Controller]\ncontroller = transport=tcp;traddr=").append(dc).append('\n');
            }
            Path main = dir.resolve("nvme-fabrics.conf");
            try {
                Files.writeString(main, conf, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fabrics = FabricsConfigLoader.load(main);
            desired = DesiredSetBuilder.build(fabrics, DaemonInputs.NO_BOOT, Map.of(), Map.of());
            if (!fabrics.diagnostics().isEmpty() || desired.size() != (referred ? 1 : dcs)) {
                throw new IllegalStateException("the configuration is not clean: " + desired + " "
                        + fabrics.diagnostics());
            }
            if (referred) {
                DlpWriter writer = new DlpWriter().genctr(1)
                        .entry(DlpWriter.tcp(CENTRAL, "8009", DlpWriter.DISCOVERY_NQN).subtype(3).eflags(EntryFlags.EPCSD));
                for (int i = 0; i < dcs; i++) {
                    writer.entry(DlpWriter.tcp(dcAddress(i), "8009", DlpWriter.DISCOVERY_NQN).subtype(1)
                            .eflags(EntryFlags.EPCSD));
                }
                central = decoded(writer.build());
            } else {
                central = null;
            }
            for (int i = 0; i < dcs; i++) {
                pages.add(page(i, 1, 0, iocs, false));
            }
            changing = dcs / 2;
            swapped = page(changing, 2, 1, iocs + 1, false);
            withReferral = page(changing, 3, 0, iocs, true);
        }

        /** The page DC {@code dc} first answers with. */
        public FetchResult.Fetched page(int dc) {
            return pages.get(dc);
        }

        /** The DCs (the central one too) and what they list. */
        public int controllers() {
            return (central != null ? 1 : 0) + dcs + dcs * iocs;
        }

        /** The controllers the pages list, each of which goes through the gate. */
        public int listedControllers() {
            return (central != null ? dcs : 0) + dcs * iocs;
        }

        private static String dcAddress(int i) {
            return "10.200." + (i >> 8) + "." + (i & 0xff);
        }

        private static FetchResult.Fetched page(int dc, long genctr, int from, int to, boolean referral) {
            DlpWriter writer = new DlpWriter().genctr(genctr)
                    .entry(DlpWriter.tcp(dcAddress(dc), "8009", DlpWriter.DISCOVERY_NQN).subtype(3)
                            .eflags(EntryFlags.EPCSD));
            for (int j = from; j < to; j++) {
                writer.entry(DlpWriter.tcp("10." + (1 + (dc >> 8)) + "." + (dc & 0xff) + "." + (j + 1), "4420",
                        "nqn.2024-01.com.example:dc" + dc + "-vol" + j));
            }
            if (referral) {
                writer.entry(DlpWriter.tcp(REFERRAL, "8009", DlpWriter.DISCOVERY_NQN).subtype(1));
            }
            return decoded(writer.build());
        }

        private static FetchResult.Fetched decoded(byte[] raw) {
            try {
                return new FetchResult.Fetched(DiscoveryLogDecoder.decode(raw), raw);
            } catch (DlpDecodeException e) {
                throw new IllegalStateException("the writer made a page that does not decode", e);
            }
        }
    }

    private final Fabric fabric;
    private final ControllerTracker tracker;
    private final Discovery discovery;
    private final List<TrackedController> dcs = new ArrayList<>();
    private int submitted;

    /**
     * A daemon's discovery as after its first pass: the static set is the fabric's DCs, each tracked
     * and connected, no page read yet.
     */
    public BenchDiscovery(Fabric fabric) {
        this.fabric = fabric;
        EventLoop loop = new EventLoop(System::nanoTime, EventLoop.DEFAULT_CAPACITY);
        loop.bindToCurrentThread();
        tracker = new ControllerTracker(loop);
        Workers workers = new Workers() {
            @Override
            public <T> void submit(String what, Callable<T> work, Function<Outcome<T>, LoopEvent> then) {
                submitted++;
            }

            @Override
            public void close() {
            }
        };
        UnitManager units = new Units();
        RetryPolicy retry = new RetryPolicy(new Random(42));
        OwnerStore owners = OwnerStore.of(new Registry(fabric.registryRoot));
        Connections connections = new Connections(loop, tracker, units, retry, workers, owners);
        LiveView live = new LiveView(loop, new Identity(new ConnectionIdentityMatcher(Optional.empty())));
        Attempts attempts = new Attempts(loop, tracker, connections, live, workers, owners, previous -> previous);
        discovery = new Discovery(loop, tracker, connections, attempts, units, workers, device -> {
            throw new AssertionError("the benchmark hands the pages over itself");
        }, retry);
        tracker.listen(discovery);
        connections.giveUpWith(discovery);
        for (Candidate dc : fabric.desired.inOrder()) {
            dcs.add(tracker.track(dc, ControllerState.CONNECTED));
        }
        discovery.rebase(fabric.desired, new DaemonInputs(DaemonConfig.DEFAULTS, fabric.fabrics, DaemonInputs.NO_BOOT));
    }

    /**
     * Every DC's page read, one after the other, in configuration order: the first walk. In a
     * referred fabric the central DC's first, then its referrals', handed over while they are still
     * at the gate (so no EPCSD decision is made for them: only a connected DC is parked).
     */
    public void readAll() {
        if (fabric.central != null) {
            discovery.fetched(dcs.get(0), fabric.central);
            Map<String, TrackedController> byAddress = new HashMap<>();
            tracker.all().forEach(c -> byAddress.put(c.candidate().tid().traddr(), c));
            dcs.clear();
            for (int i = 0; i < fabric.dcs; i++) {
                dcs.add(byAddress.get(Fabric.dcAddress(i)));
            }
        }
        for (int i = 0; i < dcs.size(); i++) {
            discovery.fetched(dcs.get(i), fabric.page(i));
        }
    }

    /** The page of DC {@code dc} read (a change notice answered). */
    public void read(int dc, FetchResult.Fetched page) {
        discovery.fetched(dcs.get(dc), page);
    }

    /** How many controllers are tracked. */
    public int tracked() {
        return tracker.size();
    }

    /** How many pieces of work went to the workers: the gate checks. */
    public int submitted() {
        return submitted;
    }

    public boolean tracks(String traddr) {
        return tracker.all().stream().anyMatch(c -> traddr.equals(c.candidate().tid().traddr()));
    }

    /** Throws unless {@code expected} controllers are tracked. */
    public void check(int expected) {
        if (tracked() != expected) {
            throw new IllegalStateException("expected " + expected + " tracked controllers, found " + tracked());
        }
    }

    /** The daemon's lines at INFO and above formatted and dropped, as an appender would, and kept off the console. */
    public static void quietLog() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.nvmexpress.discoverd");
        logger.detachAndStopAllAppenders();
        AppenderBase<ILoggingEvent> formatting = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getFormattedMessage().isEmpty()) {
                    throw new IllegalStateException("an empty log line");
                }
            }
        };
        formatting.setContext(logger.getLoggerContext());
        formatting.start();
        logger.addAppender(formatting);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
    }

    private static final class Units implements UnitManager {
        @Override
        public Submission start(UnitRequest request) {
            return new Submission.Queued(request.unit());
        }

        @Override
        public Submission restart(UnitRequest request) {
            return start(request);
        }

        @Override
        public void stop(UnitName unit) {
        }

        @Override
        public void listUnits() {
        }

        @Override
        public void close() {
        }
    }
}
