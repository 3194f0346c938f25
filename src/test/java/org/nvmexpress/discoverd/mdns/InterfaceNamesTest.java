package org.nvmexpress.discoverd.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class InterfaceNamesTest {
    private final List<Integer> asked = new ArrayList<>();
    private final Map<Integer, String> known = new java.util.HashMap<>(Map.of(2, "eth0"));
    private final InterfaceNames<RuntimeException> names = new InterfaceNames<>(index -> {
        asked.add(index);
        return Optional.ofNullable(known.get(index));
    });

    @Test
    void knownIndexAskedOnce() throws Exception {
        assertThat(names.nameOf(2)).isEqualTo("eth0");
        assertThat(names.nameOf(2)).isEqualTo("eth0");
        assertThat(asked).containsExactly(2);
    }

    @Test
    void unknownIndexNamedByNumberAndAskedAgainLater() throws Exception {
        assertThat(names.nameOf(7)).isEqualTo("if7");
        known.put(7, "ens7");
        assertThat(names.nameOf(7)).isEqualTo("ens7");
        assertThat(asked).containsExactly(7, 7);
    }

    @Test
    void clearForgetsNamesSoARenamedInterfaceIsSeen() throws Exception {
        names.nameOf(2);
        known.put(2, "lan0");
        names.clear();
        assertThat(names.nameOf(2)).isEqualTo("lan0");
    }

    @Test
    void emptyNameCountsAsUnknown() throws Exception {
        known.put(3, "");
        assertThat(names.nameOf(3)).isEqualTo("if3");
    }
}
