package org.nvmexpress.discoverd.dlp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Reads a consistent Discovery Log Page from a discovery controller through a {@link LogPageReader},
 * with libnvme's protocol (reference §5.3):
 *
 * <ol>
 * <li>read the 20-byte header (offset 0, RAE 0);</li>
 * <li>read {@code numrec} entries from offset 1024 in chunks of at most 4096 bytes, RAE 1 on every
 *     chunk but the last (so the discovery log change event stays latched until the read is done);</li>
 * <li>read the header again; while its generation counter changed, repeat from 2 with the new
 *     {@code numrec}, at most {@value #MAX_READS} full reads in all;</li>
 * <li>the counter still changing is {@link FetchResult.GenerationKeptChanging}; a changed
 *     {@code numrec} under the same counter is {@link FetchResult.RecordCountChanged}; a failed command
 *     is {@link FetchResult.ReadFailed}; a header with no records needs no more commands.</li>
 * </ol>
 *
 * <p>Unlike libnvme, the buffer is never sized from an unchecked {@code numrec}: a header claiming more
 * than {@link #maxRecords()} records ends the fetch ({@link FetchResult.TooManyRecords}), so a
 * broken or hostile controller cannot make the daemon allocate more than
 * {@code 1024 * (maxRecords + 1)} bytes. Holds no state between fetches; each fetch blocks in the
 * reader, so it runs on a worker, never on the loop.
 */
public final class DiscoveryLogFetcher {
    /** Bytes of the header read: genctr 8 + numrec 8 + recfmt 2, rounded up to whole dwords. */
    public static final int HEADER_LENGTH = 20;
    /** Largest transfer of one command ({@code NVME_LOG_PAGE_PDU_SIZE}). */
    public static final int CHUNK_LENGTH = 4096;
    /** Full reads of the entries before giving up on a changing generation counter. */
    public static final int MAX_READS = 6;
    /** Default record limit: 16 MiB of entries, far more than any fabric lists to one host. */
    public static final int DEFAULT_MAX_RECORDS = 16_384;

    private static final int MAX_RECORDS_LIMIT = Integer.MAX_VALUE / DiscoveryLogDecoder.ENTRY_SIZE - 1;

    private final int maxRecords;

    public DiscoveryLogFetcher() {
        this(DEFAULT_MAX_RECORDS);
    }

    /** A fetcher that reads at most {@code maxRecords} entries (1 to 2,097,150). */
    public DiscoveryLogFetcher(int maxRecords) {
        if (maxRecords < 1 || maxRecords > MAX_RECORDS_LIMIT) {
            throw new IllegalArgumentException("maxRecords out of range: " + maxRecords);
        }
        this.maxRecords = maxRecords;
    }

    public int maxRecords() {
        return maxRecords;
    }

    /** Fetches the page; every outcome, failures included, is a result. */
    public FetchResult fetch(LogPageReader reader) {
        Reads reads = new Reads(Objects.requireNonNull(reader, "reader"));
        try {
            return fetch(reads);
        } catch (LogPageReadException e) {
            return new FetchResult.ReadFailed(e, reads.last);
        }
    }

    private FetchResult fetch(Reads reads) throws LogPageReadException {
        byte[] header = reads.header();
        byte[] page;
        long genctr;
        long numrec;
        int fullReads = 0;
        do {
            genctr = genctr(header);
            numrec = numrec(header);
            if (numrec == 0) {
                page = new byte[DiscoveryLogDecoder.HEADER_SIZE];
                break;
            }
            if (Long.compareUnsigned(numrec, maxRecords) > 0) {
                return new FetchResult.TooManyRecords(numrec, maxRecords);
            }
            page = new byte[(int) DiscoveryLogDecoder.entryOffset(numrec)];
            reads.entries(page);
            header = reads.header();
            fullReads++;
        } while (genctr(header) != genctr && fullReads < MAX_READS);
        if (genctr(header) != genctr) {
            return new FetchResult.GenerationKeptChanging(fullReads, genctr, genctr(header));
        }
        if (numrec(header) != numrec) {
            return new FetchResult.RecordCountChanged(numrec, numrec(header));
        }
        System.arraycopy(header, 0, page, 0, HEADER_LENGTH);
        try {
            return new FetchResult.Fetched(DiscoveryLogDecoder.decode(page), page);
        } catch (DlpDecodeException e) {
            throw new AssertionError("a page sized for its numrec must decode", e);
        }
    }

    private static long genctr(byte[] header) {
        return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    private static long numrec(byte[] header) {
        return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong(8);
    }

    /** The commands of one fetch, the last one remembered for the failure report. */
    private static final class Reads {
        private final LogPageReader reader;
        private GetLogPageCommand last;

        Reads(LogPageReader reader) {
            this.reader = reader;
        }

        byte[] header() throws LogPageReadException {
            return read(new GetLogPageCommand(0, HEADER_LENGTH, false));
        }

        /** Fills {@code page} from byte 1024 to its end, chunk by chunk. */
        void entries(byte[] page) throws LogPageReadException {
            int start = DiscoveryLogDecoder.HEADER_SIZE;
            for (int at = start; at < page.length; at += CHUNK_LENGTH) {
                int length = Math.min(CHUNK_LENGTH, page.length - at);
                byte[] chunk = read(new GetLogPageCommand(at, length, at + length < page.length));
                System.arraycopy(chunk, 0, page, at, length);
            }
        }

        private byte[] read(GetLogPageCommand command) throws LogPageReadException {
            last = command;
            byte[] data = reader.read(command);
            if (data == null || data.length != command.length()) {
                throw new IllegalStateException("the LogPageReader returned " + (data == null ? "null" : data.length
                        + " bytes") + " for " + command + "; it must return exactly " + command.length() + " bytes");
            }
            return data;
        }
    }
}
