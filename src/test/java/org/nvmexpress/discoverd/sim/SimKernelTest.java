package org.nvmexpress.discoverd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOption;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOptions;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.sim.fabric.Reachability;
import org.nvmexpress.discoverd.sim.fabric.Subsystem;
import org.nvmexpress.discoverd.tid.TransportId;

/** The simulated kernel on its own: what the daemon can tell of a real one. */
class SimKernelTest {
    private static final String VOL = "nqn.2024-01.com.example:vol1";
    private static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:8a2b1c3d-0000-4000-8000-00000000a001";

    @TempDir
    Path root;

    private final VirtualTime time = new VirtualTime();
    private final List<KernelEvent> events = new ArrayList<>();

    private SimKernel kernel(Reachability reachability) {
        Fabric fabric = new Fabric(List.of(new Port("a", "tcp", "192.168.100.10", "4420", reachability),
                new Port("b", "tcp", "192.168.101.10", "4420", Reachability.ALWAYS)),
                List.of(new Subsystem(VOL, List.of("a", "b"))), List.of(), List.of(), List.of(), Optional.empty());
        SimTargets targets = new SimTargets(fabric, time);
        SimKernel kernel = new SimKernel(new Object(), time, targets, new SimSysfs(root));
        kernel.attach(events::add);
        targets.watch(kernel::reachabilityChanged);
        return kernel;
    }

    private static FabricsOptions options(String traddr, String... extra) throws Exception {
        FabricsOptions.Builder b = FabricsOptions.builder().set(FabricsOption.TRANSPORT, "tcp")
                .set(FabricsOption.TRADDR, traddr).set(FabricsOption.TRSVCID, "4420").set(FabricsOption.NQN, VOL)
                .set(FabricsOption.HOSTNQN, HOSTNQN);
        for (int i = 0; i < extra.length; i += 2) {
            b.set(FabricsOption.valueOf(extra[i]), extra[i + 1]);
        }
        return b.build();
    }

    @Test
    void aNewControllerTakesTheLowestFreeInstanceAndSysfsShowsItInTheRealFormat() throws Exception {
        SimKernel kernel = kernel(Reachability.ALWAYS);
        assertThat(kernel.connect(options("192.168.100.10"))).isEqualTo("instance=0,cntlid=1\n");
        assertThat(kernel.connect(options("192.168.101.10"))).isEqualTo("instance=1,cntlid=2\n");
        kernel.disconnect(new DeviceName("nvme0"));
        assertThat(kernel.connect(options("192.168.100.10"))).startsWith("instance=0,");

        Path dir = root.resolve("sys/class/nvme/nvme1");
        assertThat(Files.readString(dir.resolve("address"))).isEqualTo("traddr=192.168.101.10,trsvcid=4420\n");
        assertThat(Files.readString(dir.resolve("cntrltype"))).isEqualTo("io\n");
        assertThat(Files.readString(dir.resolve("state"))).isEqualTo("live\n");
        assertThat(root.resolve("dev/nvme1")).exists();
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ControllerAdded", "ControllerAdded", "ControllerRemoved", "ControllerAdded");
        assertThat(Files.readString(root.resolve("sys/kernel/uevent_seqnum")).strip()).isEqualTo("1004");
    }

