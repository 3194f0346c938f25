package org.nvmexpress.discoverd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DeviceNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"nvme1/../../etc", "../nvme1", "nvme", "nvme1a", "", "/dev/nvme1", "NVME1", "nvme 1",
            "nvme12345678901", "nvme1\n", ".nvme1.tmp.abc"})
    void deviceNameRejectsAnythingButNvmeAndDigits(String name) {
        assertThatThrownBy(() -> new DeviceName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid device name '" + name + "': expected 'nvme' followed by up to 10 digits, e.g. nvme3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nvme0", "nvme3", "nvme4294967295", "nvme007"})
    void deviceNameAcceptsKernelNames(String name) {
        assertThat(new DeviceName(name).value()).isEqualTo(name);
        assertThat(DeviceName.isValid(name)).isTrue();
    }

    @Test
    void deviceNamesSortByInstanceNumber() {
        List<DeviceName> names = new ArrayList<>(List.of(new DeviceName("nvme10"), new DeviceName("nvme2"),
                new DeviceName("nvme1"), new DeviceName("nvme100")));
        Collections.sort(names);
        assertThat(names).extracting(DeviceName::value).containsExactly("nvme1", "nvme2", "nvme10", "nvme100");
    }
}
