package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.sim.SimFixture.controller;
import static org.nvmexpress.discoverd.sim.SimFixture.devices;
import static org.nvmexpress.discoverd.sim.SimFixture.tracked;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.daemon.DaemonEvent;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.Reachability;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.LoggerFactory;

/** Targets that go away: for a long while, and over and over. */
class OutageIT {
    static final String VOL = "nqn.2024-01.com.example:vol1";
    static final String TRADDR = "192.168.101.10";

    @TempDir(factory = TmpfsTempDir.class)
    Path dir;

    private Simulation configured(Reachability reachability, String extra) {
        Fabric fabric = new FabricBuilder().port("a", "192.168.100.10", "4420").port("b", TRADDR, "4420", reachability)
                .subsystem(VOL, "a", "b").build();
        return new SimFixture(dir).write("etc/nvme/nvme-fabrics.conf", extra + "[Subsystem]\nnqn = " + VOL + "\n"
                + controller("192.168.100.10", "4420") + controller(TRADDR, "4420")).start(fabric);
    }

    @Test
    void aTargetDownForThirtyMinutesIsRetriedMeanwhileAndReconnectedWithinOneCapOfItsReturn() {
        Duration back = Duration.ofMinutes(30);
        Simulation sim = configured(FabricBuilder.downBetween(Duration.ZERO, back), "");
        String unit = tracked(sim, TRADDR, VOL).unit();

        for (Duration sample = Duration.ofMinutes(5); sample.compareTo(back) < 0; sample = sample.plusMinutes(5)) {
            sim.advance(sample.minus(sim.elapsed()));
            DaemonSnapshot.Controller waiting = tracked(sim, TRADDR, VOL);
            assertThat(waiting.state()).as("at %s", sample).isEqualTo("backoff");
            assertThat(waiting.attempts()).isPositive();
            assertThat(waiting.device()).isEmpty();
            long nowUSec = Simulation.WALL_ZERO.plus(sim.elapsed()).toEpochMilli() * 1000;
            assertThat(waiting.nextRetryUSec()).isPresent();
            assertThat(waiting.nextRetryUSec().getAsLong() - nowUSec).isPositive()
                    .isLessThanOrEqualTo(BackoffBound.CAP_WITH_JITTER.toNanos() / 1000);
        }
        int runsWhileDown = sim.host().systemd().connectorRuns(new UnitName(unit));
        assertThat(runsWhileDown).isBetween(10, BackoffBound.attemptsWithin(back));

        sim.advance(back.minus(sim.elapsed()));
        Duration reconnectedAfter = null;
        while (sim.elapsed().compareTo(back.plus(BackoffBound.CAP_WITH_JITTER).plusSeconds(60)) < 0) {
            sim.advance(Duration.ofSeconds(1));
            if (tracked(sim, TRADDR, VOL).state().equals("connected")) {
                reconnectedAfter = sim.elapsed().minus(back);
                break;
            }
        }
        assertThat(reconnectedAfter).as("reconnected after the target's return").isNotNull()
                .isLessThanOrEqualTo(BackoffBound.CAP_WITH_JITTER);
        DaemonSnapshot.Controller connected = tracked(sim, TRADDR, VOL);
        assertThat(connected.nextRetryUSec()).isEmpty();
        assertThat(devices(sim, TRADDR, VOL)).containsExactly(connected.device().orElseThrow());
        assertThat(tracked(sim, "192.168.100.10", VOL).state()).isEqualTo("connected"); // the other path never moved
    }

    @Test
    void aFlappingTargetCostsConnectsAndEventsBoundedByTheBackoff() {
        Duration from = Duration.ofMinutes(1);
        Duration up = Duration.ofSeconds(20);
        Duration down = Duration.ofSeconds(40);
        Duration span = Duration.ofHours(1);
        // ctrl-loss-tmo 5: the kernel deletes the controller 5 s into each outage, so the daemon must reconnect it.
        Simulation sim = configured(FabricBuilder.flapping(from, up, down), "[I/O Controller Defaults]\nctrl-loss-tmo = 5\n");
        List<DaemonEvent> events = new ArrayList<>();
        DaemonControl.Subscription subscription = sim.control().subscribe(events::add);
        Logger daemonLog = (Logger) LoggerFactory.getLogger("org.nvmexpress.discoverd");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        daemonLog.addAppender(lines);
        String unit = tracked(sim, TRADDR, VOL).unit();
        String steady = tracked(sim, "192.168.100.10", VOL).unit();
        sim.advance(Duration.ofSeconds(1)); // the snapshot is published at most every 200 ms
        assertThat(tracked(sim, TRADDR, VOL).state()).isEqualTo("connected");

        int connectedSamples = 0;
        for (Duration t = Duration.ofSeconds(1); t.compareTo(span) < 0; t = t.plusSeconds(10)) {
            sim.advance(Duration.ofSeconds(10));
            connectedSamples += tracked(sim, TRADDR, VOL).state().equals("connected") ? 1 : 0;
        }
        subscription.close();
        daemonLog.detachAppender(lines);
        int removals = (int) events.stream().filter(e -> e.kind().equals("removed")).count();

        int cycles = (int) span.minus(from).dividedBy(up.plus(down)) + 1;
        int runs = sim.host().systemd().connectorRuns(new UnitName(unit));
        // Never up for 300 s, it is never stable: a removal keeps the backoff where it is (DeviceEvents.STABLE),
        // so every attempt after the first connect belongs to one streak of failures.
        int bound = 1 + BackoffBound.attemptsWithin(span);
        assertThat(removals).as("the kernel dropped it in outages").isBetween(2, cycles);
        assertThat(runs).as("connector runs of the flapping path").isGreaterThan(removals).isLessThanOrEqualTo(bound);
        assertThat(connectedSamples).as("it does get connected between outages").isPositive();
        assertThat(sim.host().systemd().connectorRuns(new UnitName(steady))).isEqualTo(1);
        // Per attempt: the unit started, then connected or a retry scheduled; per removal: removed, a retry scheduled.
        long ofUnit = events.stream().filter(e -> e.unit().map(unit::equals).orElse(false)).count();
        assertThat(ofUnit).isLessThanOrEqualTo(2L * runs + 2L * removals);
        assertThat(events).as("events about anything else").hasSizeLessThanOrEqualTo((int) ofUnit + 2);
        // The log, counted, not read: a failed attempt is one line, a connect or a removal a few (the
        // unit's job, the device, the stale registry entry), so a storm of repeats would show.
        assertThat(lines.list).as("log lines over the hour").hasSizeLessThanOrEqualTo(2 * runs + 6 * removals);
    }
}
