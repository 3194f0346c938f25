package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class JobSlotsTest {
    private final JobSlots<String> slots = new JobSlots<>(2);

    @Test
    void workBeyondTheLimitWaitsInArrivalOrder() {
        slots.enqueue("a");
        slots.enqueue("b");
        slots.enqueue("c");
        slots.enqueue("d");
        assertThat(slots.acquire()).contains("a");
        assertThat(slots.acquire()).contains("b");
        assertThat(slots.acquire()).isEmpty();
        assertThat(slots.inUse()).isEqualTo(2);
        assertThat(slots.waiting()).isEqualTo(2);
        slots.release(1);
        assertThat(slots.acquire()).contains("c");
        assertThat(slots.acquire()).isEmpty();
        slots.release(2);
        assertThat(slots.acquire()).contains("d");
        assertThat(slots.acquire()).isEmpty();
    }

    @Test
    void removedWaitingWorkIsNeverIssued() {
        slots.enqueue("a");
        slots.enqueue("b");
        slots.removeWaiting("a"::equals);
        assertThat(slots.acquire()).contains("b");
        assertThat(slots.acquire()).isEmpty();
    }

    @Test
    void releasingMoreThanIsInUseIsABug() {
        assertThatThrownBy(() -> slots.release(1)).isInstanceOf(AssertionError.class)
                .hasMessage("releasing 1 slots with 0 in use");
    }
}
