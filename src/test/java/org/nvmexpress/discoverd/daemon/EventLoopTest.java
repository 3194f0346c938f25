package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.kernel.FakeClock;
import org.nvmexpress.discoverd.tid.UnitName;

final class EventLoopTest {
    private static final UnitName A = new UnitName("nvme-discoverd-000000000001.service");
    private static final UnitName B = new UnitName("nvme-discoverd-000000000002.service");

    private final TestLoop test = new TestLoop();
    private final List<LoopEvent> handled = new ArrayList<>();
    private final CapturedLog log = new CapturedLog();

    EventLoopTest() {
        test.handler(handled::add);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void postedEventsAreHandledInOrder() {
        test.loop.post(new LoopEvent.Reload());
        test.loop.post(new LoopEvent.Stop("SIGTERM"));
        test.runPending();
        assertThat(handled).containsExactly(new LoopEvent.Reload(), new LoopEvent.Stop("SIGTERM"));
    }

    @Test
    void timersFireAtTheirDeadlinesOnTheVirtualClock() {
        test.loop.schedule(Duration.ofSeconds(2), new Due.Attempt(B));
        test.loop.schedule(Duration.ofSeconds(1), new Due.Attempt(A));
        test.advance(Duration.ofMillis(999));
        assertThat(handled).isEmpty();
        test.advance(Duration.ofMillis(1));
        assertThat(handled).containsExactly(new Due.Attempt(A));
        test.advance(Duration.ofSeconds(5));
        assertThat(handled).containsExactly(new Due.Attempt(A), new Due.Attempt(B));
    }

    @Test
    void timersDueTogetherFireInTheOrderArmed() {
        test.loop.schedule(Duration.ofSeconds(1), new Due.Attempt(B));
        test.loop.schedule(Duration.ofSeconds(1), new Due.Attempt(A));
        test.advance(Duration.ofSeconds(1));
        assertThat(handled).containsExactly(new Due.Attempt(B), new Due.Attempt(A));
    }

    @Test
    void aCancelledTimerNeverFires() {
        test.loop.schedule(Duration.ofSeconds(1), new Due.Attempt(A)).cancel();
        test.advance(Duration.ofMinutes(1));
        assertThat(handled).isEmpty();
        assertThat(test.loop.hasTimers()).isFalse();
    }

    @Test
    void oneBadEventDoesNotEndTheLoop() {
        test.handler(event -> {
            if (event instanceof LoopEvent.Reload) {
                throw new IllegalStateException("boom");
            }
            handled.add(event);
        });
        test.loop.post(new LoopEvent.Reload());
        test.loop.post(new LoopEvent.Stop("SIGTERM"));
        test.runPending();
        assertThat(handled).containsExactly(new LoopEvent.Stop("SIGTERM"));
        assertThat(log.problems()).containsExactly("ERROR handling Reload[] failed; the loop goes on with the next event");
    }

    @Test
    void scheduleFromAnotherThreadIsAnAssertionError() {
        CompletableFuture<Void> foreign = CompletableFuture.runAsync(
                () -> test.loop.schedule(Duration.ZERO, new Due.Status()));
        assertThatThrownBy(foreign::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void trackerFromAnotherThreadIsAnAssertionError() {
        ControllerTracker tracker = new ControllerTracker(test.loop);
        CompletableFuture<Integer> foreign = CompletableFuture.supplyAsync(tracker::size);
        assertThatThrownBy(foreign::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void runDeliversOnItsOwnThreadUntilClosed() throws Exception {
        EventLoop loop = new EventLoop(new FakeClock(), 4);
        List<String> threads = new ArrayList<>();
        Thread runner = new Thread(() -> {
            try {
                loop.run(event -> {
                    threads.add(Thread.currentThread().getName() + " " + loop.inLoop());
                    if (event instanceof LoopEvent.Stop) {
                        loop.close();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loop-under-test");
        runner.start();
        loop.post(new LoopEvent.Reload());
        loop.post(new LoopEvent.Stop("SIGTERM"));
        runner.join();
        assertThat(threads).containsExactly("loop-under-test true", "loop-under-test true");
        assertThat(loop.inLoop()).isFalse();
    }

    @Test
    void aPosterBlockedOnAFullInboxIsReleasedByClose() throws Exception {
        EventLoop loop = new EventLoop(new FakeClock(), 1);
        loop.post(new LoopEvent.Reload());
        Thread poster = new Thread(() -> loop.post(new LoopEvent.Stop("SIGTERM")), "poster");
        poster.start();
        loop.close();
        poster.join();
        assertThat(loop.isClosed()).isTrue();
    }
}
