package org.nvmexpress.discoverd.nbft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a subsystem namespace (SSNS) descriptor (reference §7.2, §7.3). Address, service ID and NQN
 * are required; the primary HFI and a non-zero security link must resolve. The secondary HFI list
 * may be empty: unlike libnvme (§15 item 28), such an SSNS is kept with its primary HFI alone.
 * Secondary HFIs are de-duplicated (the primary first, each HFI once); unresolved ones are left out
 * with a warning. An unresolved discovery link and unusable extended info are only warnings.
 */
final class SsnsReader implements DescriptorReader<NbftSubsystemNamespace> {
    private static final int TCP_TRANSPORT = 3;
    private static final int EXTENDED_INFO_IN_USE = 0x0010;
    /** The revision 1.0 extended info ends after the root path; revision 1.1 adds 5 bytes. */
    private static final int EXT_INFO_V10 = 18;
    private static final int EXT_INFO_V11 = 23;

    private final TableBytes t;
    private final Map<Integer, NbftHfi> hfis;
    private final Map<Integer, NbftSecurity> profiles;
    private final Map<Integer, NbftDiscovery> discoveries;

    /** The other descriptors by their index fields (the first of a repeated index). */
    SsnsReader(TableBytes t, Map<Integer, NbftHfi> hfis, Map<Integer, NbftSecurity> profiles,
            Map<Integer, NbftDiscovery> discoveries) {
        this.t = t;
        this.hfis = Map.copyOf(hfis);
        this.profiles = Map.copyOf(profiles);
        this.discoveries = Map.copyOf(discoveries);
    }

    @Override
    public NbftSubsystemNamespace read(int off, Consumer<String> note) throws FieldException {
        int flags = t.u16(off + 3);
        DescriptorReader.checkValidAndId(flags, t.u8(off), 4, "0x%04x");
        int trtype = t.u8(off + 5);
        if (trtype != TCP_TRANSPORT) {
            throw new FieldException("transport type " + trtype + " is not TCP (3)");
        }
        int index = t.u16(off + 1);
        Optional<NbftDiscovery> discovery = discovery(t.u8(off + 8), note);
        HeapSlice traddr = t.heapObject(off + 10, "traddr").orElseThrow(() -> new FieldException("traddr is absent"));
        if (traddr.length() != 16) {
            throw new FieldException("traddr is " + traddr.length() + " bytes, expected a 16-byte IP address");
        }
        String trsvcid = t.heapString(off + 16, "trsvcid").orElseThrow(() -> new FieldException("trsvcid is absent"));
        Optional<NbftSecurity> security = DiscoveryReader.security(profiles, t.u8(off + 45));
        List<NbftHfi> linked = hfis(t.u8(off + 46), off + 48, note);
        String nqn = t.heapString(off + 54, "NQN").orElseThrow(() -> new FieldException("NQN is absent"));
        Optional<NbftSsnsExtendedInfo> ext = (flags & EXTENDED_INFO_IN_USE) == 0 ? Optional.empty()
                : extendedInfo(off + 60, index, note);
        return new NbftSubsystemNamespace(index, discovery, security, linked, t.address(traddr.offset()), trsvcid,
                t.u16(off + 22), t.u32(off + 24), t.u8(off + 28), t.bytes(off + 29, 16), nqn, t.u16(off + 6), flags, ext);
    }

    private Optional<NbftDiscovery> discovery(int link, Consumer<String> note) {
        NbftDiscovery discovery = link == 0 ? null : discoveries.get(link);
        if (link != 0 && discovery == null) {
            note.accept("primary discovery controller " + link + " not found (link left out)");
        }
        return Optional.ofNullable(discovery);
    }

    /** The primary HFI, then each secondary one not yet listed; index 0 in the list means none. */
    private List<NbftHfi> hfis(int primary, int secondaryField, Consumer<String> note) throws FieldException {
        NbftHfi first = hfis.get(primary);
        if (first == null) {
            throw new FieldException("primary HFI " + primary + " not found");
        }
        NbftBytes secondary = t.heapBytes(secondaryField, "secondary HFI list");
        Map<Integer, NbftHfi> linked = new LinkedHashMap<>();
        linked.put(primary, first);
        for (int i = 0; i < secondary.length(); i++) {
            int link = secondary.get(i);
            if (link == 0 || linked.containsKey(link)) {
                continue;
            }
            NbftHfi hfi = hfis.get(link);
            if (hfi == null) {
                note.accept("secondary HFI " + link + " not found (left out)");
            } else {
                linked.put(link, hfi);
            }
        }
        return new ArrayList<>(linked.values());
    }

    /** The extended info when it is present, well-formed, for this SSNS and valid; else none, with a warning. */
    private Optional<NbftSsnsExtendedInfo> extendedInfo(int field, int index, Consumer<String> note) {
        try {
            Optional<HeapSlice> slice = t.heapObject(field, "extended info");
            if (slice.isEmpty()) {
                return Optional.empty();
            }
            int e = slice.get().offset();
            int length = slice.get().length();
            if (length < EXT_INFO_V10) {
                throw new FieldException("extended info at offset " + e + " is " + length + " bytes, shorter than "
                        + EXT_INFO_V10);
            }
            if (t.u8(e) != 9 || t.u8(e + 1) != 1 || t.u16(e + 2) != index) {
                throw new FieldException(String.format("extended info at offset %d is not this SSNS's (structure ID %d,"
                        + " version %d, SSNS index %d)", e, t.u8(e), t.u8(e + 1), t.u16(e + 2)));
            }
            long flags = t.u32(e + 4);
            if ((flags & 0x1) == 0) {
                return Optional.empty();
            }
            boolean v11 = length >= EXT_INFO_V11;
            return Optional.of(new NbftSsnsExtendedInfo(t.u16(e + 8), (flags & 0x2) != 0 ? t.u16(e + 10) : 0,
                    t.heapString(e + 12, "DHCP root path"), v11 ? t.u8(e + 18) : 0, v11 ? t.u8(e + 19) : 0,
                    v11 ? t.u16(e + 20) : 0, v11 ? t.u8(e + 22) : 0));
        } catch (FieldException e) {
            note.accept(e.getMessage() + " (extended info left out)");
            return Optional.empty();
        }
    }
}
