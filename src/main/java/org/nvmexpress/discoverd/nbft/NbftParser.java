package org.nvmexpress.discoverd.nbft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses the bytes of one NBFT with the rules of reference §7.3: a table that breaks a whole-table
 * rule is rejected ({@link NbftParseException}); a descriptor that breaks a rule is dropped with a
 * warning and the rest stands. Lists are read in the order HFIs, security profiles, discovery
 * controllers, SSNS, so each can link to the ones before it.
 *
 * <p>Nothing from the table is trusted: every offset, length and count is checked against the table
 * before it is used, in {@code long} arithmetic. Work and memory are bounded by the table's size:
 * each descriptor and each heap byte is read a bounded number of times, and every allocation is a
 * copy of a range already checked to lie inside the table.
 */
public final class NbftParser {
    /** Header and control descriptor: the smallest table there can be. */
    public static final int MIN_SIZE = 128;

    private static final int HEADER_SIZE = 64;

    private NbftParser() {
    }

    /**
     * Parses {@code bytes}, the whole content of the table file {@code table}.
     *
     * @param table the file as the user named it, used in every message
     * @throws NbftParseException when the table breaks a whole-table rule
     */
    public static NbftTable parse(String table, byte[] bytes) throws NbftParseException {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(bytes, "bytes");
        TableBytes t = checkHeader(table, bytes);
        ControlDescriptor control;
        try {
            control = ControlDescriptor.read(t);
        } catch (FieldException e) {
            throw reject(table, "control descriptor", ControlDescriptor.OFFSET, e.getMessage());
        }
        NbftHost host = host(table, t, control.hostOffset());
        List<NbftProblem> warnings = new ArrayList<>();
        NbftHeader header = header(table, t, warnings);
        ListReader lists = new ListReader(table, warnings);
        List<NbftHfi> hfis = lists.readLinkable(control.hfis(), new HfiReader(t), NbftHfi::index);
        List<NbftSecurity> profiles = lists.readLinkable(control.security(), new SecurityReader(t), NbftSecurity::index);
        Map<Integer, NbftHfi> hfiLinks = ListReader.byIndex(hfis, NbftHfi::index);
        Map<Integer, NbftSecurity> securityLinks = ListReader.byIndex(profiles, NbftSecurity::index);
        List<NbftDiscovery> discoveries = lists.readLinkable(control.discovery(),
                new DiscoveryReader(t, hfiLinks, securityLinks), NbftDiscovery::index);
        List<NbftSubsystemNamespace> namespaces = lists.read(control.ssns(), new SsnsReader(t, hfiLinks, securityLinks,
                ListReader.byIndex(discoveries, NbftDiscovery::index)));
        return new NbftTable(table, bytes.length, header, host, hfis, profiles, discoveries, namespaces, warnings);
    }

    /** Rules 1 to 4 of §7.3: size, checksum, signature, length, revisions, heap range. */
    private static TableBytes checkHeader(String table, byte[] bytes) throws NbftParseException {
        if (bytes.length < MIN_SIZE) {
            throw reject(table, "header", 0, "the file is " + bytes.length + " bytes, shorter than the " + MIN_SIZE
                    + " bytes of header and control descriptor");
        }
        int sum = 0;
        for (byte b : bytes) {
            sum += b;
        }
        if ((sum & 0xff) != 0) {
            throw reject(table, "header", 0, String.format("checksum mismatch: the %d bytes of the file sum to 0x%02x"
                    + " (mod 256), not 0", bytes.length, sum & 0xff));
        }
        ByteBuffer h = ByteBuffer.wrap(bytes, 0, HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != ('N' | 'B' << 8 | 'F' << 16 | 'T' << 24)) {
            throw reject(table, "header", 0, "signature " + printable(bytes, 4) + " is not 'NBFT'");
        }
        long length = h.getInt(4) & 0xffff_ffffL;
        if (length < MIN_SIZE || length > bytes.length) {
            throw reject(table, "header", 0, "table length " + length + " is " + (length < MIN_SIZE
                    ? "shorter than " + MIN_SIZE + " bytes" : "larger than the file (" + bytes.length + " bytes)"));
        }
        int major = h.get(8) & 0xff;
        int minor = h.get(50) & 0xff;
        if (major != 1 || minor > 1) {
            throw reject(table, "header", 0, "revision " + major + "." + minor + " is not supported (1.0 and 1.1 are)");
        }
        long heapOffset = h.getInt(36) & 0xffff_ffffL;
        long heapLength = h.getInt(40) & 0xffff_ffffL;
        if (!TableBytes.fits(heapOffset, heapLength, length)) {
            throw reject(table, "header", 0, "heap (offset " + heapOffset + ", length " + heapLength
                    + ") extends beyond the table length " + length);
        }
        return new TableBytes(bytes, (int) length, heapOffset, heapLength);
    }

    /** The header's informational fields; a bad device path signature is only a warning. */
    private static NbftHeader header(String table, TableBytes t, List<NbftProblem> warnings) {
        Optional<String> devicePath;
        try {
            devicePath = t.heapString(44, "driver device path signature");
        } catch (FieldException e) {
            warnings.add(NbftProblem.at(table, "header", 0, e.getMessage() + " (left out)"));
            devicePath = Optional.empty();
        }
        return new NbftHeader(t.u32(4), t.u8(8), t.u8(50), t.fixedText(10, 6), t.fixedText(16, 8), t.u32(24),
                t.fixedText(28, 4), t.u32(32), devicePath);
    }

    /** Rule 6 of §7.3 (the location was checked with the control descriptor): valid, ID 2, a host NQN. */
    private static NbftHost host(String table, TableBytes t, int off) throws NbftParseException {
        try {
            int flags = t.u8(off + 1);
            DescriptorReader.checkValidAndId(flags, t.u8(off), 2, "0x%02x");
            String nqn = t.heapString(off + 18, "host NQN").orElseThrow(() -> new FieldException("host NQN is absent"));
            return new NbftHost(t.bytes(off + 2, 16), nqn, flags);
        } catch (FieldException e) {
            throw reject(table, "host descriptor", off, e.getMessage());
        }
    }

    /** The first {@code n} bytes as text in quotes, bytes that are not printable ASCII as {@code \xNN}. */
    private static String printable(byte[] bytes, int n) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xff;
            out.append(c >= 0x20 && c < 0x7f && c != '\\' && c != '\'' ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return out.append('\'').toString();
    }

    private static NbftParseException reject(String table, String descriptor, long offset, String message) {
        return new NbftParseException(NbftProblem.at(table, descriptor, offset, message));
    }
}
