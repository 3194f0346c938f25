package org.nvmexpress.discoverd.dlp;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The rule from an entry to a controller (reference §5.5): the TID is the entry's transport, traddr, trsvcid (the role's default when empty: tcp 8009 for a DC,
 * 4420 for an IOC, rdma 4420, fc none) and subnqn, with host-traddr, host-iface and hostnqn inherited
 * from the DC, and no hostid. A failure is returned, never thrown.
 *
 * <p>Deliberate differences from the C daemon: an entry with DUPRETINFO is connectable like any
 * other (upstream's newer {@code test-dlp.c}: skipping such entries parked a controller that
 * supports persistent connections); whoever collects the entries collapses duplicates by TID. An unknown transport or subtype is rejected (upstream
 * connects transport {@code unrecognized} forever, §15 item 29); the self entry (subtype 3) gets a
 * DC's default port like a referral (upstream builds it as an IOC, but only reads its EPCSD bit);
 * strings that would corrupt the TID's {@code key=value;...} forms, and an empty subnqn, are rejected.
 */
public final class EntryTargets {
    private EntryTargets() {
    }

    /** What {@code entry}, listed by the DC whose inheritance is {@code dc}, means to the daemon. */
    public static EntryTarget of(DiscoveryLogEntry entry, DcContext dc) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(dc, "dc");
        TransportType transport = entry.transportType();
        if (transport == TransportType.UNRECOGNIZED) {
            return reject(entry, EntryTarget.Reason.UNKNOWN_TRANSPORT, "transport type " + entry.trtype()
                    + " is not recognised: never connected");
        }
        Subtype subtype = entry.kind();
        if (subtype == Subtype.UNRECOGNIZED) {
            return reject(entry, EntryTarget.Reason.UNKNOWN_SUBTYPE, "subtype " + entry.subtype()
                    + " is not recognised: ignored");
        }
        String bad = badField(entry);
        if (bad != null) {
            return reject(entry, EntryTarget.Reason.INVALID_FIELD, bad + ": not connected");
        }
        Role role = subtype.isDiscovery() ? Role.DC : Role.IOC;
        try {
            TransportId tid = TransportId.builder().transport(transport.libnvmeName()).traddr(entry.traddr())
                    .trsvcid(entry.trsvcid().isEmpty() ? null : entry.trsvcid()).nqn(entry.subnqn())
                    .hostTraddr(dc.hostTraddr()).hostIface(dc.hostIface()).hostnqn(dc.hostnqn())
                    .build().withDefaultTrsvcid(role);
            return new EntryTarget.Connectable(entry, tid, role);
        } catch (InvalidTransportIdException e) {
            return reject(entry, EntryTarget.Reason.INVALID_ADDRESS, e.getMessage() + ": not connected");
        }
    }

    /** Why a string of the entry cannot be part of a TID, or {@code null} when all can. */
    private static String badField(DiscoveryLogEntry entry) {
        if (entry.subnqn().isEmpty()) {
            return "subnqn is empty";
        }
        String[][] fields = {{"trsvcid", entry.trsvcid()}, {"subnqn", entry.subnqn()}, {"traddr", entry.traddr()}};
        for (String[] field : fields) {
            String value = field[1];
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == 0x7f || c == ';' || c == '\uFFFD') {
                    return String.format("%s '%s' has %s at position %d", field[0], printable(value),
                            c == ';' ? "';' (the TID separator)" : c == '\uFFFD' ? "bytes that are not UTF-8"
                                    : String.format("control character 0x%02x", (int) c), i);
                }
            }
        }
        return null;
    }

    /** {@code value} with control characters shown as {@code \xNN}, so a message never carries them. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static EntryTarget reject(DiscoveryLogEntry entry, EntryTarget.Reason reason, String message) {
        return new EntryTarget.Rejected(entry, reason, DlpProblem.entry(entry.index(), entry.offset(), message));
    }
}
