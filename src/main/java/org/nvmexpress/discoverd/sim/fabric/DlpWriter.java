package org.nvmexpress.discoverd.sim.fabric;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes raw Discovery Log Pages (reference §5.4) from a spec, the layout {@code nvme discover
 * --raw=FILE} saves: a 1024-byte header (genctr, numrec, recfmt, zeros) and 1024 bytes per entry.
 * The simulated fabric serves its pages through it ({@link LogPages}), and tests build their own
 * pages with it, good and broken:
 *
 * <pre>{@code
 * byte[] page = new DlpWriter().genctr(7)
 *         .entry(DlpWriter.tcp("192.168.1.20", "4420", "nqn.2024-01.com.example:vol1"))
 *         .entry(DlpWriter.tcp("192.168.1.21", "8009", DlpWriter.DISCOVERY_NQN).subtype(1))
 *         .build();
 * }</pre>
 *
 * <p>{@link #numrec(long)} writes a count other than the number of entries (for inconsistent
 * pages), {@link #trailing(int)} appends bytes after the last entry: those exist for the tests of
 * the decoder, which is why this writer lives in main beside {@link LogPages} rather than twice.
 * Not thread-safe; a writer builds pages on one thread.
 */
public final class DlpWriter {
    /** The well-known discovery NQN. */
    public static final String DISCOVERY_NQN = "nqn.2014-08.org.nvmexpress.discovery";

    private long genctr = 1;
    private Long numrec;
    private int recfmt;
    private int trailing;
    private final List<Entry> entries = new ArrayList<>();

    public DlpWriter genctr(long value) {
        genctr = value;
        return this;
    }

    /** Writes {@code value} as numrec instead of the number of entries. */
    public DlpWriter numrec(long value) {
        numrec = value;
        return this;
    }

    public DlpWriter recfmt(int value) {
        recfmt = value;
        return this;
    }

    public DlpWriter entry(Entry entry) {
        entries.add(entry);
        return this;
    }

    /** Appends {@code bytes} bytes of 0xee after the last entry. */
    public DlpWriter trailing(int bytes) {
        trailing = bytes;
        return this;
    }

    public byte[] build() {
        int size = 1024 * (1 + entries.size()) + trailing;
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(0, genctr).putLong(8, numrec != null ? numrec : entries.size()).putShort(16, (short) recfmt);
        for (int i = 0; i < entries.size(); i++) {
            out.put(1024 * (i + 1), entries.get(i).bytes());
        }
        for (int i = size - trailing; i < size; i++) {
            out.put(i, (byte) 0xee);
        }
        return out.array();
    }

    /** A TCP I/O subsystem entry: adrfam from the address (ipv6 when it has a ':'), sectype none. */
    public static Entry tcp(String traddr, String trsvcid, String subnqn) {
        return new Entry().trtype(3).adrfam(traddr.contains(":") ? 2 : 1).traddr(traddr).trsvcid(trsvcid)
                .subnqn(subnqn);
    }

    /** An RDMA I/O subsystem entry: RoCEv2, connected, rdma-cm, pkey 0. */
    public static Entry rdma(String traddr, String trsvcid, String subnqn) {
        return new Entry().trtype(1).adrfam(traddr.contains(":") ? 2 : 1).traddr(traddr).trsvcid(trsvcid)
                .subnqn(subnqn).rdma(1, 4, 1, 0);
    }

    /** An FC I/O subsystem entry: no trsvcid. */
    public static Entry fc(String traddr, String subnqn) {
        return new Entry().trtype(2).adrfam(4).traddr(traddr).trsvcid("").subnqn(subnqn);
    }

    /** A loop I/O subsystem entry. */
    public static Entry loop(String subnqn) {
        return new Entry().trtype(254).adrfam(254).traddr("").trsvcid("").subnqn(subnqn);
    }

    /**
     * One 1024-byte entry. Strings are written as UTF-8, cut at the field's size, and padded: trsvcid
     * and traddr with spaces (as some targets do), subnqn with NULs; {@link #padding} changes that.
     * Defaults: subtype 2 (nvme), portid 1, cntlid 0xffff, asqsz 32, everything else 0.
     */
    public static final class Entry {
        private int trtype;
        private int adrfam;
        private int subtype = 2;
        private int treq;
        private int portid = 1;
        private int cntlid = 0xffff;
        private int asqsz = 32;
        private int eflags;
        private byte[] trsvcid = new byte[0];
        private byte[] subnqn = new byte[0];
        private byte[] traddr = new byte[0];
        private byte pad = ' ';
        private final byte[] tsas = new byte[256];

        public Entry trtype(int v) {
            trtype = v;
            return this;
        }

        public Entry adrfam(int v) {
            adrfam = v;
            return this;
        }

        public Entry subtype(int v) {
            subtype = v;
            return this;
        }

        public Entry treq(int v) {
            treq = v;
            return this;
        }

        public Entry portid(int v) {
            portid = v;
            return this;
        }

        public Entry cntlid(int v) {
            cntlid = v;
            return this;
        }

        public Entry asqsz(int v) {
            asqsz = v;
            return this;
        }

        public Entry eflags(int v) {
            eflags = v;
            return this;
        }

        public Entry trsvcid(String v) {
            return trsvcidBytes(v.getBytes(StandardCharsets.UTF_8));
        }

        public Entry trsvcidBytes(byte[] v) {
            trsvcid = v.clone();
            return this;
        }

        public Entry subnqn(String v) {
            return subnqnBytes(v.getBytes(StandardCharsets.UTF_8));
        }

        public Entry subnqnBytes(byte[] v) {
            subnqn = v.clone();
            return this;
        }

        public Entry traddr(String v) {
            return traddrBytes(v.getBytes(StandardCharsets.UTF_8));
        }

        public Entry traddrBytes(byte[] v) {
            traddr = v.clone();
            return this;
        }

        /** The byte that fills trsvcid and traddr after their text (space by default, or 0). */
        public Entry padding(int v) {
            pad = (byte) v;
            return this;
        }

        /** TCP TSAS: the security type. */
        public Entry sectype(int v) {
            tsas[0] = (byte) v;
            return this;
        }

        /** RDMA TSAS: queue pair type, provider type, connection management service, partition key. */
        public Entry rdma(int qptype, int prtype, int cms, int pkey) {
            tsas[0] = (byte) qptype;
            tsas[1] = (byte) prtype;
            tsas[2] = (byte) cms;
            tsas[8] = (byte) pkey;
            tsas[9] = (byte) (pkey >>> 8);
            return this;
        }

        /** Fills the TSAS with 0x5a, which means nothing to transports without one. */
        public Entry tsasNoise() {
            Arrays.fill(tsas, (byte) 0x5a);
            return this;
        }

        public byte[] bytes() {
            ByteBuffer out = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
            out.put(0, (byte) trtype).put(1, (byte) adrfam).put(2, (byte) subtype).put(3, (byte) treq);
            out.putShort(4, (short) portid).putShort(6, (short) cntlid).putShort(8, (short) asqsz)
                    .putShort(10, (short) eflags);
            field(out, 32, 32, trsvcid, pad);
            field(out, 256, 256, subnqn, (byte) 0);
            field(out, 512, 256, traddr, pad);
            out.put(768, tsas);
            return out.array();
        }

        private static void field(ByteBuffer out, int at, int size, byte[] text, byte pad) {
            int n = Math.min(size, text.length);
            out.put(at, text, 0, n);
            for (int i = n; i < size; i++) {
                out.put(at + i, pad);
            }
        }
    }
}
