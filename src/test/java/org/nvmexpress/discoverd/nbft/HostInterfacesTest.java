package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HostInterfacesTest {
    private static final byte[] MAC = {0x52, 0x54, 0x00, (byte) 0xb8, 0x19, (byte) 0xb9};
    private static final String MAC_TEXT = "52:54:00:b8:19:b9";

    @TempDir
    Path root;

    @Test
    void findReturnsTheInterfaceWithTheMac() throws IOException {
        netInterface("lo", "00:00:00:00:00:00");
        netInterface("eth0", "52:54:00:aa:bb:01");
        netInterface("eth1", MAC_TEXT);

        assertThat(new HostInterfaces(root).find(MAC, 0)).hasValue("eth1");
    }

    @Test
    void findComparesTheMacWithoutRegardToCase() throws IOException {
        netInterface("eth1", "52:54:00:B8:19:B9");

        assertThat(new HostInterfaces(root).find(MAC, 0)).hasValue("eth1");
    }

    @Test
    void findReturnsTheVlanDeviceWithTheVlanId() throws IOException {
        netInterface("eth1", MAC_TEXT);
        vlanInterface("eth1.100", MAC_TEXT, 100);
        vlanInterface("eth1.200", MAC_TEXT, 200);

        HostInterfaces interfaces = new HostInterfaces(root);

        assertThat(interfaces.find(MAC, 100)).hasValue("eth1.100");
        assertThat(interfaces.find(MAC, 200)).hasValue("eth1.200");
        assertThat(interfaces.find(MAC, 300)).isEmpty();
    }

    /** "a.100" sorts before "eth1": the VLAN device must lose on its kind, not on its name. */
    @Test
    void findPrefersTheUntaggedInterfaceForVlanZero() throws IOException {
        vlanInterface("a.100", MAC_TEXT, 100);
        netInterface("eth1", MAC_TEXT);

        assertThat(new HostInterfaces(root).find(MAC, 0)).hasValue("eth1");
    }

    @Test
    void findFallsBackToAVlanDeviceForVlanZeroWhenNothingElseHasTheMac() throws IOException {
        vlanInterface("eth1.100", MAC_TEXT, 100);

        assertThat(new HostInterfaces(root).find(MAC, 0)).hasValue("eth1.100");
    }

    @Test
    void findNeverReturnsAnUntaggedInterfaceForAVlan() throws IOException {
        netInterface("eth1", MAC_TEXT);

        assertThat(new HostInterfaces(root).find(MAC, 100)).isEmpty();
    }

    @Test
    void findDecidesBetweenInterfacesWithTheSameMacByName() throws IOException {
        netInterface("eth1", MAC_TEXT);
        netInterface("bond0", MAC_TEXT);
        netInterface("eth0", MAC_TEXT);

        assertThat(new HostInterfaces(root).find(MAC, 0)).hasValue("bond0");
    }

    @Test
    void findSkipsAVlanDeviceWhoseFileNamesNoId() throws IOException {
        netInterface("eth1.100", MAC_TEXT);
        write("proc/net/vlan/eth1.100", "garbage\n");

        assertThat(new HostInterfaces(root).find(MAC, 100)).isEmpty();
        assertThat(new HostInterfaces(root).find(MAC, 0)).hasValue("eth1.100");
    }

    @Test
    void findMatchesNothingForAnAllZeroMac() throws IOException {
        netInterface("lo", "00:00:00:00:00:00");

        assertThat(new HostInterfaces(root).find(new byte[6], 0)).isEmpty();
    }

    @Test
    void findIsEmptyWithoutSysfs() {
        assertThat(new HostInterfaces(root.resolve("missing")).find(MAC, 0)).isEmpty();
        assertThat(new HostInterfaces(root).find(MAC, 100)).isEmpty();
    }

    @Test
    void findSkipsWhatIsNotAReadableInterface() throws IOException {
        write("sys/class/net/bonding_masters", "bond0\n");
        Files.createDirectories(root.resolve("sys/class/net/dir-address/address"));
        netInterface("ib0", "80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0b:28:b1");
        netInterface("junk", "52:54:00:b8:19:zz");
        netInterface("short", "52:54:00:b8:19");
        netInterface("z9", MAC_TEXT);

        assertThat(new HostInterfaces(root).find(MAC, 0)).hasValue("z9");
    }

    @Test
    void findRejectsAMacOfTheWrongLength() {
        assertThatThrownBy(() -> new HostInterfaces(root).find(new byte[8], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mac must be 6 bytes: 8");
    }

    @Test
    void findRejectsAVlanOutsideTheHfiField() {
        assertThatThrownBy(() -> new HostInterfaces(root).find(MAC, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vlan out of range: -1");
        assertThatThrownBy(() -> new HostInterfaces(root).find(MAC, 0x10000))
                .hasMessage("vlan out of range: 65536");
    }

    @Test
    void parseMacReadsTheSysfsSpelling() {
        assertThat(HostInterfaces.parseMac(MAC_TEXT + "\n")).hasValueSatisfying(m -> assertThat(m).isEqualTo(MAC));
        assertThat(HostInterfaces.parseMac("52:54:0:b8:19:b9")).hasValueSatisfying(m -> assertThat(m).isEqualTo(MAC));
        assertThat(HostInterfaces.parseMac("52:54:00:b8:19:b9:00")).isEmpty();
        assertThat(HostInterfaces.parseMac("52:54:00:b8:19:")).isEmpty();
        assertThat(HostInterfaces.parseMac("52:54:00:b8:19:1b9")).isEmpty();
    }

    private void netInterface(String name, String address) throws IOException {
        write("sys/class/net/" + name + "/address", address + "\n");
    }

    /** The kernel's /proc/net/vlan/IFACE layout (net/8021q/vlanproc.c). */
    private void vlanInterface(String name, String address, int vid) throws IOException {
        netInterface(name, address);
        write("proc/net/vlan/" + name, name + "  VID: " + vid + "\t REF: 1\n"
                + "      total frames received            0\n"
                + "Device: eth1\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
