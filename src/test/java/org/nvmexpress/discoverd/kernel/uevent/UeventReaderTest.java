package org.nvmexpress.discoverd.kernel.uevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.ascii;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.UeventGroup;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerAdded;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.DiscoveryLogChanged;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.EventsLost;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.Trigger;
import org.nvmexpress.discoverd.registry.DeviceName;

/** The reader loop on the test thread, over a scripted socket. */
final class UeventReaderTest {
    private static final Sender KERNEL = new Sender(0, 1, Optional.of(new Sender.Credentials(0, 0, 0)));
    private static final Sender USER = new Sender(4242, 1, Optional.of(new Sender.Credentials(812, 0, 0)));
    private static final String NVME1 = "/devices/virtual/nvme-fabrics/ctl/nvme1";
    private static final String FC_UDEV = "/devices/virtual/fc/fc_udev_device";
    private static final String REJECTED = "uevent monitor - rejected a uevent from netlink port 4242 (pid 812, uid 0):"
            + " sent from port id 4242, not the kernel's (0)";

    private final FakeUeventSocket socket = new FakeUeventSocket();
    private final List<KernelEvent> events = new ArrayList<>();
    private final List<Uevent> tapped = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private UeventReader run() {
        UeventReader reader = new UeventReader(socket, SenderPolicy.standard(UeventGroup.KERNEL), tapped::add,
                events::add, warnings::add);
        reader.run();
        return reader;
    }

    @Test
    void relevantUeventsAreDeliveredInOrderAndEveryTrustedOneIsTapped() {
        socket.datagram(kernel("add", NVME1, "nvme", 1), KERNEL)
                .datagram(kernel("change", "/devices/virtual/mem/null", "mem", 2), KERNEL)
                .datagram(kernel("change", NVME1, "nvme", 3, "NVME_AEN=0x70f002"), KERNEL)
                .datagram(kernel("change", FC_UDEV, "fc", 4, "FC_EVENT=nvmediscovery",
                        "NVMEFC_TRADDR=nn-0x1:pn-0x2"), KERNEL)
                .drained().closed();
        UeventReader reader = run();
        assertThat(events).hasSize(3).startsWith(new ControllerAdded(new DeviceName("nvme1"), 1),
                new DiscoveryLogChanged(new DeviceName("nvme1"), Trigger.LOG_PAGE_CHANGED_NOTICE, 3));
        assertThat(((KernelEvent.FcDiscovery) events.get(2)).tid().traddr()).isEqualTo("nn-0x1:pn-0x2");
        assertThat(tapped).extracting(Uevent::seqnum).containsExactly(1L, 2L, 3L, 4L);
        assertThat(warnings).isEmpty();
        assertThat(reader.counters()).isEqualTo(new UeventCounters(4, 3, 1, 0, 0, 0, 0));
    }

    @Test
    void untrustedSendersAreRejectedUnparsedAndLoggedOncePerBurst() {
        byte[] add = kernel("add", NVME1, "nvme", 1);
        socket.datagram(add, USER).datagram(add, USER).datagram(ascii("garbage"), USER).drained()
                .datagram(add, USER).drained().closed();
        UeventReader reader = run();
        assertThat(events).isEmpty();
        assertThat(tapped).isEmpty();
        assertThat(warnings).containsExactly(REJECTED, "uevent monitor - 2 more uevents rejected in this burst",
                REJECTED);
        assertThat(reader.counters()).isEqualTo(new UeventCounters(4, 0, 0, 4, 0, 0, 0));
    }

    @Test
    void malformedUeventIsSkippedAndTheReaderGoesOn() {
        socket.datagram(ascii("garbage\0A=b\0"), KERNEL).datagram(ascii("more\0"), KERNEL)
                .datagram(kernel("add", NVME1, "nvme", 5), KERNEL).closed();
        UeventReader reader = run();
        assertThat(events).containsExactly(new ControllerAdded(new DeviceName("nvme1"), 5));
        assertThat(warnings).containsExactly(
                "uevent monitor - malformed uevent (12 bytes) from netlink port 0 (pid 0, uid 0):"
                        + " byte 0: header 'garbage' is not ACTION@DEVPATH",
                "uevent monitor - 1 more malformed uevent in this burst");
        assertThat(reader.counters()).isEqualTo(new UeventCounters(3, 1, 0, 0, 2, 0, 0));
    }

    @Test
    void overflowBecomesEventsLostOnceTheQueuedUeventsAreRead() {
        socket.datagram(kernel("add", NVME1, "nvme", 1), KERNEL).overflow()
                .datagram(kernel("remove", NVME1, "nvme", 9), KERNEL).overflow().drained()
                .datagram(kernel("add", NVME1, "nvme", 10), KERNEL).drained()
                .overflow().drained().closed();
        UeventReader reader = run();
        assertThat(events).containsExactly(new ControllerAdded(new DeviceName("nvme1"), 1),
                new KernelEvent.ControllerRemoved(new DeviceName("nvme1"), 9), new EventsLost(2), new ControllerAdded(new DeviceName("nvme1"), 10),
                new EventsLost(3));
        String dropped = "uevent monitor - the kernel dropped uevents (receive buffer full, ENOBUFS);"
                + " reporting them as lost once the socket is drained";
        assertThat(warnings).containsExactly(dropped, "uevent monitor - 1 more overflow in this burst", dropped);
        assertThat(reader.counters().overflows()).isEqualTo(3);
    }

