package org.nvmexpress.discoverd.ini;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings about one file as a reader collects them, at most {@link #PER_FILE} kept: the
 * earliest by line (ties in the order they came), and a count of the rest. A file of a million junk
 * lines once kept a million diagnostics and ran the daemon out of memory at start-up; nobody reads
 * past the first screenful anyway, and fixing those usually fixes the rest.
 *
 * <p>{@link #toList()} ends with one summary {@code FILE: N more problems not shown} (line 0) when
 * anything was dropped. The summary is an error when a dropped finding was, so a caller that asks
 * "any error?" of the list gets the answer it would have got from every finding.
 *
 * <p>Mutable; one instance per file and per read, confined to the reading thread.
 */
public final class CappedDiagnostics {
    /** Findings kept per file. */
    public static final int PER_FILE = 100;

    private static final Pattern SUMMARY = Pattern.compile("([0-9]{1,10}) more problems? not shown");
    /** Latest line first, so the head is what a new, earlier finding evicts. */
    private static final Comparator<Kept> LATEST_FIRST =
            Comparator.comparingInt((Kept k) -> k.diagnostic.line()).thenComparingLong(k -> k.arrival).reversed();

    private final String file;
    private final int limit;
    /** At most {@link #limit} findings; the head is the one to drop first. */
    private final PriorityQueue<Kept> kept;
    private long arrivals;
    private int total;
    private int errors;
    private int dropped;
    private boolean droppedAnError;

    private record Kept(Diagnostic diagnostic, long arrival) {
    }

    /** Keeps {@link #PER_FILE} findings about {@code file}. */
    public CappedDiagnostics(String file) {
        this(file, PER_FILE);
    }

    /** Keeps {@code limit} findings about {@code file}; the summary names {@code file}. */
    public CappedDiagnostics(String file, int limit) {
        this.file = Objects.requireNonNull(file, "file");
        if (limit < 1) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
        this.limit = limit;
        this.kept = new PriorityQueue<>(Math.min(limit, 16) + 1, LATEST_FIRST);
    }

    public void add(Diagnostic diagnostic) {
        Objects.requireNonNull(diagnostic, "diagnostic");
        total++;
        if (diagnostic.isError()) {
            errors++;
        }
        kept.add(new Kept(diagnostic, arrivals++));
        if (kept.size() > limit) {
            Diagnostic out = kept.poll().diagnostic;
            dropped++;
            droppedAnError |= out.isError();
        }
    }

    public void addAll(Collection<Diagnostic> diagnostics) {
        diagnostics.forEach(this::add);
    }

    /** Findings added, kept or not. */
    public int total() {
        return total;
    }

    /** Errors added, kept or not. */
    public int errors() {
        return errors;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** Findings added but not kept. */
    public int dropped() {
        return dropped;
    }

    /** The kept findings in line order, then the summary of the dropped ones when there are any. */
    public List<Diagnostic> toList() {
        List<Kept> ordered = new ArrayList<>(kept);
        ordered.sort(LATEST_FIRST.reversed());
        List<Diagnostic> out = new ArrayList<>(ordered.size() + 1);
        ordered.forEach(k -> out.add(k.diagnostic));
        if (dropped > 0) {
            String message = dropped + (dropped == 1 ? " more problem not shown" : " more problems not shown");
            out.add(droppedAnError ? Diagnostic.error(file, 0, message) : Diagnostic.warning(file, 0, message));
        }
        return out;
    }

    /**
     * How many findings {@code diagnostic} stands for when it is the summary {@link #toList()} ends
     * with; empty for any other finding. Lets a reader of merged lists count what was not shown.
     */
    public static OptionalInt notShown(Diagnostic diagnostic) {
        if (diagnostic.line() != 0) {
            return OptionalInt.empty();
        }
        Matcher m = SUMMARY.matcher(diagnostic.message());
        return m.matches() ? OptionalInt.of((int) Math.min(Long.parseLong(m.group(1)), Integer.MAX_VALUE))
                : OptionalInt.empty();
    }
}
