package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigCheckCommandTest {
    @TempDir
    Path root;

    private final CommandRunner cli = new CommandRunner();

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void cleanConfigurationExitsZero() throws IOException {
        write("etc/nvme/nvme-fabrics.conf", "[Subsystem]\nnqn = nqn.2024-01.com.example:a\ncontroller = transport=tcp;traddr=10.0.0.1\n");
        write("etc/nvme/nvme-discoverd.conf", "[Global]\nnbft = no\n");
        assertThat(cli.run("config", "check", "--root", root.toString())).isZero();
        assertThat(cli.out()).isEqualTo("0 errors, 0 warnings; 1 fabrics file read, 1 connection usable\n");
    }

    @Test
    void errorExitsOneWithFileAndLine() throws IOException {
        Path conf = write("etc/nvme/nvme-fabrics.conf", "[I/O Controller Defaults]\nkeep-alive-tmo = 30   # DC default\n");
        assertThat(cli.run("config", "check", "--root", root.toString())).isEqualTo(1);
        assertThat(cli.out()).startsWith(conf + ":2: error: inline comments are not supported: value of 'keep-alive-tmo'"
                + " is '30   # DC default'\n");
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        Path conf = write("etc/nvme/nvme-fabrics.conf", "[Tuning]\nfoo = bar\n");
        assertThat(cli.run("config", "check", "--root", root.toString())).isZero();
        assertThat(cli.out()).contains(conf + ":1: warning: unknown section [Tuning] ignored");
    }

    @Test
    void daemonConfigInvalidValueIsAnError() throws IOException {
        Path conf = write("etc/nvme/nvme-discoverd.conf", "[Global]\ndebug-level = loud\n[Discovery]\n"
                + "dc-giveup-timeout = 3 dayz\n");
        assertThat(cli.run("config", "check", "--root", root.toString())).isEqualTo(1);
        assertThat(cli.out()).isEqualTo(conf + ":2: error: invalid value for 'debug-level', ignored: 'loud'"
                + " (expected err, warn, info or debug)\n"
                + conf + ":4: error: invalid value for 'dc-giveup-timeout', ignored: '3 dayz' ('z' at character 6 is"
                + " not a number; expected a time span such as 72h, 1h 30min, 90 (seconds), 0 or infinity)\n"
                + "2 errors, 0 warnings; 0 fabrics files read, 0 connections usable\n");
    }

    @Test
    void daemonConfigOlderLayoutAndMisplacedKeysAreWarnings() throws IOException {
        Path conf = write("etc/nvme/nvme-discoverd.conf", "[Global]\nepcsd-poll-interval-minutes = 5\n"
                + "dc-giveup-hours = 12\n[Discovery]\nnbft = no\n");
        assertThat(cli.run("config", "check", "--daemon-config", conf.toString(), "--root", root.toString())).isZero();
        assertThat(cli.out()).isEqualTo(
                conf + ":2: warning: 'epcsd-poll-interval-minutes' in [Global] is deprecated: move it to [Discovery]\n"
                + conf + ":3: warning: 'dc-giveup-hours' is deprecated: use 'dc-giveup-timeout = 12h' in [Discovery]\n"
                + conf + ":5: warning: 'nbft' belongs in [Global], ignored\n"
                + "0 errors, 3 warnings; 0 fabrics files read, 0 connections usable\n");
    }

    @Test
    void explicitFilesDeriveTheirDropInDirectory() throws IOException {
        Path main = write("elsewhere/fabrics.conf", "[Subsystem]\nnqn = nqn.2024-01.com.example:a\n"
                + "controller = transport=tcp;traddr=10.0.0.1\n");
        Path dropIn = write("elsewhere/fabrics.conf.d/b.conf", "[Host]\nhostid = 00000000-0000-0000-0000-000000000000\n");
        Path daemon = write("elsewhere/daemon.conf", "[Global]\n");
        assertThat(cli.run("config", "check", "--fabrics", main.toString(), "--daemon-config", daemon.toString())).isEqualTo(1);
        assertThat(cli.out()).contains(dropIn + ":2: error: invalid hostid").contains("1 connection usable");
    }

    @Test
    void shippedSampleIsValid() {
        Path sample = Path.of("packaging/nvme-fabrics.conf.sample");
        Path daemon = Path.of("packaging/nvme-discoverd.conf");
        assertThat(cli.run("config", "check", "--fabrics", sample.toString(), "--daemon-config", daemon.toString()))
                .as(cli.out()).isZero();
        assertThat(cli.out()).isEqualTo("0 errors, 0 warnings; 2 fabrics files read, 7 connections usable\n");
    }

    /** A file of junk lines prints its first hundred findings, then how many more there are. */
    @Test
    void findingsPastAFilesFirstHundredAreCountedNotPrinted() throws IOException {
        Path conf = write("etc/nvme/nvme-fabrics.conf", "junk\n".repeat(5_000));
        write("etc/nvme/nvme-discoverd.conf", "junk\n".repeat(150));
        Path daemon = root.resolve("etc/nvme/nvme-discoverd.conf");
        assertThat(cli.run("config", "check", "--root", root.toString())).isEqualTo(1);
        assertThat(cli.out().lines()).hasSize(100 + 1 + 100 + 1 + 1)
                .contains(daemon + ": warning: 50 more problems not shown", conf + ": error: 4900 more problems not shown")
                .last().isEqualTo("100 errors, 100 warnings, 4950 more not shown; 1 fabrics file read, 0 connections usable");
    }
}
