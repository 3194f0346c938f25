package org.nvmexpress.discoverd.dlp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a whole Discovery Log Page (reference §5.4): the 1024-byte header, then {@code numrec}
 * entries of 1024 bytes each; the layout of the buffer the fetch protocol fills and of the file
 * {@code nvme discover --raw=FILE} writes.
 *
 * <p>Nothing in the page is trusted. {@code numrec} is an unsigned 64-bit count from the device or
 * file: it is compared with the number of entries the buffer can hold before anything is read or
 * allocated, so work and memory are bounded by the buffer's length, never by {@code numrec}. A page
 * shorter than its header, or with fewer entries than {@code numrec}, is a
 * {@link DlpDecodeException} naming the byte offset; everything else (a record format other than 0,
 * an unknown transport, bytes after the last entry, ...) is a warning in the page and the rest
 * stands. Stateless; safe from any thread.
 *
 * <p>Budget (ARCHITECTURE §11): a 1,024-entry page decodes in at most 1 ms. The JMH benchmark
 * {@code bench.DlpDecodeBenchmark} measures it (docs/benchmarks.md): about 0.3 ms per page on a
 * loaded 2-core machine. Strings are cut and decoded straight from the array for that reason.
 */
public final class DiscoveryLogDecoder {
    /** The header's size in the page; entries start here. */
    public static final int HEADER_SIZE = 1024;
    /** Each entry's size. */
    public static final int ENTRY_SIZE = 1024;

    private DiscoveryLogDecoder() {
    }

    /**
     * Decodes {@code page}, header first.
     *
     * @throws DlpDecodeException when the page is shorter than the header or than {@code numrec} entries
     */
    public static DiscoveryLogPage decode(byte[] page) throws DlpDecodeException {
        Objects.requireNonNull(page, "page");
        if (page.length < HEADER_SIZE) {
            throw new DlpDecodeException(DlpProblem.header(0, "the page is " + page.length
                    + " bytes, shorter than its " + HEADER_SIZE + "-byte header"));
        }
        ByteBuffer bytes = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        long genctr = bytes.getLong(0);
        long numrec = bytes.getLong(8);
        int recfmt = bytes.getShort(16) & 0xffff;
        int present = (page.length - HEADER_SIZE) / ENTRY_SIZE;
        if (Long.compareUnsigned(numrec, present) > 0) {
            throw new DlpDecodeException(missingEntry(numrec, present, page.length));
        }
        List<DlpProblem> warnings = new ArrayList<>();
        if (recfmt != 0) {
            warnings.add(DlpProblem.header(16, "record format " + recfmt
                    + " is not 0, the only one defined; the entries are read as format 0"));
        }
        int count = (int) numrec;
        List<DiscoveryLogEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(EntryReader.read(page, i, warnings));
        }
        long end = entryOffset(count);
        if (page.length > end) {
            warnings.add(new DlpProblem("trailing bytes", end, (page.length - end) + " bytes after the "
                    + (count == 0 ? "header" : "last entry") + " are ignored (numrec is " + count + ")"));
        }
        return new DiscoveryLogPage(genctr, numrec, recfmt, entries, warnings);
    }

    /** Where entry {@code index} starts in a page. */
    public static long entryOffset(long index) {
        return HEADER_SIZE + index * ENTRY_SIZE;
    }

    /** The first entry {@code numrec} promises that the page does not hold in full. */
    private static DlpProblem missingEntry(long numrec, int present, int length) {
        long start = entryOffset(present);
        return DlpProblem.entry(present, start, "missing: the header's numrec is " + Long.toUnsignedString(numrec)
                + " but the page is " + length + " bytes long, and this entry needs bytes " + start + " to "
                + (start + ENTRY_SIZE - 1));
    }
}
