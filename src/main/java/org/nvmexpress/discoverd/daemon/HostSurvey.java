package org.nvmexpress.discoverd.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.exclusion.ExclusionSnapshot;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerReading;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.kernel.sysfs.Sysfs;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsException;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryEntry;
import org.nvmexpress.discoverd.registry.RegistryException;

/**
 * Reads a {@link HostSnapshot}: one listing of sysfs and one read per controller, one listing of
 * the registry, one of each runtime-state directory. Blocking file I/O: run it on a worker and post
 * the snapshot to the loop. Never throws for the host's sake:
 *
 * <ul>
 * <li>sysfs cannot be listed: no live controllers, and a diagnostic (nothing is adopted, so a
 *     desired controller is started, and its connector's idempotent connect finds it);</li>
 * <li>the registry cannot be read: every live device's owner is
 *     {@link OwnerReading.Unreadable} (the gate fails closed and the loop tries again);</li>
 * <li>a registry entry whose {@code /dev} node is gone is stale and counts as no owner
 *     ({@link Registry#list()} leaves it out, reference §10.6).</li>
 * </ul>
 *
 * <p>The exclusion lists are read once, as an {@link ExclusionSnapshot}: the gate then matches
 * without I/O (fail-open: what could not be read excludes nothing and is a diagnostic).
 */
public final class HostSurvey {
    private final Path root;
    private final Sysfs sysfs;
    private final Registry registry;
    private final ExclusionLists exclusions;
    private final ConnectionIdentityMatcher matcher;

    /**
     * @param root          the system root, for the runtime state
     * @param sysfs         the controllers
     * @param registry      the ownership registry
     * @param exclusions    the exclusion lists
     * @param systemHostnqn {@code /etc/nvme/hostnqn}, read once at start-up; empty when none
     */
    public HostSurvey(Path root, Sysfs sysfs, Registry registry, ExclusionLists exclusions,
            Optional<String> systemHostnqn) {
        this.root = Objects.requireNonNull(root, "root");
        this.sysfs = Objects.requireNonNull(sysfs, "sysfs");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.exclusions = Objects.requireNonNull(exclusions, "exclusions");
        this.matcher = new ConnectionIdentityMatcher(systemHostnqn);
    }

    public HostSnapshot read() {
        return read(exclusions.snapshot());
    }

    /** {@link #read()} with the exclusion lists as {@code lists} already read them (the loop keeps one snapshot). */
    HostSnapshot read(ExclusionSnapshot lists) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<LiveController> live = controllers(diagnostics);
        Map<DeviceName, OwnerReading> owners = new LinkedHashMap<>();
        Map<DeviceName, Instant> written = new LinkedHashMap<>();
        readRegistry(live, owners, written, diagnostics);
        RuntimeState runtime = RuntimeStateReader.read(root);
        diagnostics.addAll(runtime.diagnostics());
        diagnostics.addAll(lists.skipped());
        return new HostSnapshot(live, owners, written, runtime, lists::match, matcher, diagnostics);
    }

    private List<LiveController> controllers(List<Diagnostic> diagnostics) {
        List<DeviceName> devices;
        try {
            devices = sysfs.controllers();
        } catch (SysfsException e) {
            diagnostics.add(Diagnostic.warning(e.path().toString(), 0, e.getMessage() + "; no live controllers seen"));
            return List.of();
        }
        List<LiveController> live = new ArrayList<>(devices.size());
        for (DeviceName device : devices) {
            if (sysfs.controller(device) instanceof ControllerReading.Found found) {
                live.add(found.controller());
                found.problems().forEach(p -> diagnostics.add(Diagnostic.warning(device.value(), 0, p.toString())));
            }
        }
        return live;
    }

    private void readRegistry(List<LiveController> live, Map<DeviceName, OwnerReading> owners,
            Map<DeviceName, Instant> written, List<Diagnostic> diagnostics) {
        if (live.isEmpty()) {
            return; // nothing to own: do not even look
        }
        Map<DeviceName, RegistryEntry> entries = new LinkedHashMap<>();
        try {
            registry.list().forEach(e -> entries.put(e.device(), e));
        } catch (RegistryException e) {
            diagnostics.add(Diagnostic.warning(registry.directory().toString(), 0, e.getMessage()));
            live.forEach(c -> owners.put(c.device(), new OwnerReading.Unreadable(e.getMessage())));
            return;
        }
        for (LiveController c : live) {
            RegistryEntry entry = entries.get(c.device());
            if (entry == null) {
                continue;
            }
            entry.owner().ifPresent(owner -> owners.put(c.device(), new OwnerReading.Owned(owner)));
            modified(registry.directory().resolve(c.device().value())).ifPresent(t -> written.put(c.device(), t));
        }
    }

    private static Optional<Instant> modified(Path path) {
        try {
            return Optional.of(Files.getLastModifiedTime(path).toInstant());
        } catch (IOException e) {
            return Optional.empty(); // replaced or removed since the listing: no time, no recycling claim
        }
    }
}
