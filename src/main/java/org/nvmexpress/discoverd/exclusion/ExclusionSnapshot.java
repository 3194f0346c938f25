package org.nvmexpress.discoverd.exclusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The exclusion lists as {@link ExclusionLists#snapshot()} read them at one moment: every valid
 * entry with its file and line, in match order, and the files that could not be read. A
 * reconciliation pass gates thousands of candidates against one read of the lists:
 * {@link #match} does no I/O and looks only at the entries that could match. Before the next pass,
 * {@link ExclusionLists#changedSince} says whether to take a new snapshot.
 *
 * <p>Immutable, so safe to share between threads.
 */
public final class ExclusionSnapshot {

    /**
     * One valid entry and where it is.
     *
     * @param file  the list file, under the root
     * @param line  the entry's 1-based line in that file
     * @param entry the entry as written
     */
    public record Entry(Path file, int line, ExclusionEntry entry) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(entry, "entry");
            if (line < 1) {
                throw new IllegalArgumentException("line out of range: " + line);
            }
        }
    }

    private final List<Entry> entries;
    private final List<Diagnostic> skipped;
    /**
     * For each entry, how many of {@link #skipped} come before it in match order: what a matcher
     * reading the files one by one had skipped when it reached that entry, and so what a match
     * reports, the same as {@link ExclusionLists#match} always did.
     */
    private final int[] skippedBefore;
    private final EntryIndex index;
    private final MatchResult.NotExcluded notExcluded;
    private final List<FileStamp> stamps;

    private ExclusionSnapshot(Builder b, List<FileStamp> stamps) {
        this.entries = List.copyOf(b.entries);
        this.skipped = List.copyOf(b.skipped);
        this.skippedBefore = b.skippedBefore.stream().mapToInt(Integer::intValue).toArray();
        this.index = new EntryIndex(entries.stream().map(Entry::entry).toList());
        this.notExcluded = new MatchResult.NotExcluded(skipped);
        this.stamps = List.copyOf(stamps);
    }

    /** The valid entries of every list that could be read, in match order (the default list, then the drop-ins by name). */
    public List<Entry> entries() {
        return entries;
    }

    /** The files (or the drop-in directory) that could not be read and count as empty, each with why. */
    public List<Diagnostic> skipped() {
        return skipped;
    }

    /**
     * Whether {@code connection} is excluded: the same answer {@link ExclusionLists#match} gives for
     * the lists as they were read (the first entry in match order whose fields all match, see
     * {@link ExclusionEntry#matches}), without any I/O. {@link MatchResult#skipped()} lists the
     * unreadable files before the matching entry, or all of them when nothing matches.
     */
    public MatchResult match(TransportId connection) {
        Objects.requireNonNull(connection, "connection");
        int first = index.firstMatch(connection);
        if (first < 0) {
            return notExcluded;
        }
        Entry e = entries.get(first);
        return new MatchResult.Excluded(e.file(), e.line(), e.entry(), skipped.subList(0, skippedBefore[first]));
    }

    /** What each file looked like before it was read, for {@link ExclusionLists#changedSince}. */
    List<FileStamp> stamps() {
        return stamps;
    }

    @Override
    public String toString() {
        return "ExclusionSnapshot[" + entries.size() + " entries, " + skipped.size() + " skipped]";
    }

    /** Collects a snapshot while {@link ExclusionLists#snapshot()} reads the files in match order. */
    static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final List<Integer> skippedBefore = new ArrayList<>();
        private final List<Diagnostic> skipped = new ArrayList<>();

        void skip(List<Diagnostic> problems) {
            skipped.addAll(problems);
        }

        void add(Path file, int line, ExclusionEntry entry) {
            entries.add(new Entry(file, line, entry));
            skippedBefore.add(skipped.size());
        }

        ExclusionSnapshot build(List<FileStamp> stamps) {
            return new ExclusionSnapshot(this, stamps);
        }
    }
}
