package org.nvmexpress.discoverd.nbft;

import java.util.Objects;
import java.util.Optional;

/**
 * A discovery controller the firmware knew of (reference §7.2), with its links resolved.
 *
 * @param index    the descriptor's own index, which SSNS descriptors link by
 * @param hfi      the interface to reach it through (always resolved: otherwise the descriptor is
 *                 dropped)
 * @param security the security profile, when linked
 * @param uri      the controller's address as a URI, e.g. {@code nvme+tcp://192.168.49.10:8009/},
 *                 as the table has it (not parsed here)
 * @param nqn      the controller's NQN; absent means the well-known discovery NQN
 */
public record NbftDiscovery(int index, NbftHfi hfi, Optional<NbftSecurity> security, String uri,
        Optional<String> nqn) {
    public NbftDiscovery {
        Ranges.u8("index", index);
        Objects.requireNonNull(hfi, "hfi");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(nqn, "nqn");
    }
}
