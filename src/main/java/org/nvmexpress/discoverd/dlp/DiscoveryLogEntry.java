package org.nvmexpress.discoverd.dlp;

import java.util.Objects;

/**
 * One 1024-byte Discovery Log Page entry (reference §5.4), every field kept: the raw code of each
 * enumerated field beside its typed view, and the three strings sanitised as libnvme does (§5.3
 * step 5: cut at the field's last byte or first NUL, trailing white space removed, an FC address's
 * first {@code ,} made a {@code :}).
 *
 * <p>Turning an entry into a connection is {@link EntryTargets#of}'s job, which refuses the entries
 * that must never be connected.
 *
 * @param index   0-based position in the page
 * @param offset  byte offset of the entry in the page ({@code 1024 + 1024 * index})
 * @param trtype  transport type code (byte 0)
 * @param adrfam  address family code (byte 1)
 * @param subtype subsystem type code (byte 2)
 * @param treq    transport requirements (byte 3)
 * @param portid  port ID (bytes 4-5)
 * @param cntlid  controller ID (bytes 6-7; 0xffff: dynamic, 0xfffe: static, any)
 * @param asqsz   admin max SQ size (bytes 8-9)
 * @param eflags  entry flags (bytes 10-11)
 * @param trsvcid transport service ID (bytes 32-63), e.g. a TCP port; may be empty
 * @param subnqn  subsystem NQN (bytes 256-511)
 * @param traddr  transport address (bytes 512-767)
 * @param tsas    transport specific address subtype (bytes 768-1023)
 */
public record DiscoveryLogEntry(int index, long offset, int trtype, int adrfam, int subtype,
        TransportRequirements treq, int portid, int cntlid, int asqsz, EntryFlags eflags,
        String trsvcid, String subnqn, String traddr, TransportSpecific tsas) {

    public DiscoveryLogEntry {
        if (index < 0) {
            throw new IllegalArgumentException("index out of range: " + index);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset out of range: " + offset);
        }
        Names.unsigned("trtype", trtype, 8);
        Names.unsigned("adrfam", adrfam, 8);
        Names.unsigned("subtype", subtype, 8);
        Objects.requireNonNull(treq, "treq");
        Names.unsigned("portid", portid, 16);
        Names.unsigned("cntlid", cntlid, 16);
        Names.unsigned("asqsz", asqsz, 16);
        Objects.requireNonNull(eflags, "eflags");
        Objects.requireNonNull(trsvcid, "trsvcid");
        Objects.requireNonNull(subnqn, "subnqn");
        Objects.requireNonNull(traddr, "traddr");
        Objects.requireNonNull(tsas, "tsas");
    }

    public TransportType transportType() {
        return TransportType.of(trtype);
    }

    public AddressFamily addressFamily() {
        return AddressFamily.of(adrfam);
    }

    public Subtype kind() {
        return Subtype.of(subtype);
    }

    /** The TCP security type from the TSAS; {@link TcpSecurityType#NONE} for other transports. */
    public TcpSecurityType securityType() {
        return tsas instanceof TransportSpecific.Tcp tcp ? tcp.securityType() : TcpSecurityType.NONE;
    }

    /** {@code entry K}, as messages name it. */
    public String name() {
        return "entry " + index;
    }
}
