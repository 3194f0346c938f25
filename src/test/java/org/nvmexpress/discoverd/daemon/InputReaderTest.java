package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.LogLevel;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.systemd.JournalEventFields;
import org.slf4j.LoggerFactory;

final class InputReaderTest {
    private static final String MAIN_VOL = "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\n"
            + "controller = transport=tcp;traddr=10.0.0.9\n";
    private static final String OTHER_VOL = "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:other-vol\n"
            + "controller = transport=tcp;traddr=10.0.0.10\n";
    private static final String BROKEN = "keep-alive-tmo = 30   # inline\n";

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();
    private final CapturedLog log = new CapturedLog();
    @TempDir
    Path etc;

    @AfterEach
    void detach() {
        log.close();
        root.setLevel(rootLevel);
    }

    private InputReader reader(Path daemon, boolean explicit) {
        return new InputReader(etc, daemon, explicit, etc.resolve("nvme-fabrics.conf"));
    }

    private DaemonConfig noNbft() {
        return DaemonConfig.DEFAULTS.withNbft(false);
    }

    @Test
    void readAppliesDebugLevelThenLogsEachConnectionWithItsFields() throws Exception {
        Path daemon = Files.writeString(etc.resolve("nvme-discoverd.conf"), "[Global]\ndebug-level = debug\nnbft = maybe\n");
        Path fabrics = Files.writeString(etc.resolve("nvme-fabrics.conf"),
                MAIN_VOL + "controller = transport=tcp;traddr=storage.example.com\n");
        InputReader reader = reader(daemon, false);
        DaemonConfig config = reader.readDaemonConfig();
        reader.readFirst(config.withNbft(false));

        assertThat(config.debugLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(log.lines()).containsExactly(
                "WARN " + daemon + ":3: invalid value for 'nbft', ignored: 'maybe' (expected one of 1 yes y true t on 0 no n false f off)",
                "INFO " + daemon + ": debug-level debug, connector auto, nbft true",
                "INFO " + fabrics + ": 1 file read, 2 connections configured",
                "DEBUG (tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol) - configured IOC from " + fabrics
                        + ":3, unit nvme-discoverd-c7f645736db2.service",
                "DEBUG " + fabrics + ":4 - configured IOC for host name 'storage.example.com', resolved before it connects");
        assertThat(log.fieldsOf("configured IOC from")).containsExactly(
                java.util.Map.entry(JournalEventFields.TID, "(tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol)"),
                java.util.Map.entry(JournalEventFields.UNIT, "nvme-discoverd-c7f645736db2.service"));
    }

    @Test
    void readDaemonConfigWarnsWhenTheNamedFileIsMissing() {
        Path missing = etc.resolve("other.conf");
        assertThat(reader(missing, true).readDaemonConfig().debugLevel()).isEqualTo(LogLevel.INFO);
        assertThat(log.lines()).startsWith("WARN " + missing + ": not found, using defaults");
    }

    @Test
    void readIsQuietWhenTheDefaultFilesAreMissing() {
        InputReader reader = reader(etc.resolve("nvme-discoverd.conf"), false);
        reader.readFirst(reader.readDaemonConfig().withNbft(false));
        assertThat(log.lines()).allMatch(line -> line.startsWith("INFO "));
    }

    @Test
    void startupLeavesOutABrokenFileAndUsesTheOthers() throws Exception {
        Files.writeString(etc.resolve("nvme-fabrics.conf"), MAIN_VOL);
        Path dropIn = Files.writeString(Files.createDirectories(etc.resolve("nvme-fabrics.conf.d")).resolve("b.conf"),
                OTHER_VOL + BROKEN);
        DaemonInputs inputs = reader(etc.resolve("none.conf"), false).readFirst(noNbft());
        assertThat(inputs.fabrics().connections()).extracting(ResolvedConnection::traddr).containsExactly("10.0.0.9");
        assertThat(log.problems()).last().isEqualTo("ERROR " + dropIn + ": left out for its errors; none of its"
                + " connections are used");
    }

    @Test
    void reloadKeepsABrokenFilesLastGoodContentAndTakesTheRest() throws Exception {
        Path main = Files.writeString(etc.resolve("nvme-fabrics.conf"), MAIN_VOL);
        Path dropIn = Files.writeString(Files.createDirectories(etc.resolve("nvme-fabrics.conf.d")).resolve("b.conf"),
                OTHER_VOL);
        InputReader reader = reader(etc.resolve("none.conf"), false);
        DaemonInputs first = reader.readFirst(noNbft());
        Files.writeString(main, MAIN_VOL + "controller = transport=tcp;traddr=10.0.0.11\n");
        Files.writeString(dropIn, OTHER_VOL + BROKEN);
        log.clear();

        DaemonInputs reloaded = reader.read(noNbft(), first.fabrics());
        assertThat(reloaded.fabrics().connections()).extracting(ResolvedConnection::traddr)
                .containsExactly("10.0.0.9", "10.0.0.11", "10.0.0.10");
        assertThat(log.problems()).last().isEqualTo("ERROR " + dropIn + ": left out for its errors; keeping its last"
                + " good content (1 connection)");
    }

    @Test
    void readWithNbftOffReadsNoTables() throws Exception {
        DaemonInputs inputs = reader(etc.resolve("none.conf"), false).readFirst(noNbft());
        assertThat(inputs.boot().controllers()).isEmpty();
    }
}
