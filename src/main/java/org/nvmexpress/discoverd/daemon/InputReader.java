package org.nvmexpress.discoverd.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.DaemonConfigReader;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.FabricsConfigLoader;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.nbft.BootControllers;
import org.nvmexpress.discoverd.nbft.HostInterfaces;
import org.nvmexpress.discoverd.nbft.NbftProblem;
import org.nvmexpress.discoverd.nbft.NbftReader;
import org.nvmexpress.discoverd.nbft.NbftTable;
import org.nvmexpress.discoverd.nbft.NbftTables;
import org.nvmexpress.discoverd.systemd.JournalEventFields;
import org.nvmexpress.discoverd.systemd.Logging;
import org.nvmexpress.discoverd.tid.TransportId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the desired set is built from, and logs what it found: {@code nvme-discoverd.conf}
 * (applying {@code debug-level} before anything else is logged), the fabrics configuration with
 * each finding as {@code FILE:LINE: ...}, and the NBFTs when {@code nbft = true}. Blocking file
 * I/O: called on a worker (and once by the main thread before the loop starts, for the daemon
 * configuration the adapters are built with).
 *
 * <p>Never fails (reference §15 items 23-24): a fabrics file with an error keeps its last good
 * content ({@link FabricsLastGood}; at start-up, none) and the others apply; {@code
 * nvme-discoverd.conf} never stops anything (a bad line keeps its default and is logged as a
 * warning, §8.1); a {@code --config}
 * file that does not exist gives the defaults with a warning; an unreadable NBFT is reported and
 * the others are used.
 */
final class InputReader {
    private static final Logger LOG = LoggerFactory.getLogger(InputReader.class);

    private final Path root;
    private final Path daemonFile;
    private final boolean daemonFileExplicit;
    private final Path fabricsFile;

    /**
     * @param root               the system root, for the NBFTs and the host interfaces
     * @param daemonFile         {@code nvme-discoverd.conf}
     * @param daemonFileExplicit whether the user named it ({@code --config}), so its absence is worth a warning
     * @param fabricsFile        the main fabrics file; drop-ins are read from {@code fabricsFile.d/}
     */
    InputReader(Path root, Path daemonFile, boolean daemonFileExplicit, Path fabricsFile) {
        this.root = Objects.requireNonNull(root, "root");
        this.daemonFile = Objects.requireNonNull(daemonFile, "daemonFile");
        this.daemonFileExplicit = daemonFileExplicit;
        this.fabricsFile = Objects.requireNonNull(fabricsFile, "fabricsFile");
    }

    /** {@code nvme-discoverd.conf}; its {@code debug-level} is applied at once. */
    DaemonConfig readDaemonConfig() {
        if (daemonFileExplicit && !Files.exists(daemonFile)) {
            LOG.warn("{}: not found, using defaults", daemonFile);
        }
        DaemonConfigReader.Result result = DaemonConfigReader.read(daemonFile, daemonFile.toString());
        DaemonConfig config = result.config();
        Logging.setThreshold(config.debugLevel());
        // All at WARN, invalid values too (which config check counts as errors): the daemon refuses
        // nothing in this file, it skips the line and keeps the default, and the C daemon logs these
        // at WARN (reference §8.1).
        result.diagnostics().forEach(d -> LOG.warn("{}", d.withoutSeverity()));
        LOG.info("{}: debug-level {}, connector {}, nbft {}", daemonFile, config.debugLevel().configName(),
                config.connector().configName(), config.nbft());
        return config;
    }

    /** The fabrics configuration and the boot controllers, with {@code lastGood} standing in for broken files. */
    DaemonInputs read(DaemonConfig daemon, FabricsConfig lastGood) {
        FabricsConfig fresh = FabricsConfigLoader.load(fabricsFile);
        report(fresh.diagnostics());
        FabricsConfig fabrics = FabricsLastGood.merge(fresh, lastGood, fabricsFile.toString());
        for (String file : fresh.rejectedFiles()) {
            int kept = FabricsLastGood.connectionsOf(fabrics, file);
            LOG.error("{}: left out for its errors; {}", file, kept == 0 ? "none of its connections are used"
                    : "keeping its last good content (" + kept + " connection" + plural(kept) + ")");
        }
        logLoaded(fabrics);
        List<String> tables = new ArrayList<>();
        BootControllers boot = daemon.nbft() ? readBoot(tables) : DaemonInputs.NO_BOOT;
        return new DaemonInputs(daemon, fabrics, boot, new DaemonInputs.Read(
                Files.exists(daemonFile) ? Optional.of(daemonFile.toString()) : Optional.empty(),
                daemonDiagnostics(), tables));
    }

    /**
     * The daemon configuration's findings, parsed again without logging: {@code daemon} was read
     * (and its findings logged) before, at start-up by the main thread, and this cheap second parse
     * keeps that path and {@code --dry-run} as they are.
     */
    private List<Diagnostic> daemonDiagnostics() {
        return DaemonConfigReader.read(daemonFile, daemonFile.toString()).diagnostics();
    }

    /** The first configuration: nothing is last good yet. */
    DaemonInputs readFirst(DaemonConfig daemon) {
        return read(daemon, FabricsConfig.EMPTY);
    }

    /** The boot controllers; the tables' names are added to {@code names}. */
    private BootControllers readBoot(List<String> names) {
        NbftTables tables = NbftReader.readAll(root);
        tables.tables().forEach(t -> names.add(t.source()));
        for (NbftProblem problem : tables.rejected()) {
            LOG.warn("{}", problem);
        }
        for (NbftTable table : tables.tables()) {
            table.warnings().forEach(w -> LOG.warn("{}", w));
        }
        BootControllers boot = BootControllers.derive(tables.tables(), new HostInterfaces(root));
        boot.skipped().forEach(s -> LOG.info("{}: no boot controller: {}", s.table(), s));
        LOG.info("{} boot table{} read, {} boot controller{}", tables.tables().size(), plural(tables.tables().size()),
                boot.controllers().size(), plural(boot.controllers().size()));
        return boot;
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
                LOG.debug("{} - configured {} for host name '{}', resolved before it connects", c.source(), c.role(),
                        c.traddr());
            }
        }
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
