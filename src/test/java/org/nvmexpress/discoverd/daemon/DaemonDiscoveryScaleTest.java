package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.dc;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.ioc;
import static org.nvmexpress.discoverd.daemon.DaemonDiscoveryTest.referral;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Discovery at the scale ARCHITECTURE §11 budgets: 100 configured DCs listing 100 I/O controllers
 * each. What is checked is what the daemon does, counted (fetches, unit calls, work handed to the
 * workers), never how long it takes: the time is the benchmarks' ({@code DiscoveryBenchmark}).
 */
final class DaemonDiscoveryScaleTest {
    private static final int DCS = 100;
    private static final int IOCS = 100;
    private static final int CHANGED = 42;
    private static final int REMOVED = 7;
    private static final String REFERRAL = "10.200.1.1";

    @TempDir
    Path root;
    /** The daemon's lines at INFO and above, kept off the console (10,000 "connecting" lines). */
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) org.slf4j.LoggerFactory.getLogger("org.nvmexpress.discoverd");
    private Level level;
    private boolean additive;

    @BeforeEach
    void quietLog() {
        level = logger.getLevel();
        additive = logger.isAdditive();
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
    }

    @AfterEach
    void restoreLog() {
        logger.detachAppender(lines);
        logger.setLevel(level);
        logger.setAdditive(additive);
    }

    private static String dcAddress(int i) {
        return "10.200.0." + i;
    }

    private static String iocAddress(int dc, int j) {
        return "10.1." + dc + "." + (j + 1);
    }

    private static String device(int dc) {
        return "nvme" + dc;
    }

    /** DC {@code dc}'s I/O controllers {@code from} to {@code to - 1}, as page entries. */
    private static List<DlpWriter.Entry> iocs(int dc, int from, int to) {
        return IntStream.range(from, to).mapToObj(j -> ioc(iocAddress(dc, j))).toList();
    }

    private static DlpWriter.Entry[] page(List<DlpWriter.Entry> entries) {
        return entries.toArray(DlpWriter.Entry[]::new);
    }

    /** The 100 DCs configured, started, each connected in turn and its page of 100 read. */
    private DaemonHarness converged() {
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < DCS; i++) {
            conf.append(DaemonDiscoveryTest.configuredDc(dcAddress(i)));
        }
        DaemonHarness h = new DaemonHarness(root).fabrics(conf.toString());
        for (int i = 0; i < DCS; i++) {
            h.fabric.page(device(i), 1, page(iocs(i, 0, IOCS)));
        }
        h.start();
        for (int i = 0; i < DCS; i++) {
            h.connects(device(i), dc(dcAddress(i)), Role.DC);
        }
        return h;
    }

    /** How many times each unit was asked for, by call ({@code start UNIT}). */
    private static Map<String, Long> callCounts(DaemonHarness h) {
        return h.units.calls().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The units (journal field {@code NVME_UNIT}) of the lines that contain {@code text}. */
    private List<String> unitsOfLinesContaining(String text) {
        return lines.list.stream().filter(e -> e.getFormattedMessage().contains(text))
                .map(e -> e.getKeyValuePairs().stream().filter(p -> p.key.equals("NVME_UNIT")).findFirst()
                        .map(p -> String.valueOf(p.value)).orElse("none"))
                .toList();
    }

    private List<String> problems() {
        return lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aHundredDcsOfAHundredControllersConvergeAndOneChangedPageChangesTwoUnits() {
        DaemonHarness h = converged();

        assertThat(h.fabric.fetches()).hasSize(DCS).doesNotHaveDuplicates();
        Map<String, Long> calls = callCounts(h);
        assertThat(calls).hasSize(DCS + DCS * IOCS).allSatisfy((call, n) -> assertThat(n).as(call).isEqualTo(1));
        for (int i = 0; i < DCS; i++) {
            assertThat(calls).containsKey("start " + dc(dcAddress(i)).unitName().value());
            for (int j = 0; j < IOCS; j++) {
                assertThat(calls).containsKey(DaemonHarness.call("start", iocAddress(i, j)));
            }
        }
        assertThat(h.status()).isEqualTo("10100 controllers: 100 connected, 10000 starting");
        assertThat(problems()).isEmpty();

        List<DlpWriter.Entry> changed = new java.util.ArrayList<>(iocs(CHANGED, 0, IOCS + 1));
        changed.remove(REMOVED);
        h.fabric.page(device(CHANGED), 2, page(changed));
        int callsBefore = h.units.calls().size();
        int fetchesBefore = h.fabric.fetches().size();
        h.logChanged(device(CHANGED));

        assertThat(h.fabric.fetches().subList(fetchesBefore, h.fabric.fetches().size()))
                .containsExactly(device(CHANGED));
        assertThat(h.units.calls().subList(callsBefore, h.units.calls().size()))
                .containsExactly(DaemonHarness.call("start", iocAddress(CHANGED, IOCS)));
        assertThat(unitsOfLinesContaining("no longer listed by any discovery controller"))
                .containsExactly(DaemonHarness.unit(iocAddress(CHANGED, REMOVED)).value());
        assertThat(h.status()).isEqualTo("10100 controllers: 100 connected, 10000 starting");
        assertThat(problems()).isEmpty();
    }

    @Test
    void whatAChangeNoticeCostsIsCountedInTheChangeNotInTheFabric() {
        DaemonHarness h = converged();
        // The first walk: one read per DC, one gate check per listed controller (the configured DCs
        // were decided by the first pass).
        List<String> work = h.test.workers.submitted();
        assertThat(work.stream().filter(w -> w.startsWith("read the discovery log of "))).hasSize(DCS);
        assertThat(work.stream().filter(w -> w.startsWith("the gate of "))).hasSize(DCS * IOCS);

        // Every DC says its page changed, and none did: a read each, and nothing for the 10,000.
        int workBefore = h.test.workers.submitted().size();
        int callsBefore = h.units.calls().size();
        for (int i = 0; i < DCS; i++) {
            h.logChanged(device(i));
        }
        assertThat(h.fabric.fetches()).hasSize(2 * DCS);
        assertThat(h.test.workers.submitted()).hasSize(workBefore + DCS);
        assertThat(h.units.calls()).hasSize(callsBefore);

        // One page gains a referral (the whole walk again): the referral is the one thing asked for.
        List<DlpWriter.Entry> withReferral = new java.util.ArrayList<>(iocs(CHANGED, 0, IOCS));
        withReferral.add(referral(REFERRAL));
        h.fabric.page(device(CHANGED), 2, page(withReferral));
        workBefore = h.test.workers.submitted().size();
        h.logChanged(device(CHANGED));
        assertThat(h.test.workers.submitted().subList(workBefore, h.test.workers.submitted().size()))
                .containsExactly("read the discovery log of " + device(CHANGED),
                        "the gate of " + dc(REFERRAL).unitName());
        assertThat(h.units.calls().subList(callsBefore, h.units.calls().size()))
                .containsExactly("start " + dc(REFERRAL).unitName().value());

        // And loses it again: the referral is let go, the 10,000 stay as they are.
        h.fabric.page(device(CHANGED), 3, page(iocs(CHANGED, 0, IOCS)));
        h.logChanged(device(CHANGED));
        assertThat(h.units.calls()).hasSize(callsBefore + 1);
        assertThat(unitsOfLinesContaining("no longer listed by any discovery controller"))
                .containsExactly(dc(REFERRAL).unitName().value());
        assertThat(h.status()).isEqualTo("10100 controllers: 100 connected, 10000 starting");
        assertThat(problems()).isEmpty();
    }
}
