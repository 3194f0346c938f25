package org.nvmexpress.discoverd.daemon;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsTid;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.RegistryEntry;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The audit's repairs of the ownership registry (reference §10), in both directions:
 *
 * <ul>
 * <li><b>An owner missing.</b> A tracked controller that is connected and live (its linked device,
 *     or the live controller the identity matcher finds for it) whose entry or {@code owner} is
 *     gone gets its owner again: {@code nbft} for a boot controller, {@code discoverd} otherwise, as
 *     at adoption ({@link ConnectGate#ownerToRecord}). Without it {@code nvme disconnect-all} would
 *     take the controller for unowned and disconnect it.</li>
 * <li><b>A stale entry of ours</b> (owner {@code discoverd} or {@code nbft}) is removed when its
 *     device is not in sysfs any more (the udev rule did not run, or is not installed), or when the
 *     instance number now carries a controller that no tracked controller is realised by and whose
 *     {@code add} uevent came after the entry's {@code seqnum} stamp: the entry was written for the
 *     number's previous holder, and another orchestrator's controller must not pass for ours
 *     (§10.5, the udev rule keeps such an entry when {@code /dev/nvmeN} exists again). Without a
 *     stamp, or without having seen the add, nothing proves it, and the entry stays.</li>
 * </ul>
 *
 * <p>Entries of other owners, and devices a uevent changed since the audit's survey started, are
 * left alone. Every write runs on a worker; each repair is logged once, at INFO, when it is done.
 *
 * <p>Loop-confined.
 */
final class RegistryDrift {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryDrift.class);

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Identity identity;
    private final Workers workers;
    private final OwnerStore owners;
    private final ControllerLog log = new ControllerLog(LOG);
    /** The seqnum of the newest {@code add} uevent per device seen since start; dropped on its removal. */
    private final Map<DeviceName, Long> addedAt = new HashMap<>();

    RegistryDrift(EventLoop loop, ControllerTracker tracker, Identity identity, Workers workers, OwnerStore owners) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    /** Notes when each device's current controller appeared, for the recycled-number check. */
    void noteKernel(KernelEvent event) {
        assert loop.inLoop();
        if (event instanceof KernelEvent.ControllerAdded added) {
            addedAt.put(added.device(), added.seqnum());
        } else if (event instanceof KernelEvent.ControllerRemoved removed) {
            addedAt.remove(removed.device());
        }
    }

    /**
     * Before the audit replays its survey: the tracked controller each registry entry's device was
     * linked to (or, failing that, the unit its runtime-state file names), to say in the log whose
     * entry a removal is.
     */
    Map<DeviceName, UnitName> formerControllers(AuditReading reading) {
        assert loop.inLoop();
        Map<DeviceName, UnitName> former = new HashMap<>();
        for (RegistryEntry entry : reading.registry()) {
            DeviceName device = entry.device();
            tracker.byDevice(device).map(TrackedController::unit)
                    .or(() -> reading.host().runtime().unitOf(device).filter(tracker::contains))
                    .ifPresent(unit -> former.put(device, unit));
        }
        return former;
    }

    /**
     * Compares the registry with the survey and the tracker; repairs what drifted.
     *
     * @param touched        the devices a uevent changed since the survey started: left alone
     * @param startedAtNanos when the audit started: a controller connected since may have its
     *                       owner's write still under way
     */
    void repair(AuditReading reading, Map<DeviceName, UnitName> former, Set<DeviceName> touched, long startedAtNanos) {
        assert loop.inLoop();
        HostSnapshot host = reading.host();
        Set<DeviceName> inSysfs = host.live().stream().map(LiveController::device).collect(Collectors.toSet());
        for (RegistryEntry entry : reading.registry()) {
            DeviceName device = entry.device();
            if (touched.contains(device) || !isOurs(entry)) {
                continue;
            }
            if (!inSysfs.contains(device)) {
                remove(entry, Optional.ofNullable(former.get(device)), Optional.empty(), "registry entry (owner "
                        + entry.owner().orElseThrow() + ") is stale, its controller is gone; removed");
            } else {
                host.liveDevice(device).ifPresent(live -> recycled(entry, live));
            }
        }
        reassertOwners(host, touched, startedAtNanos);
    }

    private void recycled(RegistryEntry entry, LiveController live) {
        DeviceName device = entry.device();
        Optional<Long> stamp = seqnum(entry);
        Long added = addedAt.get(device);
        if (stamp.isEmpty() || added == null || added <= stamp.get()
                || tracker.realisedBy(live, identity::realises).isPresent()) {
            return;
        }
        remove(entry, Optional.empty(), tidOf(live), "registry entry (owner " + entry.owner().orElseThrow()
                + ", seqnum " + stamp.get() + ") predates this controller (added at seqnum " + added
                + "), which is not one of ours; removed");
    }

    private void reassertOwners(HostSnapshot host, Set<DeviceName> touched, long startedAtNanos) {
        for (TrackedController c : tracker.all()) {
            if (c.state() != ControllerState.CONNECTED || c.pending != TrackedController.Pending.NONE
                    || c.connectedAtNanos - startedAtNanos > 0) {
                continue;
            }
            Optional<LiveController> live = c.device().flatMap(host::liveDevice)
                    .filter(l -> identity.realises(c.candidate(), l)).or(() -> host.liveFor(c.candidate()));
            if (live.isEmpty() || touched.contains(live.get().device())
                    || !(host.ownerOf(live.get().device()) instanceof OwnerReading.None)) {
                continue;
            }
            DeviceName device = live.get().device();
            String owner = ConnectGate.ownerToRecord(c.candidate(), new OwnerReading.None()).orElseThrow();
            log.log(Level.INFO, c.candidate(), device, "registry owner missing; re-asserting " + owner);
            UnitName unit = c.unit();
            workers.submit("re-assert the owner of " + device, () -> {
                owners.record(device, owner);
                return owner;
            }, outcome -> new WorkDone.OwnerRecorded(unit, device, owner, outcome));
        }
    }

    private void remove(RegistryEntry entry, Optional<UnitName> unit, Optional<TransportId> tid, String why) {
        workers.submit("remove the stale registry entry of " + entry.device(), () -> owners.remove(entry),
                outcome -> new AuditDone.EntryRemoved(entry, unit, tid, why, outcome));
    }

    /** A removal ended: logged now, once, since only now is it known whether the entry went. */
    void removed(AuditDone.EntryRemoved result) {
        assert loop.inLoop();
        if (result.outcome() instanceof Outcome.Failure<Boolean> failure) {
            report(Level.WARN, result, "cannot remove the stale registry entry: " + failure.reason()
                    + "; trying again at the next audit");
        } else if (((Outcome.Success<Boolean>) result.outcome()).value()) {
            report(Level.INFO, result, result.why());
        } else {
            report(Level.DEBUG, result, "registry entry changed or went since the audit read it; left alone");
        }
    }

    private void report(Level level, AuditDone.EntryRemoved result, String what) {
        DeviceName device = result.entry().device();
        Optional<TrackedController> c = result.unit().flatMap(tracker::get);
        if (c.isPresent()) {
            log.log(level, c.get().candidate(), device, what);
        } else if (result.tid().isPresent()) {
            LOG.atLevel(level).log("{} | {} - {}", result.tid().get().compact(), device, what);
        } else {
            LOG.atLevel(level).log("{} - {}", device, what);
        }
    }

    private static boolean isOurs(RegistryEntry entry) {
        return entry.owner().map(owner -> new OwnerReading.Owned(owner).isOurs()).orElse(false);
    }

    private static Optional<Long> seqnum(RegistryEntry entry) {
        String text = entry.attributes().get(AttributeName.SEQNUM);
        if (text == null || !text.matches("[0-9]{1,18}")) {
            return Optional.empty(); // libnvme stamps best effort: no stamp, no claim (reference §10.5)
        }
        return Optional.of(Long.parseLong(text));
    }

    /** The controller's TID for the log; absent when sysfs does not describe one (then the device alone). */
    private static Optional<TransportId> tidOf(LiveController live) {
        try {
            return Optional.of(SysfsTid.fromSysfs(live));
        } catch (InvalidTransportIdException e) {
            LOG.debug("{}: no TID for the log: {}", live.device(), e.getMessage());
            return Optional.empty();
        }
    }
}
