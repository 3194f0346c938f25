package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.tid.UnitName;

/** Our property values in dbus-java's forms; the bytes on the wire are checked by the integration tests. */
final class SystemdWireTest {

    @Test
    void everyValueTypeCarriesItsSignature() {
        assertThat(SystemdWire.variant(new PropertyValue.Text("oneshot")).getSig()).isEqualTo("s");
        assertThat(SystemdWire.variant(new PropertyValue.Flag(true)).getValue()).isEqualTo(true);
        Variant<?> usec = SystemdWire.variant(new PropertyValue.UInt64(300_000_000L));
        assertThat(usec.getSig()).isEqualTo("t");
        assertThat(usec.getValue()).isEqualTo(new UInt64(300_000_000L));
        assertThat(SystemdWire.variant(new PropertyValue.TextList(List.of("a"))).getSig()).isEqualTo("as");
    }

    @Test
    void commandsAndCredentialsBecomeStructs() {
        Variant<?> commands = SystemdWire.variant(new PropertyValue.Commands(
                List.of(new ExecCommand("/bin/sh", List.of("/bin/sh", "-c", "true"), true))));
        assertThat(commands.getSig()).isEqualTo("a(sasb)");
        assertThat((List<?>) commands.getValue()).singleElement()
                .isEqualTo(new Object[] {"/bin/sh", List.of("/bin/sh", "-c", "true"), true});
        Variant<?> credentials = SystemdWire.variant(new PropertyValue.CredentialPaths(
                List.of(new PropertyValue.CredentialPath("tls-key", "/run/x/tls-key"))));
        assertThat(credentials.getSig()).isEqualTo("a(ss)");
        assertThat((List<?>) credentials.getValue()).singleElement().isEqualTo(new Object[] {"tls-key", "/run/x/tls-key"});
    }

    @Test
    void propertiesKeepTheirOrder() {
        List<Object[]> wire = SystemdWire.properties(List.of(new UnitProperty("Type", new PropertyValue.Text("oneshot")),
                new UnitProperty("RemainAfterExit", new PropertyValue.Flag(true))));
        assertThat(wire).extracting(entry -> entry[0]).containsExactly("Type", "RemainAfterExit");
    }

    @Test
    void theJobIsReadFromTheJobStruct() throws BusCallException {
        assertThat(SystemdWire.job(new Object[] {new UInt32(0), new DBusPath("/")})).isEmpty();
        assertThat(SystemdWire.job(List.of(new UInt32(42), new DBusPath("/org/freedesktop/systemd1/job/42"))))
                .contains("/org/freedesktop/systemd1/job/42");
        assertThatThrownBy(() -> SystemdWire.job("nonsense")).isInstanceOf(BusCallException.class)
                .hasMessage("unexpected reply: [nonsense]");
    }

    @Test
    void listedUnitsAreReadAndForeignNamesLeftOut() throws BusCallException {
        Object[] ours = {"nvme-discoverd-c7f645736db2.service", "NVMe I/O Controller …", "loaded", "activating", "start",
            "", new DBusPath("/org/freedesktop/systemd1/unit/x"), new UInt32(7), "start",
            new DBusPath("/org/freedesktop/systemd1/job/7")};
        Object[] foreign = {"nvme-discoverd-extra.service", "", "loaded", "active", "exited", "",
            new DBusPath("/u"), new UInt32(0), "", new DBusPath("/")};
        assertThat(SystemdWire.listedUnits(new Object[] {List.of(ours, foreign)})).containsExactly(new ListedUnit(
                new UnitName("nvme-discoverd-c7f645736db2.service"), "activating", "start", true));
        assertThatThrownBy(() -> SystemdWire.listedUnits(new Object[] {List.of(new Object[] {"x"})}))
                .isInstanceOf(BusCallException.class).hasMessage("unexpected reply: [x]");
    }
}
