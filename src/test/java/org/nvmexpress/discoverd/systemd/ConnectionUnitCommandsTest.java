package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.DHCHAP;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.MAIN_VOL;
import static org.nvmexpress.discoverd.systemd.UnitFixtures.params;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/** A unit's commands as a runner without systemd executes them: the properties' commands, unescaped. */
final class ConnectionUnitCommandsTest {
    private static final StateScripts SCRIPTS = new StateScripts(StateScripts.RUNTIME_DIR, "/usr/sbin/nvme");
    private static final UnitName UNIT = new UnitName("nvme-discoverd-c7f645736db2.service");

    private static UnitManagerSettings settings(Connector connector) {
        return new UnitManagerSettings(connector, "/usr/sbin/nvme", "/usr/bin/nvme-discoverctl", 4,
                Duration.ofSeconds(300), Duration.ofSeconds(25), Duration.ofMillis(250), Duration.ofSeconds(10),
                "unix:path=/x", Path.of("/"));
    }

    @Test
    void builtinStartIsTheConnectorCommandLineWithoutTheSecret() {
        UnitRequest request = UnitFixtures.request(MAIN_VOL, Role.IOC, params("ctrl-loss-tmo", "600",
                "kxchap-secret", DHCHAP));
        ConnectionUnitCommands unit = ConnectionUnitCommands.of(settings(Connector.BUILTIN), request);

        assertThat(unit.unit()).isEqualTo(UNIT);
        assertThat(unit.refusal()).isEmpty();
        assertThat(unit.start()).startsWith("/usr/bin/nvme-discoverctl", "connect")
                .contains("--idempotent", "--owner=discoverd",
                        "--devid-file=/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid")
                .noneMatch(arg -> arg.contains(DHCHAP));
        assertThat(unit.credentials()).containsExactly(
                new Credential("dhchap-secret", DHCHAP.getBytes(StandardCharsets.UTF_8)));
    }

    /** The scripts as the shell must get them: systemd's {@code $$} escape undone. */
    @Test
    void scriptsAreTheStateScriptsUnescaped() {
        ConnectionUnitCommands unit = ConnectionUnitCommands.of(settings(Connector.BUILTIN), UnitFixtures.mainVol());

        assertThat(unit.afterStart()).containsExactly("/bin/sh", "-c", SCRIPTS.afterStart(UNIT));
        assertThat(unit.stop()).containsExactly("/bin/sh", "-c", SCRIPTS.stop(UNIT));
        assertThat(unit.afterStop()).containsExactly("/bin/sh", "-c", SCRIPTS.afterStop(UNIT));
        assertThat(SCRIPTS.stop(UNIT)).contains("${dev#nvme}");
        assertThat(unit.credentials()).isEmpty();
    }

    @Test
    void nvmeCliWithALiteralSecretIsRefusedAndHasNoCommands() {
        UnitRequest request = UnitFixtures.request(MAIN_VOL, Role.IOC, params("kxchap-secret", DHCHAP));
        ConnectionUnitCommands unit = ConnectionUnitCommands.of(settings(Connector.NVME_CLI), request);

        assertThat(unit.refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("'kxchap-secret'")
                .doesNotContain(DHCHAP));
        assertThatThrownBy(unit::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(unit::afterStop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void autoMustBeResolvedFirst() {
        assertThatThrownBy(() -> ConnectionUnitCommands.of(settings(Connector.AUTO), UnitFixtures.mainVol()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unescapeUndoesLiteral() {
        String text = "a $b ${c#d} $$e $";
        assertThat(ConnectionUnitCommands.unescape(ExecCommand.literal(text))).isEqualTo(text);
    }
}
