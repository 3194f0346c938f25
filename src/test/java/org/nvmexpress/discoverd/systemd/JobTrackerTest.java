package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.tid.UnitName;

final class JobTrackerTest {
    private static final UnitName A = new UnitName("nvme-discoverd-c7f645736db2.service");
    private static final UnitName B = new UnitName("nvme-discoverd-8020e946960d.service");
    private static final String JOB1 = "/org/freedesktop/systemd1/job/1";
    private static final String JOB2 = "/org/freedesktop/systemd1/job/2";

    private final JobTracker tracker = new JobTracker(2);

    @Test
    void aRecordedJobIsMatchedByItsPath() {
        tracker.callStarted(A);
        assertThat(tracker.replied(A, JOB1)).isEmpty();
        assertThat(tracker.units()).containsExactly(A);
        assertThat(tracker.jobRemoved(JOB2, A.value(), "done")).isEmpty();
        assertThat(tracker.jobRemoved(JOB1, A.value(), "failed")).contains(A);
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void aJobRemovedBeforeTheReplyIsMatchedWhenTheReplyArrives() {
        tracker.callStarted(A);
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).isEmpty();
        assertThat(tracker.replied(A, JOB1)).contains("done");
        assertThat(tracker.outstanding()).isZero();
        assertThat(tracker.earlyJobPaths()).isEmpty();
    }

    @Test
    void signalsOfUnitsWithoutACallInFlightAreNotKept() {
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).isEmpty();
        assertThat(tracker.jobRemoved(JOB2, "ssh.service", "done")).isEmpty();
        assertThat(tracker.earlyJobPaths()).isEmpty();
        tracker.callStarted(A);
        assertThat(tracker.replied(A, JOB1)).as("the old signal was not kept").isEmpty();
    }

    @Test
    void theEarlyBufferIsBoundedOldestFirst() {
        tracker.callStarted(A);
        tracker.jobRemoved("/j/1", A.value(), "done");
        tracker.jobRemoved("/j/2", A.value(), "done");
        tracker.jobRemoved("/j/3", A.value(), "canceled");
        assertThat(tracker.earlyJobPaths()).containsExactly("/j/2", "/j/3");
        assertThat(tracker.replied(A, "/j/3")).contains("canceled");
        assertThat(tracker.earlyJobPaths()).as("stale signals of A are dropped with its reply").isEmpty();
    }

    @Test
    void aFailedCallDropsTheSignalsKeptForItsUnit() {
        tracker.callStarted(A);
        tracker.callStarted(B);
        tracker.jobRemoved(JOB1, A.value(), "done");
        tracker.jobRemoved(JOB2, B.value(), "done");
        tracker.callFailed(A);
        assertThat(tracker.earlyJobPaths()).containsExactly(JOB2);
    }

    @Test
    void forgetDropsEveryJobOfTheUnit() {
        tracker.callStarted(A);
        tracker.replied(A, JOB1);
        tracker.callStarted(A);
        tracker.replied(A, JOB2);
        tracker.callStarted(B);
        tracker.replied(B, "/j/3");
        assertThat(tracker.forget(A)).isEqualTo(2);
        assertThat(tracker.units()).containsExactly(B);
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).isEmpty();
    }

    @Test
    void aLostReplyKeepsTheUnitAwaitedUntilItsJobIsAdopted() {
        tracker.callStarted(A);
        tracker.replyLost(A);
        assertThat(tracker.units()).containsExactly(A);
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).as("kept as early").isEmpty();
        assertThat(tracker.adopt(A, JOB1)).contains("done");
        assertThat(tracker.units()).isEmpty();
        assertThat(tracker.replyWasLost(A)).isFalse();
    }

    @Test
    void forgetCountsLostReplies() {
        tracker.callStarted(A);
        tracker.replyLost(A);
        assertThat(tracker.forget(A)).isEqualTo(1);
        assertThat(tracker.units()).isEmpty();
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).isEmpty();
        assertThat(tracker.earlyJobPaths()).as("no longer awaited").isEmpty();
    }
}