    @Test
    void theSameConnectionTwiceIsRefusedUnlessDuplicatesAreAsked() throws Exception {
        SimKernel kernel = kernel(Reachability.ALWAYS);
        kernel.connect(options("192.168.100.10"));
        assertThatThrownBy(() -> kernel.connect(options("192.168.100.10")))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EALREADY));
        FabricsOptions duplicate = options("192.168.100.10").toBuilder().flag(FabricsOption.DUPLICATE_CONNECT, true).build();
        assertThat(kernel.connect(duplicate)).startsWith("instance=1,");
        TransportId tid = TransportId.builder().transport("tcp").traddr("192.168.100.10").trsvcid("4420").nqn(VOL).build();
        assertThat(kernel.find(tid, new ConnectIdentity(Optional.of(HOSTNQN), Optional.empty())))
                .contains(new DeviceName("nvme0"));
    }

    @Test
    void aPinnedAndAnUnpinnedConnectionAreTwoAndTheLookupMatchesAsTheIdentityMatcherDoes() throws Exception {
        SimKernel kernel = kernel(Reachability.ALWAYS);
        kernel.connect(options("192.168.100.10"));
        assertThat(kernel.connect(options("192.168.100.10", "HOST_TRADDR", "192.168.100.2"))).startsWith("instance=1,");
        assertThat(errno(kernel, options("192.168.100.10", "HOST_TRADDR", "192.168.100.2"))).isEqualTo(Errno.EALREADY);
        kernel.disconnect(new DeviceName("nvme1"));

        ConnectIdentity identity = new ConnectIdentity(Optional.of(HOSTNQN), Optional.empty());
        TransportId unpinned = TransportId.builder().transport("tcp").traddr("192.168.100.10").trsvcid("4420").nqn(VOL)
                .build();
        TransportId pinned = unpinned.toBuilder().hostTraddr("192.168.100.2").build();
        assertThat(kernel.find(pinned, identity)).isEmpty(); // no src_addr: nothing shows the pin holds
        assertThat(kernel.find(unpinned, identity)).contains(new DeviceName("nvme0"));
        kernel.disconnect(new DeviceName("nvme0"));
        assertThat(kernel.connect(options("192.168.100.10", "HOST_TRADDR", "192.168.100.2"))).startsWith("instance=0,");
        assertThat(kernel.find(unpinned, identity)).contains(new DeviceName("nvme0")); // unset matches any pin
        assertThat(kernel.find(pinned, identity)).contains(new DeviceName("nvme0"));
    }

    @Test
    void unknownAddressesUnreachablePortsAndUnlinkedSubsystemsFailAsTheKernelSaysSo() throws Exception {
        Reachability down = new Reachability(List.of(new Reachability.Window(Duration.ZERO, Duration.ofMinutes(1))),
                Optional.empty(), Duration.ZERO);
        SimKernel kernel = kernel(down);
        assertThat(errno(kernel, options("10.9.9.9"))).isEqualTo(Errno.ECONNREFUSED);
        assertThat(errno(kernel, options("192.168.100.10"))).isEqualTo(Errno.ETIMEDOUT);
        FabricsOptions other = options("192.168.101.10").toBuilder().set(FabricsOption.NQN, "nqn.2024-01.com.example:x")
                .build();
        assertThat(errno(kernel, other)).isEqualTo(Errno.EIO);
        assertThat(kernel.controllers()).isEmpty();
    }

    @Test
    void aControllerWhosePortStaysDownPastCtrlLossTmoIsDeletedAndOneThatComesBackInTimeIsLiveAgain()
            throws Exception {
        Reachability twice = new Reachability(List.of(new Reachability.Window(Duration.ofSeconds(10),
                Duration.ofSeconds(15)), new Reachability.Window(Duration.ofSeconds(60), Duration.ofSeconds(200))),
                Optional.empty(), Duration.ZERO);
        SimKernel kernel = kernel(twice);
        kernel.connect(options("192.168.100.10", "CTRL_LOSS_TMO", "30", "RECONNECT_DELAY", "2"));
        Path state = root.resolve("sys/class/nvme/nvme0/state");
        advanceTo(Duration.ofSeconds(11));
        assertThat(Files.readString(state)).isEqualTo("connecting\n");
        advanceTo(Duration.ofSeconds(18));
        assertThat(Files.readString(state)).isEqualTo("live\n");
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(KernelEvent.DiscoveryLogChanged.class,
                e -> assertThat(e.trigger()).isEqualTo(KernelEvent.Trigger.REDISCOVER));
        advanceTo(Duration.ofSeconds(89));
        assertThat(Files.readString(state)).isEqualTo("connecting\n");
        advanceTo(Duration.ofSeconds(91));
        assertThat(root.resolve("sys/class/nvme/nvme0")).doesNotExist();
        assertThat(events.get(events.size() - 1)).isInstanceOf(KernelEvent.ControllerRemoved.class);
    }

    @Test
    void lostUeventsAreReportedAsAnOverflowOnceTheyAreGone() throws Exception {
        SimKernel kernel = kernel(Reachability.ALWAYS);
        kernel.loseEvents(2);
        kernel.connect(options("192.168.100.10"));
        assertThat(events).isEmpty();
        kernel.connect(options("192.168.101.10"));
        assertThat(events).containsExactly(new KernelEvent.EventsLost(1));
        kernel.disconnect(new DeviceName("nvme0"));
        assertThat(events).hasSize(2).last().isInstanceOf(KernelEvent.ControllerRemoved.class);
    }

    private void advanceTo(Duration t) {
        while (time.nextDeadlineNanos().isPresent() && time.nextDeadlineNanos().getAsLong() <= t.toNanos()) {
            time.advanceTo(time.nextDeadlineNanos().getAsLong());
            time.runDue();
        }
        time.advanceTo(t.toNanos());
    }

    private static Errno errno(SimKernel kernel, FabricsOptions options) {
        try {
            kernel.connect(options);
            throw new AssertionError("connected");
        } catch (ErrnoException e) {
            return e.errno();
        }
    }
}
