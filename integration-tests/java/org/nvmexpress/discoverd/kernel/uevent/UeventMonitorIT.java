package org.nvmexpress.discoverd.kernel.uevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.kernel;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.libudev;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.UeventGroup;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerAdded;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerRemoved;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.DiscoveryLogChanged;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.EventsLost;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.Trigger;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The monitor on a real {@code NETLINK_KOBJECT_UEVENT} socket (TESTING §2 "Kernel uevents"): a real
 * kernel uevent, crafted uevents in both formats inside a private network namespace (so no listener
 * on the host sees the forgeries), the sender policy, an overflow, and a storm of 10,000 uevents.
 * Needs root: binding is open to all, but sending to the uevent groups needs CAP_NET_ADMIN.
 */
final class UeventMonitorIT {
    private static final Path NULL_UEVENT = Path.of("/sys/devices/virtual/mem/null/uevent");
    private static final String NULL_DEVPATH = "/devices/virtual/mem/null";
    private static final int KERNEL_GROUP = 1;
    private static final int UDEV_GROUP = 2;
    private static final long WAIT_SECONDS = 10;
    private static final String REMOTE = "nn-0x20000090fa942779:pn-0x10000090fa942779";
    private static final String LOCAL = "nn-0x200000109b579ef6:pn-0x100000109b579ef6";
    private static final int STORM = 10_000;

    @BeforeAll
    static void needsRoot() throws IOException {
        assumeThat((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
                .as("sending uevents needs root (CAP_NET_ADMIN); run as root, as CI does").isZero();
    }

    private static String nvme(int n) {
        return "/devices/virtual/nvme-fabrics/ctl/nvme" + n;
    }

    /** Runs {@code body} on a fresh thread moved into a new network namespace; sockets it opens stay there. */
    private static <T> T inPrivateNetworkNamespace(Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            UeventSender.unshareNetworkNamespace();
            return body.call();
        });
        new Thread(task, "netns").start();
        try {
            return task.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assumeThat(e.getCause()).as("unshare(CLONE_NEWNET) is not permitted here")
                    .isNotInstanceOf(LastErrorException.class);
            throw e;
        }
    }

    /** Takes from {@code queue} until an element matches, at most {@link #WAIT_SECONDS} per poll. */
    private static <T> T awaitMatch(BlockingQueue<T> queue, Predicate<T> match) throws InterruptedException {
        while (true) {
            T next = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(next).as("nothing arrived within %d s", WAIT_SECONDS).isNotNull();
            if (match.test(next)) {
                return next;
            }
        }
    }

    private static boolean isNullChange(Uevent u) {
        return u.devpath().equals(NULL_DEVPATH) && u.action().equals("change");
    }

    private static void triggerNullChange() throws IOException {
        Files.writeString(NULL_UEVENT, "change");
    }

    @Test
    void realKernelUeventArrivesOnTheKernelGroup() throws Exception {
        assumeThat(Files.isWritable(NULL_UEVENT)).as(NULL_UEVENT + " is not writable").isTrue();
        BlockingQueue<Uevent> tapped = new LinkedBlockingQueue<>();
        try (UeventMonitor monitor = UeventMonitor.open(UeventMonitor.Options.of(UeventGroup.KERNEL)
                .withTap(tapped::add), event -> { })) {
            triggerNullChange();
            Uevent uevent = awaitMatch(tapped, UeventMonitorIT::isNullChange);
            assertThat(uevent.format()).isEqualTo(Uevent.Format.KERNEL);
            assertThat(uevent.subsystem()).isEqualTo("mem");
            assertThat(uevent.devname()).contains("null");
            assertThat(uevent.seqnum()).isPositive();
            assertThat(monitor.counters().rejected()).isZero();
            assertThat(monitor.counters().malformed()).isZero();
        }
        assertThat(monitorThreads()).as("close() stopped the reader thread").isEmpty();
    }

