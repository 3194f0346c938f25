package org.nvmexpress.discoverd.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerSettler;
import org.nvmexpress.discoverd.kernel.sysfs.Sysfs;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsReader;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.systemd.ListedUnit;
import org.nvmexpress.discoverd.systemd.RecordingNotifier;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * One daemon over a host under a temporary root, every port faked or checked, the loop on the
 * test thread in virtual time ({@link TestLoop}). The test writes the host ({@link #host}), starts
 * the daemon, plays systemd ({@link #jobDone}) and the kernel ({@link #added}, {@link #removed}),
 * and reads what the daemon asked for ({@link #units}) and told systemd ({@link #notifier}).
 */
final class DaemonHarness {
    static final String FABRICS = "etc/nvme/nvme-fabrics.conf";
    static final String VOL = "nqn.2014-08.org.nvmexpress:main-vol";
    static final String VERSION = "0.1.0-test";
    static final String CONNECTOR = "builtin";
    /** CLOCK_REALTIME at virtual time zero: the wall clock follows the virtual one. */
    static final Instant WALL_ZERO = Instant.parse("2026-03-01T12:00:00Z");

    final TestLoop test;
    final HostTree host;
    final RecordingUnitManager units = new RecordingUnitManager();
    final ScriptedFabric fabric = new ScriptedFabric();
    final RecordingNotifier notifier;
    final OffLoop.FakeHostResolver resolver;
    final FakeBrowsers browsers = new FakeBrowsers();
    final Daemon daemon;
    private long seqnum = 1000;

    DaemonHarness(Path root) {
        this(root, new TestLoop(), Optional.empty(), RetryPolicyTest.fixed(0.5));
    }

    /** A second daemon over the same host, e.g. after the first was killed; shares the unit manager's view. */
    DaemonHarness(Path root, TestLoop test, Optional<Duration> watchdog, RandomGenerator random) {
        this.test = test;
        this.host = new HostTree(root).runtimeLayout();
        this.notifier = new RecordingNotifier(test.clock, watchdog);
        this.resolver = new OffLoop.FakeHostResolver(test.loop);
        EventLoop loop = test.loop;
        Sysfs sysfs = OffLoop.sysfs(loop, new SysfsReader(root));
        Optional<String> hostnqn = Optional.of(HostTree.HOSTNQN);
        Wiring wiring = new Wiring(loop, test.workers, units, notifier,
                new InputReader(root, root.resolve("etc/nvme/nvme-discoverd.conf"), false, root.resolve(FABRICS)),
                new HostSurvey(root, sysfs, new Registry(root), new ExclusionLists(root), hostnqn),
                OffLoop.owners(loop, OwnerStore.of(new Registry(root))),
                OffLoop.exclusions(loop, ExclusionSource.of(new ExclusionLists(root))),
                new ControllerSettler(sysfs, duration -> { }, 1, Duration.ZERO), root,
                new Identity(new ConnectionIdentityMatcher(hostnqn)), resolver, fabric, fabric, browsers,
                random);
        this.daemon = new Daemon(wiring, new DaemonInfo(VERSION, CONNECTOR, this::wallNow),
                List.of(new Shutdown.Adapter("unit manager", units)),
                new Shutdown(this::awaitClosed));
        test.handler(daemon::handle);
    }

    /** CLOCK_REALTIME now, in virtual time. */
    Instant wallNow() {
        return WALL_ZERO.plusNanos(test.clock.nowNanos());
    }

    /** CLOCK_REALTIME µs of virtual time {@code nanos}, as the status interface shows it. */
    static long wallMicros(long nanos) {
        return WALL_ZERO.getEpochSecond() * 1_000_000L + nanos / 1_000;
    }

    /** The status interface, as the varlink server gets it. */
    DaemonControl control() {
        return daemon.control();
    }

    /**
     * The shutdown's wait in virtual time: when the unit manager was told to hang, the budget passes
     * on the clock and the wait gives up; otherwise it waits for the closing thread, which ends.
     */
    private boolean awaitClosed(CountDownLatch done, Duration budget) throws InterruptedException {
        if (units.hangs()) {
            test.clock.advance(budget);
            return done.getCount() == 0;
        }
        done.await();
        return true;
    }

    /** Writes the fabrics configuration. */
    DaemonHarness fabrics(String text) {
        host.write(FABRICS, text);
        return this;
    }

    /** Starts the daemon (nbft off unless the test put a table there) and runs until it is idle. */
    DaemonHarness start() {
        return start(DaemonConfig.DEFAULTS);
    }

    /** Starts the daemon with {@code config} as the main thread would have read it. */
    DaemonHarness start(DaemonConfig config) {
        daemon.begin(config);
        test.runPending();
        return this;
    }

    /** A {@code [Subsystem]} of {@link #VOL} with one controller line per address. */
    static String subsystem(String... traddrs) {
        StringBuilder text = new StringBuilder("[Subsystem]\nnqn = " + VOL + "\n");
        for (String traddr : traddrs) {
            text.append("controller = transport=tcp;traddr=").append(traddr).append('\n');
        }
        return text.toString();
    }

    static UnitName unit(String traddr) {
        return IoControllers.tid(traddr).unitName();
    }

    /** systemd ends the outstanding job of the unit for {@code traddr}. */
    void jobDone(String traddr, String result) {
        post(new UnitEvent.JobDone(unit(traddr), result));
    }

    void post(UnitEvent event) {
        if (event instanceof UnitEvent.JobDone done) {
            units.answered(done.unit());
        } else if (event instanceof UnitEvent.CallFailed failed) {
            units.answered(failed.unit());
        } else if (event instanceof UnitEvent.UnitState state) {
            units.answered(state.unit());
        }
        test.loop.post(new LoopEvent.FromUnits(event));
        test.runPending();
    }

    /** The kernel made {@code device} for the controller at {@code traddr}, connected by its unit. */
    void connectedAs(String device, String traddr) {
        host.controller(device, "tcp", "traddr=" + traddr + ",trsvcid=4420,src_addr=10.0.0.100", VOL, "io");
        host.stateUnit(device, unit(traddr), Instant.parse("2026-01-01T00:00:00Z"));
        host.owner(device, "discoverd");
        host.registryWritten(device, Instant.parse("2025-12-31T23:59:59Z"));
    }

    /** The unit of {@code traddr} connects: its device appears, its {@code add} uevent comes, its job ends well. */
    void connects(String device, String traddr) {
        connectedAs(device, traddr);
        added(device);
        jobDone(traddr, "done");
    }

    /** The kernel made {@code device} for {@code tid} in {@code role}, connected by its unit. */
    void connectedAs(String device, TransportId tid, Role role) {
        host.controller(device, tid.transport(), "traddr=" + tid.traddr() + (tid.trsvcid() == null ? ""
                : ",trsvcid=" + tid.trsvcid()) + (tid.hostTraddr() == null ? "" : ",host_traddr=" + tid.hostTraddr())
                + (tid.hostIface() == null ? "" : ",host_iface=" + tid.hostIface()),
                tid.nqn(), role == Role.DC ? "discovery" : "io");
        host.stateUnit(device, tid.unitName(), Instant.parse("2026-01-01T00:00:00Z"));
        host.owner(device, "discoverd");
        host.registryWritten(device, Instant.parse("2025-12-31T23:59:59Z"));
    }

    /** The unit of {@code tid} connects: its device appears, its {@code add} uevent comes, its job ends well. */
    void connects(String device, TransportId tid, Role role) {
        connectedAs(device, tid, role);
        added(device);
        jobDone(tid.unitName(), "done");
    }

    void jobDone(UnitName unit, String result) {
        post(new UnitEvent.JobDone(unit, result));
    }

    /** A discovery log change notice ({@code NVME_AEN=0x70f002}) from {@code device}. */
    void logChanged(String device) {
        kernel(new KernelEvent.DiscoveryLogChanged(new DeviceName(device), KernelEvent.Trigger.LOG_PAGE_CHANGED_NOTICE,
                ++seqnum));
    }

    /** systemd answers the daemon's listing: the units of {@code traddrs}, each active (connected). */
    void listed(String... traddrs) {
        post(new UnitEvent.UnitsListed(java.util.Arrays.stream(traddrs)
                .map(t -> new ListedUnit(unit(t), "active", "exited", false)).toList()));
    }

    /** A call as {@link RecordingUnitManager#calls()} lists it: {@code start UNIT}. */
    static String call(String verb, String traddr) {
        return verb + " " + unit(traddr).value();
    }

    /** An {@code add} uevent for {@code device}, as the kernel sends it once the device exists. */
    void added(String device) {
        kernel(new KernelEvent.ControllerAdded(new DeviceName(device), ++seqnum));
    }

    /** The device disappears from sysfs and the runtime state, then its {@code remove} uevent. */
    void removed(String device) {
        delete(host.root().resolve("sys/class/nvme").resolve(device));
        delete(host.root().resolve("dev").resolve(device));
        delete(host.root().resolve("run/nvme/discoverd/controllers").resolve(device));
        delete(host.root().resolve("run/nvme/registry").resolve(device));
        kernel(new KernelEvent.ControllerRemoved(new DeviceName(device), ++seqnum));
    }

    /** Only the {@code remove} uevent of {@code device}: the test changed the host itself. */
    void removedEvent(String device) {
        kernel(new KernelEvent.ControllerRemoved(new DeviceName(device), ++seqnum));
    }

    /** The device disappears and its {@code remove} uevent is lost (an overflow). */
    void removedSilently(String device) {
        delete(host.root().resolve("sys/class/nvme").resolve(device));
        delete(host.root().resolve("dev").resolve(device));
        delete(host.root().resolve("run/nvme/discoverd/controllers").resolve(device));
    }

    void kernel(KernelEvent event) {
        test.loop.post(new LoopEvent.FromKernel(event));
        test.runPending();
    }

    /** The current browser reports {@code event} (from its own thread, in production), and the loop runs. */
    void browse(org.nvmexpress.discoverd.mdns.BrowseEvent event) {
        browsers.current().report(event);
        test.runPending();
    }

    String status() {
        return daemon.statusText();
    }

    /** {@code rm -rf} of {@code relative} under the root, behind the daemon's back. */
    void wipe(String relative) {
        delete(host.root().resolve(relative));
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
