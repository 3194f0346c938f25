package org.nvmexpress.discoverd.nbft;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a discovery descriptor (reference §7.2, §7.3): the URI is required, the NQN optional
 * (absent means the well-known discovery NQN), and both links must resolve: a discovery controller
 * without its interface or with a missing security profile cannot be used as the firmware meant.
 */
final class DiscoveryReader implements DescriptorReader<NbftDiscovery> {
    private final TableBytes t;
    private final Map<Integer, NbftHfi> hfis;
    private final Map<Integer, NbftSecurity> profiles;

    /** {@code hfis} and {@code profiles} by their index fields (the first of a repeated index). */
    DiscoveryReader(TableBytes t, Map<Integer, NbftHfi> hfis, Map<Integer, NbftSecurity> profiles) {
        this.t = t;
        this.hfis = Map.copyOf(hfis);
        this.profiles = Map.copyOf(profiles);
    }

    @Override
    public NbftDiscovery read(int off, Consumer<String> note) throws FieldException {
        DescriptorReader.checkValidAndId(t.u8(off + 1), t.u8(off), 6, "0x%02x");
        int index = t.u8(off + 2);
        String uri = t.heapString(off + 6, "URI").orElseThrow(() -> new FieldException("URI is absent"));
        Optional<String> nqn = t.heapString(off + 12, "NQN");
        int hfiIndex = t.u8(off + 3);
        NbftHfi hfi = hfis.get(hfiIndex);
        if (hfi == null) {
            throw new FieldException("HFI " + hfiIndex + " not found");
        }
        return new NbftDiscovery(index, hfi, security(profiles, t.u8(off + 4)), uri, nqn);
    }

    /** The profile a non-zero link names; none for link 0. */
    static Optional<NbftSecurity> security(Map<Integer, NbftSecurity> profiles, int link) throws FieldException {
        if (link == 0) {
            return Optional.empty();
        }
        NbftSecurity profile = profiles.get(link);
        if (profile == null) {
            throw new FieldException("security profile " + link + " not found");
        }
        return Optional.of(profile);
    }
}
