package org.nvmexpress.discoverd.exclusion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.NumericAddress;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The entries of a snapshot filed by a field that every connection they match must share, so that
 * a lookup checks the few entries that can match rather than all of them. {@link ExclusionEntry#matches}
 * still decides, so the answer is the one a scan in match order gives (reference §11.5).
 *
 * <p>An entry that sets {@code nqn} can only match a connection with exactly that nqn. One that sets
 * {@code traddr} but no nqn is filed once for each way §11.5 compares addresses: ASCII case-folded
 * (when the connection's transport is {@code fc}), verbatim, and as a numeric address compared the
 * way {@link NumericAddress#sameAddress} does (scope dropped, IPv4 as its IPv4-mapped IPv6 form); a
 * lookup consults those its connection's transport allows. The rest set neither and are checked
 * for every connection: a short list in practice. Entries are numbered in match order and each
 * bucket lists its numbers in ascending order, so a bucket's first match is its best one and the
 * answer is the smallest over the buckets.
 */
final class EntryIndex {
    private static final int NONE = Integer.MAX_VALUE;
    private static final HexFormat HEX = HexFormat.of();
    /** The first 12 bytes of an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), in hex. */
    private static final String IPV4_MAPPED_PREFIX = "00000000000000000000ffff";

    private final List<ExclusionEntry> entries;
    private final Map<String, int[]> byNqn;
    private final Map<String, int[]> byFoldedTraddr;
    private final Map<String, int[]> byTraddr;
    private final Map<String, int[]> byAddress;
    private final int[] rest;

    /** Files {@code entries}, which are in match order. */
    EntryIndex(List<ExclusionEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<Integer>> nqn = new HashMap<>();
        Map<String, List<Integer>> folded = new HashMap<>();
        Map<String, List<Integer>> verbatim = new HashMap<>();
        Map<String, List<Integer>> address = new HashMap<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < this.entries.size(); i++) {
            TransportId tid = this.entries.get(i).tid();
            if (tid.nqn() != null) {
                file(nqn, tid.nqn(), i);
            } else if (tid.traddr() != null) {
                file(folded, fold(tid.traddr()), i);
                file(verbatim, tid.traddr(), i);
                int number = i;
                addressKey(tid.traddr()).ifPresent(key -> file(address, key, number));
            } else {
                others.add(i);
            }
        }
        byNqn = frozen(nqn);
        byFoldedTraddr = frozen(folded);
        byTraddr = frozen(verbatim);
        byAddress = frozen(address);
        rest = others.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The number of the first entry in match order that matches {@code connection}, or -1. */
    int firstMatch(TransportId connection) {
        int first = firstIn(rest, connection, NONE);
        if (connection.nqn() != null) {
            first = firstIn(byNqn.get(connection.nqn()), connection, first);
        }
        String traddr = connection.traddr();
        if (traddr != null) {
            // The connection's transport picks the comparison, as in ExclusionEntry.same.
            if ("fc".equals(connection.transport())) {
                first = firstIn(byFoldedTraddr.get(fold(traddr)), connection, first);
            } else {
                first = firstIn(byTraddr.get(traddr), connection, first);
                Optional<String> key = addressKey(traddr);
                if (key.isPresent()) {
                    first = firstIn(byAddress.get(key.get()), connection, first);
                }
            }
        }
        return first == NONE ? -1 : first;
    }

    /** The first of {@code numbers} (ascending) below {@code best} whose entry matches, else {@code best}. */
    private int firstIn(int[] numbers, TransportId connection, int best) {
        if (numbers == null) {
            return best;
        }
        for (int n : numbers) {
            if (n >= best) {
                return best;
            }
            if (entries.get(n).matches(connection)) {
                return n;
            }
        }
        return best;
    }

    private static void file(Map<String, List<Integer>> buckets, String key, int number) {
        buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(number);
    }

    private static Map<String, int[]> frozen(Map<String, List<Integer>> buckets) {
        Map<String, int[]> out = new HashMap<>(buckets.size() * 2);
        buckets.forEach((key, numbers) -> out.put(key, numbers.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** {@code strcasecmp}'s folding in the C locale, as ExclusionEntry compares fc addresses: ASCII letters only. */
    private static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /** Equal for two addresses exactly when {@link NumericAddress#sameAddress} holds; empty when not numeric. */
    private static Optional<String> addressKey(String traddr) {
        return NumericAddress.parse(traddr).map(a -> a.isIpv4() ? IPV4_MAPPED_PREFIX + HEX.formatHex(a.bytes()) : HEX.formatHex(a.bytes()));
    }
}
