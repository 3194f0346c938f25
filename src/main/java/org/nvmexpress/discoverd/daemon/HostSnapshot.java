package org.nvmexpress.discoverd.daemon;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.IdentityMatch;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * What the host looked like at one moment, everything the decisions need and nothing they must
 * read themselves: the controllers in sysfs, the registry owner of each, the runtime state, and
 * the exclusion lists. Read by {@link HostSurvey} off the loop; then the decisions
 * ({@link ConnectGate}, {@link Reconciler}) are pure functions of it and the desired set.
 *
 * <p>Which live controller is a candidate's is the connection-identity matcher's answer, never a
 * comparison of canonical strings (reference §15 items 10, 11): {@link #liveFor}.
 *
 * <p>Immutable (the exclusion view is as immutable as the caller made it).
 */
public final class HostSnapshot {
    private static final OwnerReading NO_OWNER = new OwnerReading.None();

    private final LiveControllers live;
    private final Map<DeviceName, OwnerReading> owners;
    private final Map<DeviceName, Instant> registryWritten;
    private final RuntimeState runtime;
    private final ExclusionView exclusions;
    private final List<Diagnostic> diagnostics;

    /**
     * @param live            the controllers of {@code /sys/class/nvme}, in instance order
     * @param owners          the registry owner of live devices; a device without an entry, or
     *                        with a stale one, is absent (no owner)
     * @param registryWritten when the registry entry of each device was last written
     * @param runtime         the runtime state
     * @param exclusions      the exclusion lists
     * @param matcher         the identity matcher, with the host's default host NQN
     * @param diagnostics     what could not be read while surveying, for the log
     */
    public HostSnapshot(List<LiveController> live, Map<DeviceName, OwnerReading> owners,
            Map<DeviceName, Instant> registryWritten, RuntimeState runtime, ExclusionView exclusions,
            ConnectionIdentityMatcher matcher, List<Diagnostic> diagnostics) {
        this.live = new LiveControllers(Objects.requireNonNull(matcher, "matcher"), live);
        this.owners = Collections.unmodifiableMap(new LinkedHashMap<>(owners));
        this.registryWritten = Collections.unmodifiableMap(new LinkedHashMap<>(registryWritten));
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.exclusions = Objects.requireNonNull(exclusions, "exclusions");
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** A host with these controllers and nothing else: no owners, no runtime state, no exclusions. */
    public static HostSnapshot of(List<LiveController> live, ConnectionIdentityMatcher matcher) {
        return new HostSnapshot(live, Map.of(), Map.of(), RuntimeState.EMPTY, ExclusionView.NONE, matcher, List.of());
    }

    /** Every controller read, in instance order, those being deleted included. */
    public List<LiveController> live() {
        return live.all();
    }

    /**
     * The live controller that realises {@code candidate}: the first, in instance order, that the
     * identity matcher says is a connection to {@link Candidate#identity()}; controllers being
     * deleted never are.
     */
    public Optional<LiveController> liveFor(Candidate candidate) {
        return live.find(candidate.identity(), candidate.role());
    }

    /** The live controller called {@code device}, unless it is being deleted. */
    public Optional<LiveController> liveDevice(DeviceName device) {
        return live.device(device);
    }

    /** Whether {@code controller} realises {@code candidate}, and if not the first field that differs. */
    public IdentityMatch identity(Candidate candidate, LiveController controller) {
        return live.match(candidate.identity(), candidate.role(), controller);
    }

    /** The registry's answer for {@code device}; {@link OwnerReading.None} when it has no live entry. */
    public OwnerReading ownerOf(DeviceName device) {
        return owners.getOrDefault(device, NO_OWNER);
    }

    /** When the registry entry of {@code device} was last written, when it has a live entry. */
    public Optional<Instant> registryWritten(DeviceName device) {
        return Optional.ofNullable(registryWritten.get(device));
    }

    public RuntimeState runtime() {
        return runtime;
    }

    public ExclusionView exclusions() {
        return exclusions;
    }

    /** What could not be read (sysfs, registry, runtime state), each naming the path. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
