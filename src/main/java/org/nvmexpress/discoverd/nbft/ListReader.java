package org.nvmexpress.discoverd.nbft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Reads the members of descriptor lists, dropping the ones that break a rule with a warning that
 * names the member and its offset (reference §7.3: a bad descriptor never rejects the table).
 * Members are read once each, in table order, so the work is bounded by the list's count (at most
 * 255, checked against the table length).
 */
final class ListReader {
    private final String table;
    private final List<NbftProblem> warnings;

    /** Warnings go to {@code warnings}, which the caller owns. */
    ListReader(String table, List<NbftProblem> warnings) {
        this.table = table;
        this.warnings = warnings;
    }

    /** The members {@code reader} accepts, in table order. */
    <T> List<T> read(DescriptorList list, DescriptorReader<T> reader) {
        return new ArrayList<>(readByPosition(list, reader).values());
    }

    /**
     * As {@link #read}, for members that others link to by {@code index}: a repeated index is
     * reported, and links resolve to the first member that has it.
     */
    <T> List<T> readLinkable(DescriptorList list, DescriptorReader<T> reader, ToIntFunction<T> index) {
        Map<Integer, T> members = readByPosition(list, reader);
        Map<Integer, Integer> firstPosition = new HashMap<>();
        members.forEach((position, member) -> {
            int value = index.applyAsInt(member);
            Integer first = firstPosition.putIfAbsent(value, position);
            if (first != null) {
                warn(list.name(position), list.offsetOf(position), "index " + value + " repeats that of "
                        + list.name(first) + " (links resolve to the first)");
            }
        });
        return new ArrayList<>(members.values());
    }

    /**
     * The accepted members by their position in the list, in table order. A dropped member's notes
     * are discarded: only why it was dropped matters.
     */
    private <T> Map<Integer, T> readByPosition(DescriptorList list, DescriptorReader<T> reader) {
        Map<Integer, T> out = new LinkedHashMap<>();
        for (int i = 0; i < list.count(); i++) {
            int offset = list.offsetOf(i);
            String name = list.name(i);
            List<String> notes = new ArrayList<>();
            try {
                out.put(i, reader.read(offset, notes::add));
                notes.forEach(note -> warn(name, offset, note));
            } catch (FieldException e) {
                warn(name, offset, "dropped: " + e.getMessage());
            }
        }
        return out;
    }

    /** {@code members} by index, the first member of a repeated index winning. */
    static <T> Map<Integer, T> byIndex(List<T> members, ToIntFunction<T> index) {
        Map<Integer, T> out = new LinkedHashMap<>();
        for (T member : members) {
            out.putIfAbsent(index.applyAsInt(member), member);
        }
        return out;
    }

    private void warn(String descriptor, int offset, String message) {
        warnings.add(NbftProblem.at(table, descriptor, offset, message));
    }
}
