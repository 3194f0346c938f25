package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerAddress;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;

final class ControllerTrackerTest {
    private static final DeviceName NVME3 = new DeviceName("nvme3");
    private final TestLoop test = new TestLoop();
    private final ControllerTracker tracker = new ControllerTracker(test.loop);
    private final ConnectionIdentityMatcher matcher = new ConnectionIdentityMatcher(Optional.empty());

    @Test
    void trackIndexesByUnitAndCountsByState() {
        TrackedController a = tracker.track(IoControllers.configured("10.0.0.1"), ControllerState.WAITING);
        tracker.track(IoControllers.configured("10.0.0.2"), ControllerState.WAITING);
        tracker.setState(a, ControllerState.CONNECTED);
        assertThat(tracker.get(a.unit())).containsSame(a);
        assertThat(tracker.counts()).isEqualTo(Map.of(ControllerState.CONNECTED, 1, ControllerState.WAITING, 1));
    }

    @Test
    void trackTwiceIsABug() {
        tracker.track(IoControllers.configured("10.0.0.1"), ControllerState.WAITING);
        assertThatThrownBy(() -> tracker.track(IoControllers.configured("10.0.0.1"), ControllerState.WAITING))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void linkMovesADeviceNameToItsNewController() {
        TrackedController a = tracker.track(IoControllers.configured("10.0.0.1"), ControllerState.CONNECTED);
        TrackedController b = tracker.track(IoControllers.configured("10.0.0.2"), ControllerState.CONNECTED);
        tracker.link(a, NVME3);
        assertThat(tracker.link(b, NVME3)).containsSame(a);
        assertThat(a.device()).isEmpty();
        assertThat(tracker.byDevice(NVME3)).containsSame(b);
    }

    @Test
    void forgetDropsEveryIndexAndCount() {
        TrackedController a = tracker.track(IoControllers.configured("10.0.0.1"), ControllerState.CONNECTED);
        tracker.link(a, NVME3);
        tracker.forget(a);
        assertThat(tracker.byDevice(NVME3)).isEmpty();
        assertThat(tracker.get(a.unit())).isEmpty();
        assertThat(tracker.counts()).isEmpty();
        assertThat(tracker.realisedBy(live("10.0.0.1"), this::realises)).isEmpty();
    }

    @Test
    void realisedByFindsTheControllerALiveOneConnects() {
        IntStream.range(0, 10_000).forEach(i -> tracker.track(
                IoControllers.configured("10.1." + i / 250 + "." + i % 250), ControllerState.STARTING));
        TrackedController wanted = tracker.get(IoControllers.tid("10.1.39.249").unitName()).orElseThrow();
        assertThat(tracker.realisedBy(live("10.1.39.249"), this::realises)).containsSame(wanted);
        assertThat(tracker.realisedBy(live("10.2.0.1"), this::realises)).isEmpty();
    }

    private boolean realises(Candidate candidate, LiveController live) {
        return matcher.match(candidate.tid(), candidate.role(), live).matches();
    }

    static LiveController live(String traddr) {
        ControllerAddress address = ControllerAddress.parse("traddr=" + traddr + ",trsvcid=4420").address();
        return new LiveController(NVME3, "tcp", address, IoControllers.NQN, "nqn.host", null, "io", "live", null);
    }
}
