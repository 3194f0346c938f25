package org.nvmexpress.discoverd.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.systemd.ListedUnit;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The audit's answer to a runtime-state directory removed while the daemon runs
 * ({@code rm -rf /run/nvme/discoverd}, reference §9): systemd made it at start-up and never again,
 * the units' scripts only add to it, so without this every {@code ExecStop} would find no device to
 * disconnect and the next daemon nothing to adopt from.
 *
 * <ol>
 * <li>The audit's reading finds {@code units/} or {@code controllers/} missing: logged once at
 *     WARN, and the directories are made again at once, so connects under way can write their
 *     devid files.</li>
 * <li>With systemd's list: for each tracked controller that is connected, linked to a device the
 *     survey shows realising it, and whose unit systemd lists {@code active}, its
 *     {@code controllers/<dev>/unit} and {@code units/<stem>.devid} are written
 *     ({@link RuntimeStateWriter}), each logged at INFO. A failure is logged and tried again at the
 *     next audit.</li>
 * </ol>
 *
 * <p>Units systemd lists that the daemon does not track are not written: nothing ties them to a
 * device any more. A unit that stops between the listing and the write leaves a file naming it;
 * the next daemon's adoption checks every file against sysfs before it believes it.
 *
 * <p>Loop-confined.
 */
final class RuntimeStateRepair {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeStateRepair.class);

    private final EventLoop loop;
    private final ControllerTracker tracker;
    private final Identity identity;
    private final Workers workers;
    private final Path root;
    private final ControllerLog log = new ControllerLog(LOG);
    /** The loss was found and logged; it stays so until a rebuild succeeded, so it is logged once. */
    private boolean lost;

    RuntimeStateRepair(EventLoop loop, ControllerTracker tracker, Identity identity, Workers workers, Path root) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The audit read the layout: {@code intact} or not. */
    void layoutRead(boolean intact) {
        assert loop.inLoop();
        if (intact) {
            return;
        }
        if (!lost) {
            lost = true;
            LOG.warn("{} lost its layout while the daemon runs (removed?); making it again and rebuilding it from"
                    + " systemd's units and sysfs", directory());
        }
        submit(false, List.of());
    }

    /** systemd's list came in, with the survey it goes with: rebuilds the state if it was lost. */
    void unitsListed(List<ListedUnit> listed, HostSnapshot host, Set<DeviceName> touched) {
        assert loop.inLoop();
        if (!lost) {
            return;
        }
        Map<UnitName, ListedUnit> byUnit = new HashMap<>();
        listed.forEach(u -> byUnit.put(u.unit(), u));
        List<RuntimeStateWriter.Entry> entries = new ArrayList<>();
        for (TrackedController c : tracker.all()) {
            ListedUnit unit = byUnit.get(c.unit());
            Optional<DeviceName> device = c.device().filter(d -> !touched.contains(d));
            Optional<LiveController> live = device.flatMap(host::liveDevice);
            if (c.state() == ControllerState.CONNECTED && unit != null && "active".equals(unit.activeState())
                    && live.isPresent() && identity.realises(c.candidate(), live.get())) {
                entries.add(new RuntimeStateWriter.Entry(device.get(), c.unit()));
            }
        }
        submit(true, entries);
    }

    private void submit(boolean full, List<RuntimeStateWriter.Entry> entries) {
        workers.submit("rebuild the runtime state", () -> RuntimeStateWriter.rebuild(root, entries),
                outcome -> new AuditDone.StateRebuilt(full, entries, outcome));
    }

    void rebuilt(AuditDone.StateRebuilt result) {
        assert loop.inLoop();
        if (result.outcome() instanceof Outcome.Failure<Integer> failure) {
            LOG.error("cannot rebuild {}: {}; trying again at the next audit", directory(), failure.reason());
            return;
        }
        if (!result.full()) {
            LOG.debug("{}: its directories are made again", directory());
            return;
        }
        for (RuntimeStateWriter.Entry entry : result.entries()) {
            tracker.get(entry.unit()).ifPresent(c -> log.log(Level.INFO, c.candidate(), entry.device(),
                    "runtime state rebuilt: controllers/" + entry.device() + "/unit, units/"
                            + entry.unit().devidFileName()));
        }
        LOG.info("{} rebuilt for {} connection{}", directory(), result.entries().size(),
                result.entries().size() == 1 ? "" : "s");
        lost = false;
    }

    private Path directory() {
        return root.resolve(RuntimeStateReader.DIRECTORY);
    }
}
