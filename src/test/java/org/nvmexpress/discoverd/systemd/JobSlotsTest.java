package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.systemd.JobSlots.Admission;

final class JobSlotsTest {
    private final JobSlots<String, String> slots = new JobSlots<>(2);

    private static String join(String waiting, String newer) {
        return waiting + "+" + newer;
    }

    @Test
    void workBeyondTheLimitWaitsInArrivalOrder() {
        slots.offer("a", "a1", JobSlotsTest::join);
        slots.offer("b", "b1", JobSlotsTest::join);
        slots.offer("c", "c1", JobSlotsTest::join);
        slots.offer("d", "d1", JobSlotsTest::join);
        assertThat(slots.acquire()).contains(Map.entry("a", "a1"));
        assertThat(slots.acquire()).contains(Map.entry("b", "b1"));
        assertThat(slots.acquire()).isEmpty();
        assertThat(slots.inUse()).isEqualTo(2);
        assertThat(slots.waiting()).isEqualTo(2);
        assertThat(slots.release("b")).isTrue();
        assertThat(slots.acquire()).contains(Map.entry("c", "c1"));
        assertThat(slots.acquire()).isEmpty();
        slots.release("a");
        slots.release("c");
        assertThat(slots.acquire()).contains(Map.entry("d", "d1"));
        assertThat(slots.acquire()).isEmpty();
    }

    @Test
    void workForAWaitingKeyJoinsItInItsPlace() {
        assertThat(slots.offer("a", "a1", JobSlotsTest::join)).isEqualTo(Admission.QUEUED);
        assertThat(slots.offer("b", "b1", JobSlotsTest::join)).isEqualTo(Admission.QUEUED);
        assertThat(slots.offer("a", "a2", JobSlotsTest::join)).isEqualTo(Admission.JOINED_WAITING);
        assertThat(slots.waiting()).isEqualTo(2);
        assertThat(slots.acquire()).contains(Map.entry("a", "a1+a2"));
    }

    @Test
    void workForAKeyHoldingASlotIsNotQueued() {
        slots.offer("a", "a1", JobSlotsTest::join);
        slots.acquire();
        assertThat(slots.offer("a", "a2", JobSlotsTest::join)).isEqualTo(Admission.BUSY);
        assertThat(slots.waiting()).isZero();
        assertThat(slots.inUse()).isEqualTo(1);
    }

    @Test
    void aSlotIsReleasedOnceWhateverIsAsked() {
        slots.offer("a", "a1", JobSlotsTest::join);
        slots.acquire();
        assertThat(slots.release("a")).isTrue();
        assertThat(slots.release("a")).isFalse();
        assertThat(slots.release("never")).isFalse();
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void removedWaitingWorkIsNeverIssued() {
        slots.offer("a", "a1", JobSlotsTest::join);
        slots.offer("b", "b1", JobSlotsTest::join);
        assertThat(slots.removeWaiting("a")).isTrue();
        assertThat(slots.acquire()).contains(Map.entry("b", "b1"));
        assertThat(slots.acquire()).isEmpty();
    }
}
