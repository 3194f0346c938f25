package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.FabricBuilder.ioc;
import static org.nvmexpress.discoverd.sim.FabricBuilder.self;
import static org.nvmexpress.discoverd.sim.SimFixture.devices;
import static org.nvmexpress.discoverd.sim.SimFixture.find;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.Reachability;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Discovery controllers announced with DNS-SD (issue 15, TP8009), through the simulated browser
 * ({@code zeroconf = auto}): an announced DC is a dynamic DC, desired from the moment it is seen,
 * through the gate, walked like any DC, and sticky: it stops being desired only once it is both
 * unannounced and unreachable for the give-up time; a browser restart forgets nothing.
 */
class MdnsIT {
    static final String CDC = "nqn.2024-01.com.example:cdc";
    static final String CDC_ADDR = "192.168.100.6";
    static final String CDC2 = "nqn.2024-01.com.example:cdc2";
    static final String CDC2_ADDR = "192.168.100.7";
    static final String VOL = "nqn.2024-01.com.example:vol1";
    static final String TRADDR = "192.168.100.10";
    static final String BROWSING = "[Global]\nzeroconf = auto\n";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    private final Logger logger = (Logger) org.slf4j.LoggerFactory.getLogger("org.nvmexpress.discoverd");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    /** A CDC on its own port listing vol1 on another; announced as {@code announce} says. */
    private static FabricBuilder cdc(Reachability cdcPort) {
        return new FabricBuilder().port("c", CDC_ADDR, "8009", cdcPort).port("a", TRADDR, "4420")
                .subsystem(VOL, "a").dc("cdc", CDC, "c", self(), ioc(VOL, "a"));
    }

    /** A host that configures nothing: everything it connects it learns from the announcements. */
    private SimFixture host(String discoverdConf) {
        return new SimFixture(dir).write("etc/nvme/nvme-fabrics.conf", "# nothing configured: the CDC announces itself\n")
                .write("etc/nvme/nvme-discoverd.conf", discoverdConf);
    }

    private static DaemonSnapshot.Controller connectedCdc(Simulation sim) {
        DaemonSnapshot.Controller dc = tracked(sim, CDC_ADDR, CDC);
        assertThat(dc.role()).isEqualTo(Role.DC);
        assertThat(dc.state()).isEqualTo("connected");
        assertThat(dc.sources()).contains("mdns");
        return dc;
    }

