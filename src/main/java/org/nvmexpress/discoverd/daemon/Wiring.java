package org.nvmexpress.discoverd.daemon;

import java.nio.file.Path;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.kernel.fc.FcKickstart;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerSettler;
import org.nvmexpress.discoverd.mdns.ServiceBrowsers;
import org.nvmexpress.discoverd.systemd.Notifier;
import org.nvmexpress.discoverd.systemd.UnitManager;

/**
 * Every port the daemon's loop uses, as the loop sees them: built from {@link DaemonPorts} in
 * production, from fakes that check their thread in tests. Each blocking one is used from
 * {@link #workers()} only.
 *
 * @param loop       the loop
 * @param workers    where blocking work runs
 * @param units      the unit manager (returns at once; its calls run on its own thread)
 * @param notifier   sd_notify
 * @param reader     the configurations and boot tables (blocking)
 * @param survey     the whole host at once (blocking)
 * @param owners     one device's registry owner (blocking)
 * @param exclusions the exclusion lists for the gate (blocking)
 * @param settler    a new controller's attributes (blocking)
 * @param root       the system root, for one device's runtime-state unit file (read on a worker)
 * @param identity   the identity matcher with the host's default host NQN
 * @param resolver   host names (blocking)
 * @param logs       discovery log pages (blocking)
 * @param kickstart  the FC kickstart (blocking)
 * @param browsers   the DNS-SD browser of a {@code zeroconf} setting (opening it blocks)
 * @param random     the backoff's jitter
 */
record Wiring(EventLoop loop, Workers workers, UnitManager units, Notifier notifier, InputReader reader,
        HostSurvey survey, OwnerStore owners, ExclusionSource exclusions, ControllerSettler settler,
        Path root, Identity identity, HostResolver resolver, DiscoveryLogSource logs, FcKickstart kickstart,
        ServiceBrowsers browsers, RandomGenerator random) {

    Wiring {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(exclusions, "exclusions");
        Objects.requireNonNull(settler, "settler");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(kickstart, "kickstart");
        Objects.requireNonNull(browsers, "browsers");
        Objects.requireNonNull(random, "random");
    }
}
