package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.registry.DeviceName;

final class LiveControllerTest {
    private static final DeviceName NVME1 = new DeviceName("nvme1");
    private static final ControllerAddress ADDRESS = ControllerAddress.parse("traddr=10.0.0.1,trsvcid=4420").address();

    private static LiveController live(String transport, ControllerAddress address, String subsysnqn,
            String cntrltype, String state) {
        return new LiveController(NVME1, transport, address, subsysnqn, null, null, cntrltype, state, null);
    }

    @Test
    void discoveryIsCntrltypeOrElseTheWellKnownNqn() {
        assertThat(live("tcp", ADDRESS, "nqn.x", "discovery", "live").isDiscovery()).isTrue();
        assertThat(live("tcp", ADDRESS, RecordedControllers.WELL_KNOWN, "io", "live").isDiscovery()).isFalse();
        assertThat(live("tcp", ADDRESS, RecordedControllers.WELL_KNOWN, null, "live").isDiscovery()).isTrue();
        assertThat(live("tcp", ADDRESS, RecordedControllers.UNIQUE_DC_NQN, null, "live").isDiscovery()).isFalse();
    }

    @Test
    void missingAttributesNamesWhatIsNotPopulatedYet() {
        assertThat(live(null, ControllerAddress.EMPTY, null, null, null).missingAttributes())
                .containsExactly("transport", "address", "subsysnqn", "state");
        assertThat(live("tcp", ADDRESS, "nqn.x", null, "live").missingAttributes()).isEmpty();
    }

    @Test
    void missingAttributesDoesNotWaitForTheAddressOfALoopController() {
        assertThat(live("loop", ControllerAddress.EMPTY, "nqn.x", null, "live").isPopulated()).isTrue();
    }
}
