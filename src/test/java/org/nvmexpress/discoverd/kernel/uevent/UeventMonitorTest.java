package org.nvmexpress.discoverd.kernel.uevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.UeventGroup;

/** The monitor's thread and lifecycle, over a fake socket. */
final class UeventMonitorTest {
    private static final Sender KERNEL = new Sender(0, 1, Optional.empty());
    private static final String NVME2 = "/devices/virtual/nvme-fabrics/ctl/nvme2";

    @Test
    void eventsArriveOnTheMonitorThreadAndCloseReleasesTheSocket() throws InterruptedException {
        FakeUeventSocket socket = new FakeUeventSocket();
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        UeventMonitor monitor = UeventMonitor.start(socket, UeventMonitor.Options.of(UeventGroup.KERNEL),
                event -> seen.add(Thread.currentThread().getName() + ": " + event));
        socket.datagram(UeventBytes.kernel("add", NVME2, "nvme", 3), KERNEL);
        assertThat(seen.poll(10, TimeUnit.SECONDS))
                .isEqualTo("uevent-monitor: ControllerAdded[device=nvme2, seqnum=3]");
        monitor.close();
        assertThat(socket.released().getCount()).as("socket closed before close() returned").isZero();
        assertThat(monitor.counters()).isEqualTo(new UeventCounters(1, 1, 0, 0, 0, 0, 0));
        monitor.close();
    }

    @Test
    void closeFromTheConsumerDoesNotWaitForItself() throws InterruptedException {
        FakeUeventSocket socket = new FakeUeventSocket();
        AtomicReference<UeventMonitor> self = new AtomicReference<>();
        UeventMonitor monitor = UeventMonitor.start(socket, UeventMonitor.Options.of(UeventGroup.KERNEL),
                event -> self.get().close());
        self.set(monitor);
        socket.datagram(UeventBytes.kernel("remove", NVME2, "nvme", 4), KERNEL);
        assertThat(socket.released().await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void optionsRejectAnEmptyReceiveBuffer() {
        assertThatThrownBy(() -> UeventMonitor.Options.of(UeventGroup.UDEV).withReceiveBufferBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("receiveBufferBytes out of range: 0");
        UeventMonitor.Options options = UeventMonitor.Options.of(UeventGroup.UDEV);
        assertThat(options.receiveBufferBytes()).isEqualTo(16 << 20);
        assertThat(options.policy()).hasToString("udev group");
    }
}