    /** Both monitors hear the same crafted kernel-format uevents: one trusts the sender's port, one does not. */
    @Test
    void craftedKernelUeventsAreClassifiedAndUntrustedOnesRejected() throws Exception {
        BlockingQueue<KernelEvent> trustedEvents = new LinkedBlockingQueue<>();
        BlockingQueue<KernelEvent> standardEvents = new LinkedBlockingQueue<>();
        BlockingQueue<Uevent> standardTap = new LinkedBlockingQueue<>();
        record Setup(UeventSender sender, UeventMonitor trusting, UeventMonitor standard) {
        }
        Setup setup = inPrivateNetworkNamespace(() -> {
            UeventSender sender = UeventSender.open();
            UeventMonitor trusting = UeventMonitor.open(UeventMonitor.Options.of(UeventGroup.KERNEL)
                    .withPolicy(SenderPolicy.alsoTrusting(UeventGroup.KERNEL, sender.portId())), trustedEvents::add);
            UeventMonitor standard = UeventMonitor.open(UeventMonitor.Options.of(UeventGroup.KERNEL)
                    .withTap(standardTap::add), standardEvents::add);
            return new Setup(sender, trusting, standard);
        });
        try (UeventSender sender = setup.sender(); UeventMonitor trusting = setup.trusting();
                UeventMonitor standard = setup.standard()) {
            sender.send(UeventBytes.ascii("garbage\0\1\2"), KERNEL_GROUP);
            sender.send(libudev("add", nvme(5), "nvme", 100), KERNEL_GROUP);
            sender.send(kernel("bind", nvme(5), "nvme", 101), KERNEL_GROUP);
            sender.send(kernel("add", nvme(5), "nvme", 102), KERNEL_GROUP);
            sender.send(kernel("change", nvme(5), "nvme", 103, "NVME_AEN=0x70f002"), KERNEL_GROUP);
            sender.send(kernel("change", nvme(5), "nvme", 104, "NVME_EVENT=rediscover"), KERNEL_GROUP);
            sender.send(kernel("change", "/devices/virtual/fc/fc_udev_device", "fc", 105, "FC_EVENT=nvmediscovery",
                    "NVMEFC_TRADDR=" + REMOTE, "NVMEFC_HOST_TRADDR=" + LOCAL), KERNEL_GROUP);
            sender.send(kernel("remove", nvme(5), "nvme", 106), KERNEL_GROUP);

            List<KernelEvent> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(awaitMatch(trustedEvents, e -> true));
            }
            assertThat(events).hasSize(5).startsWith(new ControllerAdded(new DeviceName("nvme5"), 102),
                    new DiscoveryLogChanged(new DeviceName("nvme5"), Trigger.LOG_PAGE_CHANGED_NOTICE, 103),
                    new DiscoveryLogChanged(new DeviceName("nvme5"), Trigger.REDISCOVER, 104));
            assertThat(((KernelEvent.FcDiscovery) events.get(3)).tid().canonical()).isEqualTo("transport=fc;traddr="
                    + REMOTE + ";nqn=nqn.2014-08.org.nvmexpress.discovery;host-traddr=" + LOCAL);
            assertThat(events.get(4)).isEqualTo(new ControllerRemoved(new DeviceName("nvme5"), 106));
            UeventCounters trusted = trusting.counters();
            assertThat(trusted.malformed()).isEqualTo(1);
            assertThat(trusted.rejected()).as("libudev format on the kernel group").isEqualTo(1);
            assertThat(trusted.delivered()).isEqualTo(5);

            // A real kernel uevent reaches every network namespace after the forgeries: when the
            // standard monitor has seen it, it has judged all of them.
            triggerNullChange();
            awaitMatch(standardTap, UeventMonitorIT::isNullChange);
            assertThat(standard.counters().rejected()).isEqualTo(8);
            assertThat(standard.counters().malformed()).as("untrusted bytes are not even parsed").isZero();
            assertThat(standardEvents).isEmpty();
        }
    }

    @Test
    void craftedLibudevUeventsNeedRootAndTheHeader() throws Exception {
        BlockingQueue<KernelEvent> events = new LinkedBlockingQueue<>();
        record Setup(UeventSender sender, UeventMonitor monitor) {
        }
        Setup setup = inPrivateNetworkNamespace(() -> new Setup(UeventSender.open(),
                UeventMonitor.open(UeventMonitor.Options.of(UeventGroup.UDEV), events::add)));
        try (UeventSender sender = setup.sender(); UeventMonitor monitor = setup.monitor()) {
            int pid = (int) ProcessHandle.current().pid();
            sender.send(libudev("add", nvme(6), "nvme", 200), UDEV_GROUP,
                    Optional.of(new Sender.Credentials(pid, 1000, 1000)));
            sender.send(kernel("add", nvme(6), "nvme", 201), UDEV_GROUP);
            sender.send(UeventBytes.withNetworkInt(libudev("add", nvme(6), "nvme", 202), 8, 0xcafefeed), UDEV_GROUP);
            sender.send(libudev("add", nvme(6), "nvme", 203), UDEV_GROUP);
            sender.send(libudev("change", "/devices/virtual/fc/fc_udev_device", "fc", 204, "FC_EVENT=nvmediscovery",
                    "NVMEFC_TRADDR=" + REMOTE), UDEV_GROUP);
            assertThat(awaitMatch(events, e -> true)).isEqualTo(new ControllerAdded(new DeviceName("nvme6"), 203));
            assertThat(awaitMatch(events, e -> true)).isInstanceOf(KernelEvent.FcDiscovery.class);
            assertThat(monitor.counters()).isEqualTo(new UeventCounters(5, 2, 0, 2, 1, 0, 0));
        }
    }

    /** The consumer blocks, the small buffer overflows, and the monitor reports it and goes on. */
    @Test
    void overflowIsReportedAndTheMonitorGoesOn() throws Exception {
        BlockingQueue<KernelEvent> events = new LinkedBlockingQueue<>();
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        record Setup(UeventSender sender, UeventMonitor monitor) {
        }
        Setup setup = inPrivateNetworkNamespace(() -> {
            UeventSender sender = UeventSender.open();
            UeventMonitor monitor = UeventMonitor.open(UeventMonitor.Options.of(UeventGroup.KERNEL)
                    .withPolicy(SenderPolicy.alsoTrusting(UeventGroup.KERNEL, sender.portId()))
                    .withReceiveBufferBytes(1), event -> {
                        events.add(event);
                        if (blocked.getCount() > 0) {
                            blocked.countDown();
                            awaitQuietly(release);
                        }
                    });
            return new Setup(sender, monitor);
        });
        try (UeventSender sender = setup.sender(); UeventMonitor monitor = setup.monitor()) {
            sender.send(kernel("add", nvme(0), "nvme", 1), KERNEL_GROUP);
            assertThat(blocked.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("consumer got the first event").isTrue();
            for (int i = 1; i <= 200; i++) {
                sender.send(kernel("add", nvme(i), "nvme", 1 + i), KERNEL_GROUP);
            }
            release.countDown();
            List<KernelEvent> before = new ArrayList<>();
            KernelEvent next;
            while (!((next = awaitMatch(events, e -> true)) instanceof EventsLost)) {
                before.add(next);
            }
            assertThat(before).as("queued uevents come before the loss report")
                    .allMatch(e -> e instanceof ControllerAdded);
            int queued = before.size() - 1;
            assertThat(queued).as("some of the 200 were dropped").isLessThan(200);

            sender.send(kernel("remove", nvme(7), "nvme", 999), KERNEL_GROUP);
            assertThat(awaitMatch(events, e -> true)).as("delivery resumed after the loss report")
                    .isEqualTo(new ControllerRemoved(new DeviceName("nvme7"), 999));
            assertThat(monitor.counters().overflows()).isEqualTo(1);
            System.out.printf("overflow: SO_RCVBUF 1 (raised to the kernel's minimum), 200 uevents sent while the"
                    + " consumer was blocked: %d queued and delivered, the rest reported as lost by %s%n",
                    queued, next);
        }
    }

    /** 10,000 uevents as fast as the sender can: all arrive, or an overflow is reported (never a silent loss). */
    @Test
    void stormOfTenThousandIsHandledWithoutSilentLoss() throws Exception {
        BlockingQueue<KernelEvent> events = new LinkedBlockingQueue<>();
        record Setup(UeventSender sender, UeventMonitor monitor) {
        }
        Setup setup = inPrivateNetworkNamespace(() -> {
            UeventSender sender = UeventSender.open();
            return new Setup(sender, UeventMonitor.open(UeventMonitor.Options.of(UeventGroup.KERNEL)
                    .withPolicy(SenderPolicy.alsoTrusting(UeventGroup.KERNEL, sender.portId())), events::add));
        });
        try (UeventSender sender = setup.sender(); UeventMonitor monitor = setup.monitor()) {
            long start = System.nanoTime();
            for (int i = 0; i < STORM; i++) {
                sender.send(kernel("add", nvme(i), "nvme", i + 1), KERNEL_GROUP);
            }
            long sent = System.nanoTime();
            int added = 0;
            long lost = 0;
            long lastSeqnum = 0;
            while (added < STORM && lost == 0) {
                KernelEvent event = awaitMatch(events, e -> true);
                if (event instanceof ControllerAdded add) {
                    assertThat(add.seqnum()).as("in order").isGreaterThan(lastSeqnum);
                    lastSeqnum = add.seqnum();
                    added++;
                } else if (event instanceof EventsLost) {
                    lost++;
                }
            }
            long done = System.nanoTime();
            assertThat(added == STORM || lost > 0).as("every uevent arrived, or the loss was reported").isTrue();
            System.out.printf("storm: %d uevents sent in %d ms; %d delivered in %d ms (%.0f/s); %d overflow(s);"
                    + " counters %s%n", STORM, (sent - start) / 1_000_000, added, (done - start) / 1_000_000,
                    added * 1e9 / (done - start), lost, monitor.counters());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS * 3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Thread> monitorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("uevent-monitor")).toList();
    }
}
