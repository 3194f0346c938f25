package org.nvmexpress.discoverd.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.kernel.Sleeper;
import org.nvmexpress.discoverd.kernel.fc.FcKickstart;
import org.nvmexpress.discoverd.mdns.ServiceBrowsers;
import org.nvmexpress.discoverd.kernel.sysfs.Sysfs;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.systemd.Notifier;
import org.nvmexpress.discoverd.systemd.UnitManager;

/**
 * What {@code nvme-discoverd}'s main hands the {@link Daemon}: the adapters it built, and where
 * everything is. Every path is under {@link #root()} ({@code --root}), except the two
 * configuration files, which the command line may name elsewhere.
 *
 * @param root               the system root: {@code /etc}, {@code /run}, {@code /sys} under it
 * @param daemonFile         {@code nvme-discoverd.conf}
 * @param daemonFileExplicit whether {@code --config} named it (its absence is then worth a warning)
 * @param fabricsFile        the main fabrics file; drop-ins in {@code fabricsFile.d/}
 * @param units              the unit manager, posting to the loop
 * @param notifier           sd_notify (or nothing, when started by hand)
 * @param sysfs              the controllers
 * @param registry           the ownership registry
 * @param exclusions         the exclusion lists
 * @param resolver           host names
 * @param systemHostnqn      {@code /etc/nvme/hostnqn}, read once at start-up
 * @param discoveryLogs      discovery log pages, read through a controller's device (blocking)
 * @param fcKickstart        the FC transport's request to announce its discovery controllers
 * @param browsers           the DNS-SD browser of a {@code zeroconf} setting (opened on a worker)
 * @param sleeper            how a settling controller is waited for (on a worker)
 * @param random             the backoff's jitter
 * @param adapters           everything to close at the end, in start order (the uevent monitors,
 *                           the unit manager); each only stops its own work
 */
public record DaemonPorts(Path root, Path daemonFile, boolean daemonFileExplicit, Path fabricsFile, UnitManager units,
        Notifier notifier, Sysfs sysfs, Registry registry, ExclusionLists exclusions, HostResolver resolver,
        Optional<String> systemHostnqn, DiscoveryLogSource discoveryLogs, FcKickstart fcKickstart, ServiceBrowsers browsers,
        Sleeper sleeper, RandomGenerator random, List<Closing> adapters) {

    public DaemonPorts {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(daemonFile, "daemonFile");
        Objects.requireNonNull(fabricsFile, "fabricsFile");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(sysfs, "sysfs");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(exclusions, "exclusions");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(systemHostnqn, "systemHostnqn");
        Objects.requireNonNull(discoveryLogs, "discoveryLogs");
        Objects.requireNonNull(fcKickstart, "fcKickstart");
        Objects.requireNonNull(browsers, "browsers");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        adapters = List.copyOf(adapters);
    }

    /** An adapter to close at shutdown, named for the log. */
    public record Closing(String name, AutoCloseable adapter) {
        public Closing {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(adapter, "adapter");
        }
    }
}