    @Test
    void anAnnouncedDcIsConnectedWithSourceMdnsAndItsLogWalked() {
        Fabric fabric = cdc(Reachability.ALWAYS).announce("cdc", "eth0", "NVMe CDC", Duration.ZERO, null).build();
        Simulation sim = host(BROWSING).start(fabric);
        sim.advance(Duration.ofSeconds(30));

        DaemonSnapshot.Controller dc = connectedCdc(sim);
        assertThat(dc.tid().hostIface()).isEqualTo("eth0"); // the interface it was announced on
        assertThat(devices(sim, CDC_ADDR, CDC)).hasSize(1);
        DaemonSnapshot.Controller vol = tracked(sim, TRADDR, VOL);
        assertThat(vol.state()).isEqualTo("connected");
        assertThat(vol.sources()).contains("dlp");
        assertThat(sim.host().logPageReads()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withoutZeroconfNothingIsBrowsed() {
        Fabric fabric = cdc(Reachability.ALWAYS).announce("cdc", "eth0", "NVMe CDC", Duration.ZERO, null).build();
        Simulation sim = host("[Global]\n").start(fabric);
        sim.advance(Duration.ofMinutes(5));

        assertThat(SimFixture.controllers(sim)).isEmpty();
        assertThat(sim.host().kernel().controllers()).isEmpty();
    }

    @Test
    void aGoodbyeLeavesTheDcDesired() {
        Fabric fabric = cdc(Reachability.ALWAYS).announce("cdc", "eth0", "NVMe CDC", Duration.ZERO,
                Duration.ofMinutes(1)).build();
        Simulation sim = host(BROWSING).start(fabric);
        sim.advance(Duration.ofSeconds(30));
        DaemonSnapshot.Controller before = connectedCdc(sim);

        sim.advance(Duration.ofMinutes(30)); // the goodbye at 1 min, and the DC still answers
        DaemonSnapshot.Controller after = connectedCdc(sim);
        assertThat(after.unit()).isEqualTo(before.unit());
        assertThat(after.device()).isEqualTo(before.device());
        assertThat(tracked(sim, TRADDR, VOL).state()).isEqualTo("connected");
        assertThat(sim.host().systemd().connectorRuns(new UnitName(before.unit()))).isEqualTo(1);
    }

    @Test
    void aReAnnouncementIsTheSameDcNotASecondOne() {
        Fabric fabric = cdc(Reachability.ALWAYS).announce("cdc", "eth0", "NVMe CDC", Duration.ZERO, Duration.ofMinutes(1))
                .announce("cdc", "eth0", "NVMe CDC", Duration.ofMinutes(2), null).build();
        Simulation sim = host(BROWSING).start(fabric);
        sim.advance(Duration.ofMinutes(10));

        DaemonSnapshot.Controller dc = connectedCdc(sim); // fails when there are two
        assertThat(devices(sim, CDC_ADDR, CDC)).hasSize(1);
        assertThat(sim.host().systemd().connectorRuns(new UnitName(dc.unit()))).isEqualTo(1);
        assertThat(devices(sim, TRADDR, VOL)).hasSize(1);
    }

    @Test
    void aBrowserRestartForgetsNothingEvenWhileTheDcIsAway() {
        // avahi-daemon away for an hour while the CDC is down longer than the give-up time: being
        // lost is not a goodbye, so the DC stays desired and is reconnected when it returns.
        Fabric fabric = cdc(FabricBuilder.downBetween(Duration.ofMinutes(2), Duration.ofMinutes(40)))
                .announce("cdc", "eth0", "NVMe CDC", Duration.ZERO, null)
                .browserRestart(Duration.ofMinutes(1), Duration.ofMinutes(61)).build();
        Simulation sim = host(BROWSING + "[Discovery]\ndc-giveup-timeout = 10min\n").start(fabric);
        sim.advance(Duration.ofSeconds(30));
        DaemonSnapshot.Controller before = connectedCdc(sim);

        sim.advance(Duration.ofMinutes(30)); // down 28 min, past the give-up time, the browser lost
        assertThat(tracked(sim, CDC_ADDR, CDC).state()).isNotEqualTo("connected");
        sim.advance(Duration.ofMinutes(10).plus(BackoffBound.CAP_WITH_JITTER)); // back at 40 min
        DaemonSnapshot.Controller after = connectedCdc(sim);
        assertThat(after.unit()).isEqualTo(before.unit());
        sim.advance(Duration.ofMinutes(30)); // the browser back at 61 min, announcing it again
        assertThat(connectedCdc(sim).device()).isEqualTo(after.device());
        assertThat(tracked(sim, TRADDR, VOL).state()).isEqualTo("connected");
    }

    @Test
    void anUnreachableAnnouncedDcIsGivenUpOnlyOnceAlsoUnannounced() {
        // Unreachable from 1 min for good; announced until 20 min; given up after 5 min of both.
        Fabric fabric = cdc(FabricBuilder.downBetween(Duration.ofMinutes(1), Duration.ofHours(10)))
                .announce("cdc", "eth0", "NVMe CDC", Duration.ZERO, Duration.ofMinutes(20)).build();
        Simulation sim = host(BROWSING + "[Discovery]\ndc-giveup-timeout = 5min\n").start(fabric);
        sim.advance(Duration.ofSeconds(30));
        connectedCdc(sim);

        sim.advance(Duration.ofMinutes(19).minus(sim.elapsed())); // unreachable 18 min, still announced
        assertThat(tracked(sim, CDC_ADDR, CDC).state()).isNotEqualTo("connected");
        assertThat(tracked(sim, CDC_ADDR, CDC).sources()).contains("mdns");

        sim.advance(Duration.ofMinutes(20).plus(BackoffBound.CAP_WITH_JITTER).minus(sim.elapsed()));
        assertThat(find(sim, CDC_ADDR, CDC)).isEmpty();
        int runs = sim.host().systemd().connectorRuns();
        sim.advance(Duration.ofHours(2));
        assertThat(sim.host().systemd().connectorRuns()).isEqualTo(runs);
    }

    @Test
    void anExcludedAnnouncedDcIsNeverConnected() {
        Fabric fabric = cdc(Reachability.ALWAYS).port("c2", CDC2_ADDR, "8009").dc("cdc2", CDC2, "c2", self())
                .announce("cdc", "eth0", "NVMe CDC", Duration.ZERO, null)
                .announce("cdc2", "eth0", "NVMe CDC 2", Duration.ZERO, null).build();
        Simulation sim = host(BROWSING).write("etc/nvme/exclusions.conf",
                "[exclusions]\nexclusion = transport=tcp;traddr=" + CDC_ADDR + ";nqn=" + CDC + "\n").start(fabric);
        sim.advance(Duration.ofMinutes(10));

        // The other announced DC shows the browser works; this one meets the gate.
        assertThat(tracked(sim, CDC2_ADDR, CDC2).state()).isEqualTo("connected");
        // Tracked as excluded, or not tracked at all: either way never connected, never a unit.
        assertThat(find(sim, CDC_ADDR, CDC).map(DaemonSnapshot.Controller::state)).isIn(Optional.empty(),
                Optional.of("excluded"));
        assertThat(devices(sim, CDC_ADDR, CDC)).isEmpty();
        assertThat(sim.host().systemd().units()).extracting(u -> u.unit().value())
                .containsExactly(tracked(sim, CDC2_ADDR, CDC2).unit());
        assertThat(find(sim, TRADDR, VOL)).isEmpty(); // its log was never read
    }

    @Test
    void aBadTxtRecordIsIgnoredAndReported() {
        Fabric fabric = cdc(Reachability.ALWAYS).port("c2", CDC2_ADDR, "8009").dc("cdc2", CDC2, "c2", self())
                .announce("cdc", "eth0", "NVMe CDC", Duration.ZERO, null, Map.of("p", "foo", "nqn", CDC))
                .announce("cdc2", "eth0", "NVMe CDC 2", Duration.ZERO, null).build();
        Simulation sim = host(BROWSING).start(fabric);
        sim.advance(Duration.ofMinutes(5));

        assertThat(tracked(sim, CDC2_ADDR, CDC2).state()).isEqualTo("connected");
        assertThat(find(sim, CDC_ADDR, CDC)).isEmpty();
        assertThat(devices(sim, CDC_ADDR, CDC)).isEmpty();
        List<String> reported = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("foo")).toList();
        assertThat(reported).as("a warning naming the TXT p=foo").isNotEmpty();
    }
}
