package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.LogLevel;
import org.nvmexpress.discoverd.systemd.JournalEventFields;
import org.slf4j.LoggerFactory;

final class ServiceConfigLoaderTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(ServiceConfigLoader.class);
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    @TempDir
    Path etc;

    ServiceConfigLoaderTest() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
        root.setLevel(rootLevel);
    }

    private List<String> lines() {
        return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void loadAppliesDebugLevelThenLogsEachConnectionWithItsFields() throws Exception {
        Path daemon = Files.writeString(etc.resolve("nvme-discoverd.conf"), "[Global]\ndebug-level = debug\nnbft = maybe\n");
        Path fabrics = Files.writeString(etc.resolve("nvme-fabrics.conf"),
                "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\ncontroller = transport=tcp;traddr=10.0.0.9\n"
                        + "controller = transport=tcp;traddr=storage.example.com\n");
        ServiceConfig config = new ServiceConfigLoader(daemon, false, fabrics).load();

        assertThat(config.daemon().debugLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(lines()).containsExactly(
                "WARN " + daemon + ":3: invalid value for 'nbft', ignored: 'maybe' (expected one of 1 yes y true t on 0 no n false f off)",
                "INFO " + daemon + ": debug-level debug, connector auto, nbft true",
                "INFO " + fabrics + ": 1 file read, 2 connections configured",
                "DEBUG (tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol) - configured IOC from " + fabrics
                        + ":3, unit nvme-discoverd-c7f645736db2.service",
                "DEBUG " + fabrics + ":4 - configured IOC for host name 'storage.example.com', resolved when it connects");
        assertThat(log.list.get(3).getKeyValuePairs()).extracting(p -> p.key + "=" + p.value).containsExactly(
                JournalEventFields.TID + "=(tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol)",
                JournalEventFields.UNIT + "=nvme-discoverd-c7f645736db2.service");
    }

    @Test
    void loadWarnsWhenTheNamedConfigIsMissing() {
        Path missing = etc.resolve("other.conf");
        ServiceConfig config = new ServiceConfigLoader(missing, true, etc.resolve("nvme-fabrics.conf")).load();
        assertThat(config.daemon().debugLevel()).isEqualTo(LogLevel.INFO);
        assertThat(lines()).startsWith("WARN " + missing + ": not found, using defaults");
    }

    @Test
    void loadIsQuietWhenTheDefaultConfigIsMissing() {
        new ServiceConfigLoader(etc.resolve("nvme-discoverd.conf"), false, etc.resolve("nvme-fabrics.conf")).load();
        assertThat(lines()).allMatch(line -> line.startsWith("INFO "));
    }

    @Test
    void reloadAppliesANewDaemonConfigEvenWhenFabricsKeepsTheLastGood() throws Exception {
        Path daemon = etc.resolve("nvme-discoverd.conf");
        Path fabrics = Files.writeString(etc.resolve("nvme-fabrics.conf"),
                "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\ncontroller = transport=tcp;traddr=10.0.0.9\n");
        ServiceConfigLoader loader = new ServiceConfigLoader(daemon, false, fabrics);
        ServiceConfig first = loader.load();
        Files.writeString(daemon, "[Global]\ndebug-level = warn\n");
        Files.writeString(fabrics, "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\ncontroller = transport=tcp;traddr=10.0.0.9\nkeep-alive-tmo = 30   # inline\n");
        log.list.clear();

        ServiceConfig reloaded = loader.reload(first);
        assertThat(reloaded.fabrics()).isSameAs(first.fabrics());
        assertThat(reloaded.daemon().debugLevel()).isEqualTo(LogLevel.WARN);
        assertThat(lines()).last().isEqualTo("ERROR " + fabrics
                + ": 1 error in the fabrics configuration; keeping the last good one (1 connection)");
    }

    @Test
    void statusCountsConfiguredConnectionsAsWaiting() throws Exception {
        Path fabrics = Files.writeString(etc.resolve("nvme-fabrics.conf"),
                "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:main-vol\ncontroller = transport=tcp;traddr=10.0.0.9\n");
        ServiceConfig config = new ServiceConfigLoader(etc.resolve("none.conf"), false, fabrics).load();
        assertThat(config.status().text()).isEqualTo("1 controller: 0 connected, 0 retrying, 1 waiting");
    }
}
