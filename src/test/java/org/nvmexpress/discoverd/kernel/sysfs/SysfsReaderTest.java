package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.registry.DeviceName;

final class SysfsReaderTest {
    private static final DeviceName NVME1 = new DeviceName("nvme1");

    @TempDir
    Path root;

    private SysfsTree tree;
    private SysfsReader sysfs;

    @BeforeEach
    void setUp() {
        tree = new SysfsTree(root);
        sysfs = new SysfsReader(root);
    }

    private ControllerReading.Found found(DeviceName device) {
        ControllerReading reading = sysfs.controller(device);
        assertThat(reading).isInstanceOf(ControllerReading.Found.class);
        return (ControllerReading.Found) reading;
    }

    @Test
    void controllersAreListedByInstanceNumber() throws Exception {
        for (String name : new String[] {"nvme10", "nvme2", "nvme0", "nvme-fabrics", "nvme1n1", ".hidden"}) {
            Files.createDirectories(root.resolve("sys/class/nvme").resolve(name));
        }
        assertThat(sysfs.controllers()).extracting(DeviceName::value).containsExactly("nvme0", "nvme2", "nvme10");
    }

    @Test
    void controllersWithoutTheClassDirectoryAreNone() throws Exception {
        assertThat(sysfs.controllers()).isEmpty();
    }

    @Test
    void controllersThatCannotBeListedFailNamingTheDirectory() throws Exception {
        Files.createDirectories(root.resolve("sys/class"));
        Files.writeString(root.resolve("sys/class/nvme"), "not a directory");
        assertThatThrownBy(() -> sysfs.controllers())
                .isInstanceOf(SysfsException.class)
                .hasMessage(root.resolve("sys/class/nvme") + ": cannot list controllers: Not a directory");
    }

    @Test
    void controllerReadsEveryAttribute() throws Exception {
        tree.controller("nvme1", RecordedControllers.TCP_6_1_UNIQUE_DC);
        ControllerReading.Found reading = found(NVME1);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.controller()).isEqualTo(new LiveController(NVME1, "tcp",
                new ControllerAddress("192.168.1.30", "8009", null, null, "192.168.1.5", Map.of()),
                RecordedControllers.UNIQUE_DC_NQN, RecordedControllers.HOSTNQN, RecordedControllers.HOSTID,
                "discovery", "live", "cdc"));
    }

    @Test
    void controllerOfAnOlderKernelLacksTheNewerAttributes() throws Exception {
        tree.controller("nvme1", RecordedControllers.TCP_5_10);
        LiveController live = found(NVME1).controller();
        assertThat(live.cntrltype()).isNull();
        assertThat(live.dctype()).isNull();
        assertThat(live.address().srcAddr()).isNull();
        assertThat(live.isPopulated()).isTrue();
    }

    /** 6.1 while a new controller is still connecting: its subsystem is not known yet. */
    @Test
    void subsysnqnOfAControllerNotYetIdentifiedIsAbsentSoItIsNotSettled() throws Exception {
        tree.controller("nvme1", RecordedControllers.TCP_6_1)
                .rawAttribute("nvme1", "subsysnqn", "(efault)\n".getBytes(StandardCharsets.US_ASCII))
                .rawAttribute("nvme1", "state", "connecting\n".getBytes(StandardCharsets.US_ASCII));
        ControllerReading.Found reading = found(NVME1);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.controller().subsysnqn()).isNull();
        assertThat(reading.controller().isPopulated()).isFalse();
        assertThat(SysfsReader.subsysnqn("(null)")).isNull();
        assertThat(SysfsReader.subsysnqn("nqn.2014-08.org.nvmexpress:x")).isEqualTo("nqn.2014-08.org.nvmexpress:x");
    }

    @Test
    void controllerThatIsNotThereIsGone() {
        assertThat(sysfs.controller(NVME1)).isEqualTo(new ControllerReading.Gone(NVME1));
    }

    @Test
    void controllerWithBadAttributesReportsEachAndKeepsTheRest() throws Exception {
        tree.controller("nvme1", RecordedControllers.TCP_6_1)
                .rawAttribute("nvme1", "hostnqn", "nqn\0evil\n".getBytes(StandardCharsets.US_ASCII))
                .rawAttribute("nvme1", "address", "traddr=192.168.1.20,junk,trsvcid=4420\n".getBytes(StandardCharsets.US_ASCII));
        Files.delete(tree.controllerDir("nvme1").resolve("state"));
        Files.createDirectory(tree.controllerDir("nvme1").resolve("state"));
        ControllerReading.Found reading = found(NVME1);
        assertThat(reading.problems()).extracting(AttributeProblem::toString).containsExactly(
                "nvme1: address: field 2 'junk' is not key=value, skipped",
                "nvme1: hostnqn: control character 0x00 at byte offset 3",
                "nvme1: state: cannot read: Is a directory");
        LiveController live = reading.controller();
        assertThat(live.hostnqn()).isNull();
        assertThat(live.state()).isNull();
        assertThat(live.address().traddr()).isEqualTo("192.168.1.20");
        assertThat(live.address().trsvcid()).isEqualTo("4420");
        assertThat(live.subsysnqn()).isEqualTo(RecordedControllers.VOL1);
    }

    @Test
    void controllerWithoutAddressHasTheEmptyAddress() throws Exception {
        tree.controller("nvme1", RecordedControllers.without(RecordedControllers.TCP_6_1, "address"));
        LiveController live = found(NVME1).controller();
        assertThat(live.address()).isSameAs(ControllerAddress.EMPTY);
        assertThat(live.missingAttributes()).containsExactly("address");
    }

    @Test
    void ueventSeqnumIsRead() throws Exception {
        tree.ueventSeqnum("4711\n");
        assertThat(sysfs.ueventSeqnum()).isEqualTo(4711L);
    }

    @Test
    void ueventSeqnumThatIsMissingOrNotANumberFails() throws Exception {
        Path file = root.resolve("sys/kernel/uevent_seqnum");
        assertThatThrownBy(() -> sysfs.ueventSeqnum())
                .hasMessage(file + ": missing or empty (is sysfs mounted?)");
        tree.ueventSeqnum("-1\n");
        assertThatThrownBy(() -> sysfs.ueventSeqnum()).hasMessage(file + ": not a sequence number: '-1'");
        tree.ueventSeqnum("99999999999999999999\n");
        assertThatThrownBy(() -> sysfs.ueventSeqnum())
                .hasMessage(file + ": sequence number out of range: 99999999999999999999");
        tree.ueventSeqnum("12\0\n");
        assertThatThrownBy(() -> sysfs.ueventSeqnum())
                .isInstanceOf(SysfsException.class)
                .hasMessage(file + ": control character 0x00 at byte offset 2");
    }

    @Test
    void thisHostsSysfsReadsWithoutProblems() throws Exception {
        Path seqnum = Path.of("/sys/kernel/uevent_seqnum");
        assumeThat(Files.isReadable(seqnum)).as("sysfs mounted at /sys").isTrue();
        SysfsReader host = new SysfsReader(Path.of("/"));
        assertThat(host.ueventSeqnum()).isPositive();
        for (DeviceName device : host.controllers()) {
            ControllerReading reading = host.controller(device);
            if (reading instanceof ControllerReading.Found found) {
                assertThat(found.problems()).as("problems reading %s", device).isEmpty();
            }
        }
    }
}
