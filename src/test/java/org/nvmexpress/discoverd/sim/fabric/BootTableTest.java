package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.nbft.BootController;
import org.nvmexpress.discoverd.nbft.BootControllers;
import org.nvmexpress.discoverd.nbft.HostInterfaces;
import org.nvmexpress.discoverd.nbft.NbftHfi;
import org.nvmexpress.discoverd.nbft.NbftReader;
import org.nvmexpress.discoverd.nbft.NbftSubsystemNamespace;
import org.nvmexpress.discoverd.nbft.NbftTable;
import org.nvmexpress.discoverd.nbft.NbftTables;
import org.nvmexpress.discoverd.tid.Role;

final class BootTableTest {
    private static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080";
    private static final String HOSTID = "46ba5037-7ce5-41fa-9452-48477bf00080";
    private static final String BOOT = "nqn.2024-01.com.example:boot";

    private static final Fabric FABRIC = parse("""
            {
              "ports": [
                {"name": "a1", "transport": "tcp", "traddr": "192.168.100.10", "trsvcid": "4420"},
                {"name": "a2", "transport": "tcp", "traddr": "fd00:100::10", "trsvcid": "4421"},
                {"name": "r1", "transport": "rdma", "traddr": "10.0.0.10", "trsvcid": "4420"}
              ],
              "subsystems": [{"nqn": "nqn.2024-01.com.example:boot", "ports": ["a1", "a2", "r1"]}],
              "boot": {"subsystem": "nqn.2024-01.com.example:boot", "port": "a1", "host-ip": "192.168.100.2"}
            }
            """);

    private static Fabric parse(String text) {
        try {
            return FabricFile.parse(text, "fabric.json");
        } catch (FabricFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Writes the table where the daemon looks for it and reads it back as the daemon does. */
    private static NbftTables written(Path root, byte[] table) throws Exception {
        Path tables = root.resolve(NbftReader.TABLES_DIRECTORY);
        Files.createDirectories(tables);
        Files.write(tables.resolve("NBFT1"), table);
        return NbftReader.readAll(root);
    }

    @Test
    void encodeWritesATableTheRealParserReadsWithoutWarnings(@TempDir Path root) throws Exception {
        byte[] bytes = BootTable.encode(FABRIC, FABRIC.boot().orElseThrow(), HOSTNQN, HOSTID);

        NbftTables tables = written(root, bytes);

        assertThat(tables.rejected()).isEmpty();
        NbftTable table = tables.tables().get(0);
        assertThat(table.warnings()).isEmpty();
        assertThat(table.host().nqn()).isEqualTo(HOSTNQN);
        assertThat(table.host().idText()).isEqualTo(HOSTID);
        assertThat(table.hfis()).hasSize(1);
        NbftHfi hfi = table.hfis().get(0);
        assertThat(hfi.tcpInfo().ipAddress().canonical()).isEqualTo("192.168.100.2");
        assertThat(hfi.tcpInfo().subnetMaskPrefix()).isEqualTo(24);
        assertThat(hfi.tcpInfo().dhcpServer()).isEmpty();
        assertThat(table.subsystemNamespaces()).hasSize(1);
        NbftSubsystemNamespace ssns = table.subsystemNamespaces().get(0);
        assertThat(ssns.traddr().canonical()).isEqualTo("192.168.100.10");
        assertThat(ssns.trsvcid()).isEqualTo("4420");
        assertThat(ssns.nqn()).isEqualTo(BOOT);
        assertThat(ssns.hfis()).containsExactly(hfi);
        assertThat(ssns.discovery()).isEmpty();
        assertThat(ssns.security()).isEmpty();
        assertThat(table.discoveryControllers()).isEmpty();
    }

    @Test
    void theDaemonsDerivationGivesExactlyTheBootController(@TempDir Path root) throws Exception {
        NbftTables tables = written(root, BootTable.encode(FABRIC, FABRIC.boot().orElseThrow(), HOSTNQN, HOSTID));

        BootControllers boot = BootControllers.derive(tables.tables(), new HostInterfaces(root));

        assertThat(boot.skipped()).isEmpty();
        assertThat(boot.controllers()).hasSize(1);
        BootController c = boot.controllers().get(0);
        assertThat(c.role()).isEqualTo(Role.IOC);
        assertThat(c.tid().canonical())
                .isEqualTo("transport=tcp;traddr=192.168.100.10;trsvcid=4420;nqn=" + BOOT + ";host-traddr=192.168.100.2");
        assertThat(c.hostnqn()).isEqualTo(HOSTNQN);
        assertThat(c.hostid()).contains(HOSTID);
        assertThat(c.hostIface()).isEmpty();
        assertThat(c.owner()).isEqualTo("nbft");
    }

    @Test
    void encodeWritesAnIpv6BootPathWithASlash64(@TempDir Path root) throws Exception {
        BootPath v6 = new BootPath(BOOT, "a2", "fd00:100::2");

        NbftTables tables = written(root, BootTable.encode(FABRIC, v6, HOSTNQN, HOSTID));

        NbftTable table = tables.tables().get(0);
        assertThat(table.hfis().get(0).tcpInfo().subnetMaskPrefix()).isEqualTo(64);
        List<BootController> controllers = BootControllers.derive(tables.tables(), new HostInterfaces(root)).controllers();
        assertThat(controllers).extracting(c -> c.tid().canonical())
                .containsExactly("transport=tcp;traddr=fd00:100::10;trsvcid=4421;nqn=" + BOOT + ";host-traddr=fd00:100::2");
    }

    @Test
    void encodeRefusesWhatNoNbftCanSay() {
        assertThatThrownBy(() -> BootTable.encode(FABRIC, new BootPath(BOOT, "r1", "10.0.0.2"), HOSTNQN, HOSTID))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an NBFT boots over tcp, the port r1 is rdma");
        assertThatThrownBy(() -> BootTable.encode(FABRIC, new BootPath(BOOT, "z9", "10.0.0.2"), HOSTNQN, HOSTID))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no port named z9");
        assertThatThrownBy(() -> BootTable.encode(FABRIC, FABRIC.boot().orElseThrow(), HOSTNQN, "not-a-uuid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the host ID is not a UUID: not-a-uuid");
        assertThatThrownBy(() -> BootTable.encode(FABRIC, new BootPath(BOOT, "a1", "host.example"), HOSTNQN, HOSTID))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a numeric IP address: host.example");
    }

    @Test
    void fabricWithoutBootHasNoBootPath() {
        assertThat(parse("{\"ports\": []}").boot()).isEqualTo(Optional.empty());
    }
}
