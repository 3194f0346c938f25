package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The state scripts run for real with {@code /bin/sh} on a temporary runtime directory, with a fake
 * {@code nvme} that records its arguments.
 */
final class StateScriptsTest {
    private static final UnitName UNIT = new UnitName("nvme-discoverd-c7f645736db2.service");
    private static final UnitName OTHER = new UnitName("nvme-discoverd-8020e946960d.service");

    @TempDir
    Path root;
    private Path nvmeArgv;
    private StateScripts scripts;

    @BeforeEach
    void createRuntimeTreeAndFakeNvme() throws IOException {
        Files.createDirectories(root.resolve("run/units"));
        Files.createDirectories(root.resolve("run/controllers"));
        nvmeArgv = root.resolve("nvme-argv");
        // A directory name with a space and a quote: the scripts must quote every path.
        Path bin = Files.createDirectories(root.resolve("bin dir's"));
        Path nvme = Files.writeString(bin.resolve("nvme"),
                "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + nvmeArgv + "'\n");
        Files.setPosixFilePermissions(nvme, PosixFilePermissions.fromString("rwxr-xr-x"));
        scripts = new StateScripts(root.resolve("run").toString(), nvme.toString());
    }

    private Path devid(UnitName unit) {
        return root.resolve("run/units").resolve(unit.devidFileName());
    }

    private Path controllerUnit(String dev) {
        return root.resolve("run/controllers").resolve(dev).resolve("unit");
    }

    private static void run(String script) throws IOException, InterruptedException {
        Process sh = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as(output).isZero();
        assertThat(output).isEmpty();
    }

    private String nvmeCalls() throws IOException {
        return Files.exists(nvmeArgv) ? Files.readString(nvmeArgv) : "";
    }

    @Test
    void afterStartRecordsTheUnitUnderTheDeviceTheConnectorWrote() throws Exception {
        Files.writeString(devid(UNIT), "nvme3\n");
        run(scripts.afterStart(UNIT));
        assertThat(controllerUnit("nvme3")).hasContent("nvme-discoverd-c7f645736db2.service\n");
    }

    @Test
    void afterStartReplacesTheUnitOfARecycledDevice() throws Exception {
        Files.createDirectories(controllerUnit("nvme3").getParent());
        Files.writeString(controllerUnit("nvme3"), OTHER.value() + "\n");
        Files.writeString(devid(UNIT), "nvme3\n");
        run(scripts.afterStart(UNIT));
        assertThat(controllerUnit("nvme3")).hasContent(UNIT.value() + "\n");
    }

    @Test
    void afterStartWritesNothingWithoutAUsableDevidFile() throws Exception {
        run(scripts.afterStart(UNIT));
        for (String content : new String[] {"", "\n", "../../etc\n", "nvme\n", "nvme3x\n", "nvme3/..\n", "sda\n"}) {
            Files.writeString(devid(UNIT), content);
            run(scripts.afterStart(UNIT));
        }
        try (var entries = Files.list(root.resolve("run/controllers"))) {
            assertThat(entries).isEmpty();
        }
        assertThat(root.resolve("run/unit")).doesNotExist();
        assertThat(root.resolve("etc")).doesNotExist();
    }

    @Test
    void stopDisconnectsTheDeviceThatNamesThisUnit() throws Exception {
        Files.writeString(devid(UNIT), "nvme12\n");
        run(scripts.afterStart(UNIT));
        run(scripts.stop(UNIT));
        assertThat(nvmeCalls()).isEqualTo("disconnect -d nvme12\n");
    }

    @Test
    void stopLeavesADeviceThatNowBelongsToAnotherUnit() throws Exception {
        Files.writeString(devid(UNIT), "nvme12\n");
        Files.createDirectories(controllerUnit("nvme12").getParent());
        Files.writeString(controllerUnit("nvme12"), OTHER.value() + "\n");
        run(scripts.stop(UNIT));
        assertThat(nvmeCalls()).isEmpty();
    }

    @Test
    void stopDoesNothingWithoutDevidOrControllerState() throws Exception {
        run(scripts.stop(UNIT));
        Files.writeString(devid(UNIT), "nvme12\n");
        run(scripts.stop(UNIT));
        assertThat(nvmeCalls()).isEmpty();
    }

    @Test
    void afterStopRemovesTheDevidFileAndTheControllerStateOfThisUnit() throws Exception {
        Files.writeString(devid(UNIT), "nvme4\n");
        run(scripts.afterStart(UNIT));
        run(scripts.afterStop(UNIT));
        assertThat(devid(UNIT)).doesNotExist();
        assertThat(controllerUnit("nvme4").getParent()).doesNotExist();
    }

    @Test
    void afterStopKeepsTheControllerStateOfAnotherUnit() throws Exception {
        Files.writeString(devid(UNIT), "nvme4\n");
        Files.createDirectories(controllerUnit("nvme4").getParent());
        Files.writeString(controllerUnit("nvme4"), OTHER.value() + "\n");
        run(scripts.afterStop(UNIT));
        assertThat(devid(UNIT)).doesNotExist();
        assertThat(controllerUnit("nvme4")).hasContent(OTHER.value() + "\n");
    }

    @Test
    void afterStopRemovesAnUnusableDevidFileAndNothingElse() throws Exception {
        Files.writeString(devid(UNIT), "../controllers\n");
        run(scripts.afterStop(UNIT));
        assertThat(devid(UNIT)).doesNotExist();
        assertThat(root.resolve("run/controllers")).isDirectory();
    }

    @Test
    void afterStartRemovesThisUnitsCredentialsAndNoOthersAndAfterStopKeepsThemForARestart() throws Exception {
        StateScripts quoted = new StateScripts(root.resolve("run dir's").toString(), "/usr/sbin/nvme");
        Files.createDirectories(root.resolve("run dir's/units"));
        CredentialFiles files = new CredentialFiles(Path.of("/"), quoted);
        files.write(UNIT, List.of(new Credential("dhchap-secret", new byte[] {'s'}), new Credential("tls-key", new byte[] {'t'})));
        files.write(OTHER, List.of(new Credential("tls-key", new byte[] {'o'})));
        // RestartUnit runs ExecStopPost between its stop and its start: the start still needs them.
        run(quoted.afterStop(UNIT));
        assertThat(Path.of(quoted.credentialFile(UNIT, "tls-key"))).hasContent("t");
        run(quoted.afterStart(UNIT));
        assertThat(Path.of(quoted.credentialDir(UNIT))).doesNotExist();
        assertThat(Path.of(quoted.credentialFile(OTHER, "tls-key"))).hasContent("o");
        // Also when there is no usable devid file, where the rest of the script stops early.
        files.write(UNIT, List.of(new Credential("tls-key", new byte[] {'t'})));
        Files.writeString(Path.of(quoted.devidFile(UNIT)), "../controllers\n");
        run(quoted.afterStart(UNIT));
        assertThat(Path.of(quoted.credentialDir(UNIT))).doesNotExist();
    }

    @Test
    void scriptsUseTheCDaemonsPaths() {
        StateScripts production = new StateScripts(StateScripts.RUNTIME_DIR, "/usr/sbin/nvme");
        assertThat(production.devidFile(UNIT))
                .isEqualTo("/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid");
        assertThat(production.afterStart(UNIT))
                .contains("'/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid'")
                .contains("'/run/nvme/discoverd/controllers/'\"$dev\"/unit");
        assertThat(production.stop(UNIT)).contains("exec '/usr/sbin/nvme' disconnect -d \"$dev\"");
        assertThat(production.afterStart(UNIT))
                .startsWith("rm -rf '/run/nvme/discoverd/credentials/nvme-discoverd-c7f645736db2'\n");
        assertThat(production.afterStop(UNIT)).doesNotContain("credentials");
    }

    @Test
    void quoteKeepsAnyTextOneShellWord() {
        assertThat(StateScripts.quote("a b'c")).isEqualTo("'a b'\\''c'");
    }
}
