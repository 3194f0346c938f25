package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * Uevents in bursts: every one handled in order through the loop's inbox (100,000 in the test loop),
 * and what an overflow loses made up by the rescan.
 */
final class DaemonUeventStormTest {
    private static final int CONTROLLERS = 10;
    private static final int EVENTS = 10_000;
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();
    private long seqnum = 5000;
    private int kernelEvents;

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static String traddr(int i) {
        return "10.0.1." + i;
    }

    /** Ten controllers connected as nvme0..nvme9, up long enough that a removal reconnects at once. */
    private DaemonHarness stable() {
        List<String> all = IntStream.range(0, CONTROLLERS).mapToObj(DaemonUeventStormTest::traddr).toList();
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem(all.toArray(String[]::new))).start();
        for (int i = 0; i < CONTROLLERS; i++) {
            h.connects("nvme" + i, traddr(i));
        }
        h.test.advance(Duration.ofMinutes(10));
        h.listed(all.toArray(String[]::new));
        h.test.handler(event -> {
            if (event instanceof LoopEvent.FromKernel) {
                kernelEvents++;
            }
            h.daemon.handle(event);
        });
        return h;
    }

    /** Queues a uevent without running the loop: the burst is in the inbox before anything is handled. */
    private void queue(DaemonHarness h, boolean add, int device) {
        DeviceName name = new DeviceName("nvme" + device);
        h.test.loop.post(new LoopEvent.FromKernel(add ? new KernelEvent.ControllerAdded(name, ++seqnum)
                : new KernelEvent.ControllerRemoved(name, ++seqnum)));
    }

    @Test
    void tenThousandUeventsAreAllHandledAndLeaveTheTrackerConsistent() {
        DaemonHarness h = stable();
        // nvme0-4 flap and are there at the end; nvme5-9 flap and are gone.
        for (int i = CONTROLLERS / 2; i < CONTROLLERS; i++) {
            h.removedSilently("nvme" + i);
        }
        for (int round = 0; round < EVENTS / (2 * CONTROLLERS); round++) {
            for (int i = 0; i < CONTROLLERS; i++) {
                boolean endsPresent = i < CONTROLLERS / 2;
                queue(h, !endsPresent, i);
                queue(h, endsPresent, i);
            }
        }
        h.test.runPending();

        assertThat(kernelEvents).isEqualTo(EVENTS);
        // Each controller got one reconnect (the recorder fails on a second request in flight) ...
        assertThat(h.units.inFlight()).hasSize(CONTROLLERS);
        // ... and those whose device is back are linked to it again.
        assertThat(h.daemon.counts()).isEqualTo(Map.of(ControllerState.CONNECTED, 5, ControllerState.STARTING, 5));
        for (int i = 0; i < CONTROLLERS; i++) {
            h.jobDone(traddr(i), i < CONTROLLERS / 2 ? "done" : "failed");
        }
        assertThat(h.status()).isEqualTo("10 controllers: 5 connected, 5 retrying");
        int calls = h.units.calls().size();
        h.kernel(new KernelEvent.EventsLost(1)); // the loop's view and sysfs agree: a rescan changes nothing
        assertThat(h.units.calls()).hasSize(calls);
        assertThat(h.status()).isEqualTo("10 controllers: 5 connected, 5 retrying");
    }

    @Test
    void anOverflowThatLostARemovalIsRepairedByTheRescan() {
        DaemonHarness h = stable();
        for (int n = 0; n < EVENTS / 5; n++) {
            queue(h, true, n % CONTROLLERS); // a change storm: every controller re-announced
        }
        h.test.runPending();
        h.test.advance(Duration.ofMinutes(6)); // each add re-linked its controller; they are stable again
        h.removedSilently("nvme3"); // its remove overflowed the socket buffer
        h.kernel(new KernelEvent.EventsLost(1));

        assertThat(kernelEvents).isEqualTo(EVENTS / 5 + 1);
        assertThat(h.units.calls()).hasSize(CONTROLLERS + 1).last().isEqualTo(DaemonHarness.call("restart", traddr(3)));
        assertThat(h.status()).isEqualTo("10 controllers: 9 connected, 1 starting");
        assertThat(log.problems()).containsExactly("WARN uevents were lost (1 overflow so far); surveying the host again");
    }
}
