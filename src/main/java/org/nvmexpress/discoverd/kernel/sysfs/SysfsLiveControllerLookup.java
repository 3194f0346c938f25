package org.nvmexpress.discoverd.kernel.sysfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The connector's "is this connection already up?" answered by the daemon's own
 * {@link ConnectionIdentityMatcher} over {@link Sysfs}, so that {@code nvme-discoverctl connect
 * --idempotent} and the daemon agree on what "the same connection" is: addresses compared as
 * addresses, {@code src_addr} not taken for a pinned host address, the system's default host NQN
 * standing for an unset one (reference §15 items 10-11, 31).
 *
 * <p>A controller being deleted or dead is not live. A TID without {@code trsvcid} is compared with
 * the port the kernel itself picks then: 8009 for tcp (its {@code NVME_TCP_DISC_PORT}), 4420 for
 * rdma — which is the default of the {@link Role#DC} and {@link Role#IOC} roles respectively.
 */
public final class SysfsLiveControllerLookup implements LiveControllerLookup {
    private static final Set<String> NOT_LIVE = Set.of("deleting", "deleting (no IO)", "dead");

    private final Sysfs sysfs;
    private final ConnectionIdentityMatcher matcher;

    public SysfsLiveControllerLookup(Sysfs sysfs, ConnectionIdentityMatcher matcher) {
        this.sysfs = Objects.requireNonNull(sysfs, "sysfs");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /** The lookup of the system under {@code root}: its sysfs and its {@code /etc/nvme/hostnqn}. */
    public static SysfsLiveControllerLookup under(Path root) throws IOException {
        return new SysfsLiveControllerLookup(new SysfsReader(root), new ConnectionIdentityMatcher(HostNqnFile.read(root)));
    }

    @Override
    public Optional<DeviceName> find(TransportId tid, ConnectIdentity identity) throws IOException {
        TransportId desired = tid.hostnqn() == null && identity.hostnqn().isPresent()
                ? tid.toBuilder().hostnqn(identity.hostnqn().get()).build()
                : tid;
        Role role = "tcp".equals(tid.transport()) && tid.trsvcid() == null ? Role.DC : Role.IOC;
        return matcher.findFirst(desired, role, liveControllers()).map(LiveController::device);
    }

    private List<LiveController> liveControllers() throws IOException {
        List<DeviceName> devices;
        try {
            devices = sysfs.controllers();
        } catch (SysfsException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<LiveController> live = new ArrayList<>();
        for (DeviceName device : devices) {
            if (sysfs.controller(device) instanceof ControllerReading.Found found
                    && !NOT_LIVE.contains(String.valueOf(found.controller().state()))) {
                live.add(found.controller());
            }
        }
        return live;
    }
}
