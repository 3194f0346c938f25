package org.nvmexpress.discoverd.daemon;

import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * One controller the host should have connected: its identity, every source that asks for it, and
 * the unit request that connects it. Immutable; the desired set holds one per unit name.
 *
 * @param request what the unit is built from (TID, role, owner, connect options with secrets kept
 *                apart); the TID and role are the request's
 * @param sources every source naming this controller, in the order they were read (boot tables
 *                first, then the fabrics files); never empty
 */
public record Candidate(UnitRequest request, List<Source> sources) {
    private static final String HOSTNQN_OPTION = "--hostnqn=";

    public Candidate {
        Objects.requireNonNull(request, "request");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one source: " + request.tid().canonical());
        }
    }

    public TransportId tid() {
        return request.tid();
    }

    public Role role() {
        return request.role();
    }

    public UnitName unit() {
        return request.unit();
    }

    /**
     * The TID a live controller is compared with ({@link org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher}):
     * the request's TID with the host NQN the connector will pass when the TID has none. A boot
     * controller's TID leaves its table's host NQN out (it is a connect option, so the unit name stays
     * the C daemon's), yet the kernel tells connections apart by it; without it here a boot path made
     * with the table's host NQN would not be recognised wherever that differs from the system default.
     * The host ID and a boot controller's host interface stay out: the kernel does not tell
     * connections apart by the host ID, and a boot path the initramfs made without pinning the
     * interface is still the boot path.
     */
    public TransportId identity() {
        TransportId tid = request.tid();
        if (tid.hostnqn() != null) {
            return tid;
        }
        return request.options().arguments().stream().filter(a -> a.startsWith(HOSTNQN_OPTION)).findFirst()
                .map(a -> tid.toBuilder().hostnqn(a.substring(HOSTNQN_OPTION.length())).build()).orElse(tid);
    }

    /** This candidate, named by {@code more} sources as well (after its own). */
    public Candidate withMoreSources(List<Source> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Source> all = new java.util.ArrayList<>(sources);
        all.addAll(more);
        return new Candidate(request, all);
    }

    /** True when a configuration file or a boot table names it: retried for ever, never given up. */
    public boolean isStatic() {
        return sources.stream().anyMatch(Source::isStatic);
    }

    /** True when a boot table names it: exempt from the exclusion lists, registry owner {@code nbft}. */
    public boolean isBoot() {
        return sources.stream().anyMatch(Source.Boot.class::isInstance);
    }
}