    @Test
    void overflowIsNotReportedWhenTheSocketClosesFirst() {
        socket.datagram(kernel("add", NVME1, "nvme", 1), KERNEL).overflow().closed();
        run();
        assertThat(events).containsExactly(new ControllerAdded(new DeviceName("nvme1"), 1));
    }

    @Test
    void unusableUeventOfInterestIsReported() {
        socket.datagram(kernel("change", FC_UDEV, "fc", 9, "FC_EVENT=nvmediscovery"), KERNEL).closed();
        UeventReader reader = run();
        assertThat(events).isEmpty();
        assertThat(warnings).containsExactly("uevent monitor - fc change /devices/virtual/fc/fc_udev_device"
                + " (seqnum 9): fc nvmediscovery event without NVMEFC_TRADDR");
        assertThat(reader.counters()).isEqualTo(new UeventCounters(1, 0, 0, 0, 0, 1, 0));
    }

    @Test
    void badControllerNameFromTheWireIsCountedNotThrown() {
        // Eleven digits: no kernel instance number, and more than a DeviceName accepts.
        socket.datagram(kernel("add", "/devices/virtual/nvme-fabrics/ctl/nvme12345678901", "nvme", 1), KERNEL)
                .datagram(kernel("remove", "/devices/virtual/nvme-fabrics/ctl/nvme1n1", "nvme", 2), KERNEL)
                .datagram(kernel("add", NVME1, "nvme", 3), KERNEL).closed();
        UeventReader reader = run();
        assertThat(events).containsExactly(new ControllerAdded(new DeviceName("nvme1"), 3));
        assertThat(warnings).containsExactly("uevent monitor - nvme add /devices/virtual/nvme-fabrics/ctl/"
                + "nvme12345678901 (seqnum 1): nvme device 'nvme12345678901' is not named nvme<N>",
                "uevent monitor - 1 more unusable uevent in this burst");
        assertThat(reader.counters()).isEqualTo(new UeventCounters(3, 1, 0, 0, 0, 2, 0));
    }

    @Test
    void failingConsumerDoesNotStopTheReader() {
        socket.datagram(kernel("add", NVME1, "nvme", 1), KERNEL).datagram(kernel("add", NVME1, "nvme", 2), KERNEL)
                .closed();
        List<KernelEvent> seen = new ArrayList<>();
        UeventReader reader = new UeventReader(socket, SenderPolicy.standard(UeventGroup.KERNEL), u -> {
            throw new IllegalStateException("tap bug");
        }, event -> {
            seen.add(event);
            if (seen.size() == 1) {
                throw new IllegalStateException("consumer bug");
            }
        }, warnings::add);
        reader.run();
        assertThat(seen).containsExactly(new ControllerAdded(new DeviceName("nvme1"), 1), new ControllerAdded(new DeviceName("nvme1"), 2));
    }

    @Test
    void socketFailureEndsTheReaderAfterSummarisingTheBurst() {
        byte[] add = kernel("add", NVME1, "nvme", 1);
        socket.datagram(add, USER).datagram(add, USER).failure(new IOException("recvmsg: EBADF"))
                .datagram(add, KERNEL);
        run();
        assertThat(events).isEmpty();
        assertThat(warnings).containsExactly(REJECTED, "uevent monitor - 1 more uevent rejected in this burst");
    }

    @Test
    void burstThatNeverPausesIsSummarisedAtTheCap() {
        for (int i = 0; i <= UeventReader.MAX_BURST_DATAGRAMS; i++) {
            socket.datagram(ascii("x"), USER);
        }
        socket.closed();
        String first = "uevent monitor - rejected a uevent from netlink port 4242 (pid 812, uid 0):"
                + " sent from port id 4242, not the kernel's (0)";
        run();
        assertThat(warnings).containsExactly(first, "uevent monitor - 4095 more uevents rejected in this burst", first);
    }

    @Test
    void udevGroupTakesLibudevMessagesFromRoot() {
        Sender udevd = new Sender(901, 2, Optional.of(new Sender.Credentials(901, 0, 0)));
        Sender user = new Sender(902, 2, Optional.of(new Sender.Credentials(902, 1000, 1000)));
        socket.datagram(UeventBytes.libudev("add", NVME1, "nvme", 1), udevd)
                .datagram(UeventBytes.libudev("remove", NVME1, "nvme", 2), user)
                .datagram(kernel("remove", NVME1, "nvme", 3), udevd).closed();
        UeventReader reader = new UeventReader(socket, SenderPolicy.standard(UeventGroup.UDEV), tapped::add,
                events::add, warnings::add);
        reader.run();
        assertThat(events).containsExactly(new ControllerAdded(new DeviceName("nvme1"), 1));
        assertThat(warnings).containsExactly("uevent monitor - rejected a uevent from netlink port 902 (pid 902,"
                + " uid 1000): sent by uid 1000, not root", "uevent monitor - 1 more uevent rejected in this burst");
    }
}
