package org.nvmexpress.discoverd.dlp;

import java.util.Objects;

/**
 * How a fetch of the Discovery Log Page ended ({@link DiscoveryLogFetcher#fetch}): the page, or why
 * there is none. Every failure says what happened in {@link #describe()}, ready to log after the
 * DC's TID; the C daemon's equivalents are noted on each.
 */
public sealed interface FetchResult {

    /** One line for the log: what was read, or what went wrong. */
    String describe();

    /**
     * The page, consistent: read with one generation counter, {@code numrec} unchanged.
     *
     * @param page the decoded page (its warnings included)
     * @param raw  the page as the bytes {@code nvme discover --raw} would save: the 20 header bytes
     *             read last, zero to byte 1023, then the entries
     */
    record Fetched(DiscoveryLogPage page, byte[] raw) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(page, "page");
            raw = Objects.requireNonNull(raw, "raw").clone();
        }

        /** A copy of the raw page. */
        @Override
        public byte[] raw() {
            return raw.clone();
        }

        @Override
        public String describe() {
            return "read " + page.entries().size() + " records, genctr " + Long.toUnsignedString(page.genctr());
        }
    }

    /**
     * The generation counter changed during each of {@code reads} full reads (libnvme: {@code -EAGAIN}).
     *
     * @param reads      how many times the entries were read
     * @param genctr     the counter the last read of the entries started with
     * @param nextGenctr the counter in the header read after it
     */
    record GenerationKeptChanging(int reads, long genctr, long nextGenctr) implements FetchResult {
        @Override
        public String describe() {
            return "the generation counter kept changing over " + reads + " reads of the entries (last "
                    + Long.toUnsignedString(genctr) + ", then " + Long.toUnsignedString(nextGenctr) + ")";
        }
    }

    /**
     * The generation counter stayed but the record count did not (libnvme: {@code -EBADSLT}).
     *
     * @param numrec     the count the entries were read with
     * @param nextNumrec the count in the header read after them
     */
    record RecordCountChanged(long numrec, long nextNumrec) implements FetchResult {
        @Override
        public String describe() {
            return "numrec changed from " + Long.toUnsignedString(numrec) + " to " + Long.toUnsignedString(nextNumrec)
                    + " while the generation counter stayed";
        }
    }

    /**
     * A command failed (libnvme: the negative errno or the positive NVMe status).
     *
     * @param cause   the failure, naming the errno or the status
     * @param command the command that failed
     */
    record ReadFailed(LogPageReadException cause, GetLogPageCommand command) implements FetchResult {
        public ReadFailed {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String describe() {
            return command + " failed: " + cause.getMessage();
        }
    }

    /**
     * The controller's device could not be opened (gone meanwhile, or no permission): no command was
     * sent. A close that fails after the commands changes nothing they answered, so it is never this.
     *
     * @param device the device name, e.g. {@code nvme3}
     * @param reason what failed, naming the errno
     */
    record DeviceUnavailable(String device, String reason) implements FetchResult {
        public DeviceUnavailable {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(reason, "reason");
        }

        /** The reason alone: the open's error already names the device's path and the errno. */
        @Override
        public String describe() {
            return reason;
        }
    }

    /**
     * The header claims more records than the fetcher reads (libnvme would try to allocate them).
     *
     * @param numrec the header's count, unsigned
     * @param limit  the most records the fetcher reads
     */
    record TooManyRecords(long numrec, int limit) implements FetchResult {
        @Override
        public String describe() {
            return "the header claims " + Long.toUnsignedString(numrec) + " records, more than the " + limit
                    + " this daemon reads";
        }
    }
}
