package org.nvmexpress.discoverd.nbft;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * A subsystem namespace the firmware booted from (an SSNS descriptor, reference §7.2), with its
 * links resolved: one I/O controller to connect per HFI.
 *
 * @param index        the descriptor's own index
 * @param discovery    the primary discovery controller, when linked and found
 * @param security     the security profile, when linked
 * @param hfis         the interfaces to reach it through: the primary first, then the secondary
 *                     ones, each once
 * @param traddr       the subsystem's address
 * @param trsvcid      the subsystem's service ID (TCP port), as the table has it
 * @param portId       the subsystem port ID
 * @param nsid         the namespace ID
 * @param nidType      the namespace ID type (0 none, 1 EUI-64, 2 NGUID, 3 UUID)
 * @param nid          16 bytes of namespace ID
 * @param nqn          the subsystem NQN
 * @param trflags      the transport flags (bit 0 valid, bit 1 PDU header digest, bit 2 data digest)
 * @param flags        the descriptor's flags (see the accessors)
 * @param extendedInfo the extended information, when in use and valid
 */
public record NbftSubsystemNamespace(int index, Optional<NbftDiscovery> discovery, Optional<NbftSecurity> security,
        List<NbftHfi> hfis, NumericAddress traddr, String trsvcid, int portId, long nsid, int nidType, NbftBytes nid,
        String nqn, int trflags, int flags, Optional<NbftSsnsExtendedInfo> extendedInfo) {
    public NbftSubsystemNamespace {
        Ranges.u16("index", index);
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(security, "security");
        hfis = List.copyOf(hfis);
        if (hfis.isEmpty()) {
            throw new IllegalArgumentException("hfis must hold the primary HFI");
        }
        Set<Integer> seen = new HashSet<>();
        for (NbftHfi hfi : hfis) {
            if (!seen.add(hfi.index())) {
                throw new IllegalArgumentException("hfis lists HFI " + hfi.index() + " twice");
            }
        }
        Objects.requireNonNull(traddr, "traddr");
        Objects.requireNonNull(trsvcid, "trsvcid");
        Ranges.u16("portId", portId);
        Ranges.u32("nsid", nsid);
        Ranges.u8("nidType", nidType);
        Ranges.length("nid", Objects.requireNonNull(nid, "nid"), 16);
        Objects.requireNonNull(nqn, "nqn");
        Ranges.u16("trflags", trflags);
        Ranges.u16("flags", flags);
        Objects.requireNonNull(extendedInfo, "extendedInfo");
    }

    /** Always {@code tcp}: other transports are dropped by the parser. */
    public String transport() {
        return NbftHfi.TRANSPORT;
    }

    /** The HFI the firmware used first. */
    public NbftHfi primaryHfi() {
        return hfis.get(0);
    }

    /** Flag bit 1: the firmware did not boot from this namespace. */
    public boolean nonBootable() {
        return (flags & 0x0002) != 0;
    }

    /** Flag bit 6: the namespace was found through a discovery controller, not configured. */
    public boolean discoveredNamespace() {
        return (flags & 0x0040) != 0;
    }

    /** Flag bits 8:7 equal to 0x0100: the firmware could not reach the namespace. */
    public boolean unavailableNamespace() {
        return (flags & 0x0180) == 0x0100;
    }

    /** Transport flag bit 1: PDU header digest required. */
    public boolean pduHeaderDigest() {
        return (trflags & 0x0002) != 0;
    }

    /** Transport flag bit 2: data digest required. */
    public boolean dataDigest() {
        return (trflags & 0x0004) != 0;
    }
}
