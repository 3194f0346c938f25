package org.nvmexpress.discoverd.daemon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Every controller the host should have connected (reference §2, the "inventory"), one
 * {@link Candidate} per unit name, in the order the daemon acts on them: boot discovery
 * controllers, configured discovery controllers, boot I/O controllers, configured I/O controllers
 * (reference §2.6). A controller several sources name appears once, at its first place, with all
 * of its sources. Also what could not become a candidate: {@link #unusable()} bad input and
 * {@link #unresolved()} host names.
 *
 * <p>Immutable; indexed by unit name, so {@link #get} and {@link #contains} never scan. Built by
 * {@link DesiredSetBuilder}.
 */
public final class DesiredSet {
    /** Nothing desired, nothing wrong. */
    public static final DesiredSet EMPTY = new DesiredSet(List.of(), List.of(), List.of());

    private final Map<UnitName, Candidate> byUnit;
    private final List<Candidate> inOrder;
    private final List<Decision.Skip> unusable;
    private final List<PendingName> unresolved;

    /**
     * @param candidates the candidates in action order; each unit name once
     * @param unusable   bad input, as {@link SkipReason#UNUSABLE} skips, in input order
     * @param unresolved configured connections waiting for their host name, in file order
     * @throws IllegalArgumentException when a unit name appears twice or a skip is not UNUSABLE
     */
    public DesiredSet(List<Candidate> candidates, List<Decision.Skip> unusable, List<PendingName> unresolved) {
        Map<UnitName, Candidate> index = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (index.putIfAbsent(c.unit(), c) != null) {
                throw new IllegalArgumentException("unit appears twice in the desired set: " + c.unit());
            }
        }
        for (Decision.Skip skip : unusable) {
            if (skip.reason() != SkipReason.UNUSABLE) {
                throw new IllegalArgumentException("not an unusable input: " + skip.reason() + " " + skip.detail());
            }
        }
        this.byUnit = Collections.unmodifiableMap(index);
        this.inOrder = List.copyOf(candidates);
        this.unusable = List.copyOf(unusable);
        this.unresolved = List.copyOf(unresolved);
    }

    /** The candidates in action order. */
    public List<Candidate> inOrder() {
        return inOrder;
    }

    public Optional<Candidate> get(UnitName unit) {
        return Optional.ofNullable(byUnit.get(unit));
    }

    public boolean contains(UnitName unit) {
        return byUnit.containsKey(unit);
    }

    /** The number of candidates (not counting unusable or unresolved input). */
    public int size() {
        return inOrder.size();
    }

    /**
     * Bad input, each a {@link SkipReason#UNUSABLE} skip whose detail says where: fabrics-file errors
     * as {@code FILE:LINE: message}, skipped boot-table descriptors as
     * {@code nbft:TABLE:DESCRIPTOR: reason}, connections whose address makes no TID.
     */
    public List<Decision.Skip> unusable() {
        return unusable;
    }

    /** The configured connections whose host name has not resolved; still desired. */
    public List<PendingName> unresolved() {
        return unresolved;
    }

    @Override
    public String toString() {
        return "DesiredSet[" + inOrder.size() + " candidates, " + unusable.size() + " unusable, "
                + unresolved.size() + " unresolved]";
    }
}
