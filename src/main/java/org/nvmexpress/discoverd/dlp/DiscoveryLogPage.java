package org.nvmexpress.discoverd.dlp;

import java.util.List;
import java.util.Objects;

/**
 * A decoded Discovery Log Page (reference §5.4): the header's generation counter, record count and
 * record format, every entry in page order, and what the decoder warned about (a record format
 * other than 0, an unknown transport, a string that filled its field, ...).
 *
 * @param genctr   the generation counter, an unsigned 64-bit value ({@link Long#toUnsignedString})
 * @param numrec   the number of records; always {@code entries.size()}
 * @param recfmt   the record format (0 is the only one defined)
 * @param entries  the entries, in page order
 * @param warnings problems that did not stop the decoding, in page order
 */
public record DiscoveryLogPage(long genctr, long numrec, int recfmt, List<DiscoveryLogEntry> entries,
        List<DlpProblem> warnings) {

    public DiscoveryLogPage {
        Names.unsigned("recfmt", recfmt, 16);
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        if (numrec != entries.size()) {
            throw new IllegalArgumentException("numrec " + Long.toUnsignedString(numrec) + " does not match the "
                    + entries.size() + " entries");
        }
    }
}
