package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;

final class SysfsTidTest {
    @TempDir
    Path root;

    private LiveController read(Map<String, String> attributes) throws IOException {
        new SysfsTree(root).controller("nvme1", attributes);
        return ((ControllerReading.Found) new SysfsReader(root).controller(new DeviceName("nvme1"))).controller();
    }

    @Test
    void fromSysfsDoesNotTakeSrcAddrForAPin() throws IOException {
        assertThat(SysfsTid.fromSysfs(read(RecordedControllers.TCP_6_1)).canonical()).isEqualTo(
                "transport=tcp;traddr=192.168.1.20;trsvcid=4420;nqn=" + RecordedControllers.VOL1
                        + ";hostnqn=" + RecordedControllers.HOSTNQN);
    }

    @Test
    void fromSysfsTakesHostIfaceFromTheAddress() throws IOException {
        assertThat(SysfsTid.fromSysfs(read(RecordedControllers.TCP_6_1_PINNED)).canonical()).isEqualTo(
                "transport=tcp;traddr=192.168.1.20;trsvcid=4420;nqn=" + RecordedControllers.VOL1
                        + ";host-traddr=192.168.1.5;host-iface=eth0;hostnqn=" + RecordedControllers.HOSTNQN);
    }

    @Test
    void fromSysfsCanonicalisesAddresses() throws IOException {
        assertThat(SysfsTid.fromSysfs(read(RecordedControllers.TCP_IPV6)).traddr()).isEqualTo("2001:db8::20");
        assertThat(SysfsTid.fromSysfs(read(RecordedControllers.FC)).compact()).isEqualTo(
                "(fc, nn-0x20000090FA942779:pn-0x10000090FA942779, " + RecordedControllers.VOL1
                        + ", nn-0x20000090fae0b5f5:pn-0x10000090fae0b5f5)");
    }

    @Test
    void fromSysfsDefaultsTheServiceIdByRole() throws IOException {
        Map<String, String> dcWithoutPort = RecordedControllers.with(RecordedControllers.TCP_6_1_DC, "address",
                "traddr=192.168.1.30\n");
        assertThat(SysfsTid.fromSysfs(read(dcWithoutPort)).trsvcid()).isEqualTo("8009");
    }

    @Test
    void fromSysfsNamesTheDeviceWhenItCannotDescribeIt() throws IOException {
        assertThatThrownBy(() -> SysfsTid.fromSysfs(read(RecordedControllers.without(RecordedControllers.TCP_6_1, "address"))))
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessage("nvme1: no traddr in address, cannot describe it as a TID");
        Map<String, String> hostname = RecordedControllers.with(RecordedControllers.TCP_6_1, "address",
                "traddr=storage.example.com,trsvcid=4420\n");
        assertThatThrownBy(() -> SysfsTid.fromSysfs(read(hostname)))
                .isInstanceOf(InvalidTransportIdException.class)
                .hasMessage("nvme1: traddr 'storage.example.com' is not a numeric IPv4 or IPv6 address (transport tcp)");
    }
}
