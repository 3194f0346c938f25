package org.nvmexpress.discoverd.daemon;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.systemd.ListedUnit;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.nvmexpress.discoverd.systemd.UnitManager;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic audit ({@code audit-interval-minutes}, issue 12 "lost events and drift"): what the
 * daemon tracks compared with what the host says, and the drift repaired in both directions. Each
 * audit asks for two answers at once, both off the loop:
 *
 * <ul>
 * <li>an {@link AuditReading} from a worker: every registry entry, then the host survey, then the
 *     runtime-state layout. When it comes, the survey is replayed as appearances and removals the
 *     uevents missed ({@link DeviceEvents#replay}), then the registry is repaired
 *     ({@link RegistryDrift}) and a lost runtime-state layout made again
 *     ({@link RuntimeStateRepair});</li>
 * <li>systemd's list of our units ({@link UnitManager#listUnits}, answered by
 *     {@link UnitEvent.UnitsListed} or {@link UnitEvent.ListFailed} through the loop). When it and
 *     the reading are both in, the units are compared ({@link UnitDrift}) and the lost runtime state
 *     rebuilt from them.</li>
 * </ul>
 *
 * <p>A failed read or listing is logged and waits for the next audit: the audit arms no timer of
 * its own, so an idle daemon wakes up once per interval and for nothing else. An audit whose
 * reading is still under way when the next is due is not doubled; a listing still unanswered (the
 * bus is away, and the unit manager holds the question) is not asked again, and its answer serves
 * the audit then under way.
 *
 * <p>Loop-confined.
 */
final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private final EventLoop loop;
    private final Workers workers;
    private final UnitManager units;
    private final HostSurvey survey;
    private final OwnerStore owners;
    private final Path root;
    private final DeviceEvents devices;
    private final RegistryDrift registry;
    private final UnitDrift unitDrift;
    private final RuntimeStateRepair state;
    /** Audits so far, for the log. */
    private long round;
    private long startedAtNanos;
    /** A reading was asked for and has not come back. */
    private boolean reading;
    /** {@code listUnits} was asked and not answered. */
    private boolean listing;
    /** This audit's reading, kept until the units are compared with it; null before it came. */
    private AuditReading latest;
    /** Devices a uevent changed between the survey's start and the reading's arrival. */
    private Set<DeviceName> latestTouched = Set.of();
    /** systemd's answer, kept until the reading is in; null before it came. */
    private List<ListedUnit> listed;

    Audit(EventLoop loop, Wiring ports, ControllerTracker tracker, DeviceEvents devices, Attempts attempts) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.workers = ports.workers();
        this.units = ports.units();
        this.survey = ports.survey();
        this.owners = ports.owners();
        this.root = ports.root();
        this.devices = Objects.requireNonNull(devices, "devices");
        this.registry = new RegistryDrift(loop, tracker, ports.identity(), workers, owners);
        this.unitDrift = new UnitDrift(loop, tracker, attempts);
        this.state = new RuntimeStateRepair(loop, tracker, ports.identity(), workers, root);
    }

    /** The audit's timer fired: asks for the reading and systemd's list. */
    void due() {
        assert loop.inLoop();
        if (reading) {
            LOG.debug("audit: the last one is still reading the host; this one is skipped");
            return;
        }
        round++;
        reading = true;
        latest = null;
        startedAtNanos = loop.nowNanos();
        devices.surveyStarted();
        LOG.debug("audit {}: reading the host{}", round, listing ? "; systemd's list is still awaited" : " and asking"
                + " systemd for our units");
        workers.submit("audit the host", () -> AuditReading.read(owners, survey, root), AuditDone.Read::new);
        if (!listing) {
            listing = true;
            listed = null;
            units.listUnits();
        }
    }

    /** Seen before the device events act on it: when each device's controller appeared. */
    void noteKernel(KernelEvent event) {
        registry.noteKernel(event);
    }

    void on(AuditDone done) {
        assert loop.inLoop();
        if (done instanceof AuditDone.Read read) {
            read(read);
        } else if (done instanceof AuditDone.EntryRemoved removed) {
            registry.removed(removed);
        } else if (done instanceof AuditDone.StateRebuilt rebuilt) {
            state.rebuilt(rebuilt);
        }
    }

    private void read(AuditDone.Read result) {
        reading = false;
        if (result.outcome() instanceof Outcome.Failure<AuditReading> failure) {
            LOG.warn("audit: cannot read the host: {}; waiting for the next audit", failure.reason());
            return;
        }
        AuditReading value = ((Outcome.Success<AuditReading>) result.outcome()).value();
        Set<DeviceName> touched = devices.touched();
        Map<DeviceName, UnitName> former = registry.formerControllers(value);
        devices.replay(value.host());
        registry.repair(value, former, touched, startedAtNanos);
        state.layoutRead(value.runtimeLayout());
        latest = value;
        latestTouched = touched;
        compareUnits();
    }

    /**
     * systemd's answer to a listing: true when it was the audit's (the event is then used up),
     * false for every other unit event.
     */
    boolean listed(UnitEvent event) {
        assert loop.inLoop();
        if (!listing || !(event instanceof UnitEvent.UnitsListed || event instanceof UnitEvent.ListFailed)) {
            return false;
        }
        listing = false;
        if (event instanceof UnitEvent.ListFailed failed) {
            LOG.warn("audit: cannot list the connection units: {}: {}; waiting for the next audit",
                    failed.errorName(), failed.message());
            return true;
        }
        listed = ((UnitEvent.UnitsListed) event).units();
        compareUnits();
        return true;
    }

    private void compareUnits() {
        if (latest == null || listed == null) {
            return;
        }
        Set<DeviceName> touched = new HashSet<>(latestTouched);
        touched.addAll(devices.touched());
        unitDrift.compare(listed, latest.host(), touched, startedAtNanos);
        state.unitsListed(listed, latest.host(), touched);
        latest = null;
        listed = null;
    }
}
