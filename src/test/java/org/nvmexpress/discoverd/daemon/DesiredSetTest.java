package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.tid.Role;

final class DesiredSetTest {
    private static final Candidate A = Candidates.configured("transport=tcp;traddr=10.0.0.1;nqn=" + Candidates.VOL1,
            Role.IOC, 3);
    private static final Candidate B = Candidates.configured("transport=tcp;traddr=10.0.0.2;nqn=" + Candidates.VOL1,
            Role.IOC, 4);

    @Test
    void lookupsAreByUnitAndOrderIsKept() {
        DesiredSet set = new DesiredSet(List.of(B, A), List.of(), List.of());

        assertThat(set.inOrder()).containsExactly(B, A);
        assertThat(set.get(A.unit())).contains(A);
        assertThat(set.contains(B.unit())).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void emptySetHasNothing() {
        assertThat(DesiredSet.EMPTY.size()).isZero();
        assertThat(DesiredSet.EMPTY.get(A.unit())).isEmpty();
        assertThat(DesiredSet.EMPTY.unusable()).isEmpty();
        assertThat(DesiredSet.EMPTY.unresolved()).isEmpty();
    }

    @Test
    void aUnitTwiceIsRejected() {
        assertThatThrownBy(() -> new DesiredSet(List.of(A, A), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit appears twice in the desired set: " + A.unit());
    }

    @Test
    void onlyUnusableSkipsAreAccepted() {
        Decision.Skip excluded = Decision.Skip.of(A, SkipReason.EXCLUDED, "excluded by x:1: y", Optional.empty());

        assertThatThrownBy(() -> new DesiredSet(List.of(), List.of(excluded), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXCLUDED");
    }
}
