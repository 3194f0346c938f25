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

    /** True when a boot table names it: exempt from the exclusion lists, registry owner {@code nbft}. */
    public boolean isBoot() {
        return sources.stream().anyMatch(Source.Boot.class::isInstance);
    }
}
