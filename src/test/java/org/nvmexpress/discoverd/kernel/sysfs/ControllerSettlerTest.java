package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.kernel.FakeClock;
import org.nvmexpress.discoverd.registry.DeviceName;

final class ControllerSettlerTest {
    private static final DeviceName NVME4 = new DeviceName("nvme4");
    private static final ControllerAddress ADDRESS = new ControllerAddress("192.168.1.20", "4420", null, null, null, Map.of());

    private final FakeClock clock = new FakeClock();

    private static ControllerReading.Found reading(String transport, ControllerAddress address, String subsysnqn,
            String state) {
        return new ControllerReading.Found(new LiveController(NVME4, transport, address, subsysnqn,
                RecordedControllers.HOSTNQN, null, "io", state, null), List.of());
    }

    private static final ControllerReading.Found BARE = reading("tcp", ControllerAddress.EMPTY, null, "new");
    private static final ControllerReading.Found PARTIAL = reading("tcp", ADDRESS, null, "connecting");
    private static final ControllerReading.Found POPULATED = reading("tcp", ADDRESS, RecordedControllers.VOL1, "live");

    private SettledController settle(FakeSysfs sysfs, int maxReads) throws InterruptedException {
        return new ControllerSettler(sysfs, clock, maxReads, Duration.ofMillis(50)).await(NVME4);
    }

    @Test
    void awaitReturnsAtOnceWithoutPausingWhenAlreadyPopulated() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(List.of(POPULATED));
        assertThat(settle(sysfs, 20)).isEqualTo(new SettledController.Populated(POPULATED, 1));
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void awaitRereadsAfterShortPausesUntilPopulated() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(List.of(BARE, PARTIAL, POPULATED));
        long start = clock.nowNanos();
        assertThat(settle(sysfs, 20)).isEqualTo(new SettledController.Populated(POPULATED, 3));
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
        assertThat(clock.nowNanos() - start).isEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void awaitGivesUpAfterTheLastReadAndSaysWhatIsMissing() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(List.of(BARE, PARTIAL));
        SettledController settled = settle(sysfs, 5);
        assertThat(settled).isEqualTo(new SettledController.Incomplete(PARTIAL, 5, List.of("subsysnqn")));
        assertThat(sysfs.reads()).isEqualTo(5);
        assertThat(clock.sleeps()).isEqualTo(Collections.nCopies(4, Duration.ofMillis(50)));
    }

    @Test
    void awaitStopsWhenTheControllerVanishes() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(List.of(BARE, new ControllerReading.Gone(NVME4)));
        assertThat(settle(sysfs, 20)).isEqualTo(new SettledController.Vanished(NVME4, 2));
        assertThat(sysfs.reads()).isEqualTo(2);
    }

    @Test
    void defaultsWaitAtMostAboutTheSecondUpstreamAlwaysWaits() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(List.of(BARE));
        long start = clock.nowNanos();
        SettledController settled = new ControllerSettler(sysfs, clock).await(NVME4);
        assertThat(settled.reads()).isEqualTo(ControllerSettler.DEFAULT_READS);
        assertThat(clock.nowNanos() - start).isEqualTo(Duration.ofMillis(950).toNanos());
    }

    @Test
    void constructorRejectsNonsensicalBounds() {
        FakeSysfs sysfs = new FakeSysfs(List.of(BARE));
        assertThatThrownBy(() -> new ControllerSettler(sysfs, clock, 0, Duration.ZERO))
                .hasMessage("maxReads must be at least 1: 0");
        assertThatThrownBy(() -> new ControllerSettler(sysfs, clock, 1, Duration.ofMillis(-1)))
                .hasMessage("interval must not be negative: PT-0.001S");
    }
}
