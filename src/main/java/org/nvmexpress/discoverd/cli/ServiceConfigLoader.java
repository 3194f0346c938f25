package org.nvmexpress.discoverd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.DaemonConfigReader;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.FabricsConfigLoader;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.systemd.JournalEventFields;
import org.nvmexpress.discoverd.systemd.Logging;
import org.nvmexpress.discoverd.tid.TransportId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the daemon's two configurations and logs what it found: each finding as a warning or
 * error ({@code FILE:LINE: ...}), a summary, and at debug level each configured connection with
 * its {@code NVME_TID} and {@code NVME_UNIT}. Applies {@code debug-level} before logging the rest.
 *
 * <p>Never fails (reference §15 items 23-24 fixed): at start-up a fabrics file with an error is
 * left out and the others apply; on reload, a fabrics configuration with any error is not taken
 * and the last good one stays. {@code nvme-discoverd.conf} never stops anything (a bad line keeps its
 * default and is logged as a warning, reference §8.1), so its new content always applies; a
 * {@code --config} file that does not exist gives the defaults with a warning instead of stopping
 * the daemon.
 */
final class ServiceConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceConfigLoader.class);

    private final Path daemonFile;
    private final boolean daemonFileExplicit;
    private final Path fabricsFile;

    /**
     * @param daemonFile         {@code nvme-discoverd.conf}
     * @param daemonFileExplicit whether the user named it ({@code --config}), so its absence is worth a warning
     * @param fabricsFile        the main fabrics file; drop-ins are read from {@code fabricsFile.d/}
     */
    ServiceConfigLoader(Path daemonFile, boolean daemonFileExplicit, Path fabricsFile) {
        this.daemonFile = Objects.requireNonNull(daemonFile, "daemonFile");
        this.daemonFileExplicit = daemonFileExplicit;
        this.fabricsFile = Objects.requireNonNull(fabricsFile, "fabricsFile");
    }

    /** The configuration at start-up: whatever is valid. */
    ServiceConfig load() {
        DaemonConfig daemon = readDaemonConfig();
        FabricsConfig fabrics = FabricsConfigLoader.load(fabricsFile);
        report(fabrics.diagnostics());
        logLoaded(fabrics);
        return new ServiceConfig(daemon, fabrics);
    }

    /** The configuration after a reload: the new one, or {@code lastGood}'s fabrics part when the new one has errors. */
    ServiceConfig reload(ServiceConfig lastGood) {
        DaemonConfig daemon = readDaemonConfig();
        FabricsConfig fabrics = FabricsConfigLoader.load(fabricsFile);
        report(fabrics.diagnostics());
        if (fabrics.hasErrors()) {
            LOG.error("{}: {} error{} in the fabrics configuration; keeping the last good one ({} connection{})",
                    fabricsFile, fabrics.errors().size(), plural(fabrics.errors().size()),
                    lastGood.fabrics().connections().size(), plural(lastGood.fabrics().connections().size()));
            return new ServiceConfig(daemon, lastGood.fabrics());
        }
        logLoaded(fabrics);
        return new ServiceConfig(daemon, fabrics);
    }

    private DaemonConfig readDaemonConfig() {
        if (daemonFileExplicit && !Files.exists(daemonFile)) {
            LOG.warn("{}: not found, using defaults", daemonFile);
        }
        DaemonConfigReader.Result result = DaemonConfigReader.read(daemonFile, daemonFile.toString());
        DaemonConfig config = result.config();
        Logging.setThreshold(config.debugLevel());
        // All at WARN, invalid values too (which config check counts as errors): the daemon refuses
        // nothing in this file, it skips the line and keeps the default, and the C daemon logs these
        // at WARN (reference §8.1).
        for (Diagnostic d : result.diagnostics()) {
            LOG.warn("{}", d.withoutSeverity());
        }
        LOG.info("{}: debug-level {}, connector {}, nbft {}", daemonFile, config.debugLevel().configName(),
                config.connector().configName(), config.nbft());
        return config;
    }

    private static void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                LOG.error("{}", d.withoutSeverity());
            } else {
                LOG.warn("{}", d.withoutSeverity());
            }
        }
    }

    private void logLoaded(FabricsConfig fabrics) {
        int count = fabrics.connections().size();
        LOG.info("{}: {} file{} read{}, {} connection{} configured", fabricsFile, fabrics.files().size(),
                plural(fabrics.files().size()), fabrics.rejectedFiles().isEmpty() ? ""
                        : " (" + fabrics.rejectedFiles().size() + " left out for errors)", count, plural(count));
        for (ResolvedConnection c : fabrics.connections()) {
            Optional<TransportId> tid = c.tid();
            if (tid.isPresent()) {
                LOG.atDebug().addKeyValue(JournalEventFields.TID, tid.get().compact())
                        .addKeyValue(JournalEventFields.UNIT, tid.get().unitName().value())
                        .log("{} - configured {} from {}, unit {}", tid.get().compact(), c.role(), c.source(),
                                tid.get().unitName().value());
            } else {
                LOG.debug("{} - configured {} for host name '{}', resolved when it connects", c.source(), c.role(),
                        c.traddr());
            }
        }
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
