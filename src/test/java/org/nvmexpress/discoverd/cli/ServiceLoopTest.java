package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.FakeClock;
import org.nvmexpress.discoverd.systemd.RecordingNotifier;

final class ServiceLoopTest {
    private static final String ONE_IOC = "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\n"
            + "controller = transport=tcp;traddr=10.0.0.9\n";

    private final FakeClock clock = new FakeClock(Duration.ofSeconds(5));
    private final ScriptedEvents events = new ScriptedEvents(clock);
    @TempDir
    Path etc;

    private ServiceConfigLoader loader() {
        return new ServiceConfigLoader(etc.resolve("nvme-discoverd.conf"), false, etc.resolve("nvme-fabrics.conf"));
    }

    private int run(RecordingNotifier notifier) throws InterruptedException {
        ServiceConfigLoader loader = loader();
        return new ServiceLoop(events, notifier, clock, loader, loader.load()).run();
    }

    @Test
    void runIsReadyThenStopsOnRequest() throws Exception {
        Files.writeString(etc.resolve("nvme-fabrics.conf"), ONE_IOC);
        RecordingNotifier notifier = new RecordingNotifier(clock, Optional.empty());
        events.then(new ServiceEvent.Stop("SIGTERM"));
        assertThat(run(notifier)).isZero();
        assertThat(notifier.messages()).containsExactly("READY=1\nSTATUS=1 controller: 0 connected, 0 retrying, 1 waiting",
                "STOPPING=1\nSTATUS=Stopping on SIGTERM");
        assertThat(events.timeoutsNanos()).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void runReloadsWithMonotonicTimeThenIsReadyAgain() throws Exception {
        RecordingNotifier notifier = new RecordingNotifier(clock, Optional.empty());
        events.then(new ServiceEvent.Reload(), write(ONE_IOC)).then(new ServiceEvent.Stop("SIGINT"));
        assertThat(run(notifier)).isZero();
        assertThat(notifier.messages()).containsExactly("READY=1\nSTATUS=0 controllers: 0 connected, 0 retrying",
                "RELOADING=1\nMONOTONIC_USEC=5000000\nSTATUS=Reloading configuration...",
                "READY=1\nSTATUS=1 controller: 0 connected, 0 retrying, 1 waiting",
                "STOPPING=1\nSTATUS=Stopping on SIGINT");
    }

    @Test
    void reloadKeepsLastGoodFabricsConfigOnError() throws Exception {
        Files.writeString(etc.resolve("nvme-fabrics.conf"), ONE_IOC);
        RecordingNotifier notifier = new RecordingNotifier(clock, Optional.empty());
        events.then(new ServiceEvent.Reload(), write(ONE_IOC + "keep-alive-tmo = 30   # inline\n"))
                .then(new ServiceEvent.Stop("SIGTERM"));
        run(notifier);
        assertThat(notifier.messages()).element(2).isEqualTo("READY=1\nSTATUS=1 controller: 0 connected, 0 retrying, 1 waiting");
    }

    @Test
    void runPingsTheWatchdogEachInterval() throws Exception {
        RecordingNotifier notifier = new RecordingNotifier(clock, Optional.of(Duration.ofSeconds(15)));
        events.thenTimeout().thenTimeout().then(new ServiceEvent.Stop("SIGTERM"));
        run(notifier);
        assertThat(notifier.messages()).containsExactly("READY=1\nSTATUS=0 controllers: 0 connected, 0 retrying",
                "WATCHDOG=1", "WATCHDOG=1", "STOPPING=1\nSTATUS=Stopping on SIGTERM");
        long interval = Duration.ofSeconds(15).toNanos();
        assertThat(events.timeoutsNanos()).containsExactly(interval, interval, interval);
    }

    @Test
    void aPingDueWhenAnEventArrivesIsSentFirst() throws Exception {
        RecordingNotifier notifier = new RecordingNotifier(clock, Optional.of(Duration.ofSeconds(15)));
        events.then(new ServiceEvent.Reload(), () -> clock.advance(Duration.ofSeconds(15)))
                .then(new ServiceEvent.Stop("SIGTERM"));
        run(notifier);
        assertThat(notifier.messages()).containsExactly("READY=1\nSTATUS=0 controllers: 0 connected, 0 retrying",
                "WATCHDOG=1", "RELOADING=1\nMONOTONIC_USEC=20000000\nSTATUS=Reloading configuration...",
                "READY=1\nSTATUS=0 controllers: 0 connected, 0 retrying", "STOPPING=1\nSTATUS=Stopping on SIGTERM");
    }

    /** An action that writes {@code fabrics} to the fabrics file, for the next reload to find. */
    private Runnable write(String fabrics) {
        return () -> {
            try {
                Files.writeString(etc.resolve("nvme-fabrics.conf"), fabrics);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
    }
}
