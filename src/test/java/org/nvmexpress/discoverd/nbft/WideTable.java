package org.nvmexpress.discoverd.nbft;

import java.util.stream.IntStream;

/**
 * The shape fuzzing found (a valid table): {@code hfis} HFIs and {@code namespaces} SSNS, each SSNS
 * reached through every HFI, every SSNS naming one NQN stored once in the heap. Every SSNS and HFI
 * has its own address, so each pair is its own TID: 255 × 255 of them at most.
 */
final class WideTable {
    /** The longest heap string: a u16 length. */
    static final int LONGEST_STRING = 0xFFFF;

    private WideTable() {
    }

    static byte[] build(int hfis, int namespaces, String nqn) {
        return build(hfis, namespaces, nqn, true);
    }

    /** With {@code distinct} false, every HFI and every SSNS has the same address: one TID, the rest duplicates. */
    static byte[] build(int hfis, int namespaces, String nqn, boolean distinct) {
        NbftTableWriter writer = new NbftTableWriter().shareHeapStrings();
        for (int i = 1; i <= hfis; i++) {
            writer.hfi(new HfiSpec(i).mac(String.format("52:54:00:00:00:%02x", i)).ip("10.0.0." + (distinct ? i : 1), 24));
        }
        int[] secondary = IntStream.rangeClosed(2, hfis).toArray();
        for (int j = 1; j <= namespaces; j++) {
            writer.ssns(new SsnsSpec(j).target("10.1.0." + (distinct ? j : 1), "4420").nqn(nqn).hfis(1, secondary));
        }
        return writer.build();
    }

    /** A well-formed NQN of {@code length} bytes. */
    static String nqn(int length) {
        String prefix = "nqn.2014-08.org.example:";
        return prefix + "x".repeat(length - prefix.length());
    }
}
