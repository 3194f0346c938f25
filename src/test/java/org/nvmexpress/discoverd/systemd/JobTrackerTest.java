package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.systemd.JobTracker.Match;
import org.nvmexpress.discoverd.tid.UnitName;

final class JobTrackerTest {
    private static final UnitName A = new UnitName("nvme-discoverd-c7f645736db2.service");
    private static final UnitName B = new UnitName("nvme-discoverd-8020e946960d.service");
    private static final String JOB1 = "/org/freedesktop/systemd1/job/1";
    private static final String JOB2 = "/org/freedesktop/systemd1/job/2";

    private final JobTracker tracker = new JobTracker(2);

    @Test
    void aRecordedJobIsMatchedByItsPathAndItsUnit() {
        tracker.callStarted(A);
        assertThat(tracker.replied(A, JOB1)).isEqualTo(JobTracker.WAITING);
        assertThat(tracker.unsettled()).containsExactly(A);
        assertThat(tracker.jobRemoved(JOB2, A.value(), "done")).isEmpty();
        assertThat(tracker.jobRemoved(JOB1, B.value(), "done")).as("the path, but another unit").isEmpty();
        assertThat(tracker.jobRemoved(JOB1, A.value(), "failed")).contains(A);
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void aSecondCallForAUnitInFlightIsABug() {
        tracker.callStarted(A);
        assertThatThrownBy(() -> tracker.callStarted(A)).isInstanceOf(AssertionError.class)
                .hasMessage("a second call for " + A + " while one is in flight");
    }

    @Test
    void onePathHeldForTwoUnitsEndsEachOnceBySignalsNamingIt() {
        tracker.callStarted(A);
        tracker.callStarted(B);
        tracker.replied(A, JOB1);
        tracker.replied(B, JOB1);
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).contains(A);
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).as("A's flight is over").isEmpty();
        assertThat(tracker.outstanding()).isEqualTo(1);
        assertThat(tracker.jobRemoved(JOB1, B.value(), "done")).contains(B);
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void theSamePathForAUnitJobAfterJobIsMatchedEachTime() {
        for (int i = 0; i < 3; i++) {
            tracker.callStarted(A);
            tracker.replied(A, JOB1);
            assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).contains(A);
        }
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void aJobRemovedBeforeTheReplyIsMatchedWhenTheReplyArrives() {
        tracker.callStarted(A);
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).isEmpty();
        assertThat(tracker.replied(A, JOB1)).isEqualTo(new Match.Ended("done"));
        assertThat(tracker.outstanding()).isZero();
        assertThat(tracker.earlyJobPaths()).isEmpty();
    }

    @Test
    void signalsOfUnitsWithoutACallInFlightAreNotKept() {
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).isEmpty();
        assertThat(tracker.jobRemoved(JOB2, "ssh.service", "done")).isEmpty();
        assertThat(tracker.earlyJobPaths()).isEmpty();
        tracker.callStarted(A);
        assertThat(tracker.replied(A, JOB1)).as("the old signal was not kept").isEqualTo(JobTracker.WAITING);
    }

    @Test
    void theEarlyBufferIsBoundedOldestFirst() {
        tracker.callStarted(A);
        tracker.jobRemoved("/j/1", A.value(), "done");
        tracker.jobRemoved("/j/2", A.value(), "done");
        tracker.jobRemoved("/j/3", A.value(), "canceled");
        assertThat(tracker.earlyJobPaths()).containsExactly("/j/2", "/j/3");
        assertThat(tracker.replied(A, "/j/3")).isEqualTo(new Match.Ended("canceled"));
        assertThat(tracker.earlyJobPaths()).as("stale signals of A are dropped with its reply").isEmpty();
    }

    @Test
    void aFailedCallDropsTheSignalsKeptForItsUnit() {
        tracker.callStarted(A);
        tracker.callStarted(B);
        tracker.jobRemoved(JOB1, A.value(), "done");
        tracker.jobRemoved(JOB2, B.value(), "done");
        assertThat(tracker.forget(A)).isTrue();
        assertThat(tracker.earlyJobPaths()).containsExactly(JOB2);
        assertThat(tracker.forget(A)).isFalse();
    }

    @Test
    void aLostReplyIsSettledByTheJobSystemdReportsAndItsEarlySignal() {
        tracker.callStarted(A);
        tracker.replyLost(A);
        assertThat(tracker.unsettled()).containsExactly(A);
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).as("kept as early").isEmpty();
        assertThat(tracker.settle(A, Optional.of(JOB1))).isEqualTo(new Match.Ended("done"));
        assertThat(tracker.unsettled()).isEmpty();
    }

    @Test
    void withoutAJobSystemdReportsTheFlightIsOver() {
        tracker.callStarted(A);
        tracker.replyLost(A);
        assertThat(tracker.settle(A, Optional.empty())).isEqualTo(JobTracker.NO_JOB);
        assertThat(tracker.outstanding()).isZero();
        assertThat(tracker.settle(A, Optional.empty())).isEqualTo(JobTracker.UNTRACKED);
    }

    @Test
    void aCallStillAwaitingItsReplyIsNotAskedAbout() {
        tracker.callStarted(A);
        tracker.callStarted(B);
        tracker.replied(B, JOB2);
        assertThat(tracker.unsettled()).containsExactly(B);
    }

    @Test
    void aProbedJobReplacedMeanwhileIsFollowedToItsEnd() {
        tracker.callStarted(A);
        tracker.replied(A, JOB1);
        tracker.probe(A);
        assertThat(tracker.jobRemoved(JOB2, A.value(), "done")).as("A's new job, seen before systemd's answer")
                .isEmpty();
        assertThat(tracker.settle(A, Optional.of(JOB2))).isEqualTo(new Match.Ended("done"));
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).as("the old job is no longer A's").isEmpty();
    }

    @Test
    void aJobSystemdStillReportsKeepsItsFlight() {
        tracker.callStarted(A);
        tracker.replied(A, JOB1);
        tracker.probe(A);
        assertThat(tracker.settle(A, Optional.of(JOB1))).isEqualTo(JobTracker.WAITING);
        tracker.jobRemoved(JOB2, A.value(), "done");
        assertThat(tracker.earlyJobPaths()).as("no longer probing").isEmpty();
        assertThat(tracker.jobRemoved(JOB1, A.value(), "done")).contains(A);
    }
}
