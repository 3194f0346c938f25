package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.daemon.Daemon;
import org.nvmexpress.discoverd.daemon.DaemonInputs;
import org.nvmexpress.discoverd.daemon.Decision;
import org.nvmexpress.discoverd.daemon.DesiredSet;
import org.nvmexpress.discoverd.daemon.DesiredSetBuilder;
import org.nvmexpress.discoverd.daemon.HostResolver;
import org.nvmexpress.discoverd.daemon.HostSnapshot;
import org.nvmexpress.discoverd.daemon.HostSurvey;
import org.nvmexpress.discoverd.daemon.Reconciler;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.kernel.sysfs.HostNqnFile;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsReader;
import org.nvmexpress.discoverd.nbft.BootControllers;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.systemd.ConnectCommandPreview;
import org.nvmexpress.discoverd.systemd.UnitManagerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nvme-discoverd --dry-run}: every decision the daemon's first reconciliation would make on
 * this host, printed as JSON Lines ({@link DecisionJson}), and nothing done. It reads what the
 * daemon reads at start-up, all under the root: {@code nvme-discoverd.conf}, the fabrics
 * configuration, the NBFTs (only with {@code nbft = true}), {@code /etc/nvme/hostnqn}, sysfs, the
 * registry, the runtime state and the exclusion lists; it resolves host names; then it runs
 * {@link Reconciler#plan}, the code the daemon runs. No D-Bus, no writes, no ioctls; with
 * {@code connector = auto} it runs {@code nvme connect --help} once, as the daemon does. Bad input
 * is a {@code skip} line, never an error exit. Logs go to stderr, stdout has the lines and nothing
 * else.
 */
final class DryRun {
    private static final Logger LOG = LoggerFactory.getLogger(DryRun.class);
    /** Where the packages install the built-in connector's launcher. */
    static final String LAUNCHER_PATH = "/usr/bin/nvme-discoverctl";

    private final Path root;
    private final Path daemonFile;
    private final boolean daemonFileExplicit;
    private final Path fabricsFile;
    private final HostResolver resolver;

    /**
     * @param root               the system root
     * @param daemonFile         {@code nvme-discoverd.conf}
     * @param daemonFileExplicit whether {@code --config} named it
     * @param fabricsFile        the main fabrics file
     * @param resolver           resolves configured host names
     */
    DryRun(Path root, Path daemonFile, boolean daemonFileExplicit, Path fabricsFile, HostResolver resolver) {
        this.root = Objects.requireNonNull(root, "root");
        this.daemonFile = Objects.requireNonNull(daemonFile, "daemonFile");
        this.daemonFileExplicit = daemonFileExplicit;
        this.fabricsFile = Objects.requireNonNull(fabricsFile, "fabricsFile");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Prints the decisions to {@code out}; 0 unless stdout fails. */
    int run(PrintWriter out) {
        // Read as the daemon reads them at start-up, with the same log lines.
        DaemonInputs loaded = Daemon.readInputs(root, daemonFile, daemonFileExplicit, fabricsFile);
        DaemonConfig config = loaded.daemon();
        List<Decision> plan = plan(loaded.fabrics(), loaded.boot());
        ObjectMapper mapper = new ObjectMapper();
        DecisionJson json = new DecisionJson(mapper, () -> ConnectCommandPreview.of(
                UnitManagerSettings.of(config, LAUNCHER_PATH, System.getenv())));
        try {
            for (Decision decision : plan) {
                out.println(mapper.writeValueAsString(json.toJson(decision)));
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError("a tree of strings always serialises", e);
        }
        out.flush();
        if (out.checkError()) {
            LOG.error("cannot write to stdout");
            return Commands.EXIT_FAILURE;
        }
        LOG.info("dry run: {} decision{}, nothing done", plan.size(), plan.size() == 1 ? "" : "s");
        return 0;
    }

    /** The first reconciliation's decisions for these configurations and everything else under the root. */
    private List<Decision> plan(FabricsConfig fabrics, BootControllers boot) {
        Map<String, String> resolved = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        resolve(fabrics, resolved, errors);
        DesiredSet desired = DesiredSetBuilder.build(fabrics, boot, resolved, errors);
        HostSnapshot host = new HostSurvey(root, new SysfsReader(root), new Registry(root), new ExclusionLists(root),
                systemHostnqn()).read();
        host.diagnostics().forEach(d -> LOG.warn("{}", d.withoutSeverity()));
        return Reconciler.plan(desired, host, Set.of());
    }

    /** Resolves each host name once, as the daemon's resolver worker would before the first pass. */
    private void resolve(FabricsConfig fabrics, Map<String, String> resolved, Map<String, String> errors) {
        for (ResolvedConnection c : fabrics.connections()) {
            String name = c.traddr();
            if (!c.needsResolution() || resolved.containsKey(name) || errors.containsKey(name)) {
                continue;
            }
            try {
                resolved.put(name, resolver.resolve(name));
            } catch (UnknownHostException e) {
                errors.put(name, reason(name, e));
            }
        }
    }

    /** The resolver's message without the {@code NAME: } Java puts before it. */
    private static String reason(String name, UnknownHostException e) {
        String message = e.getMessage();
        if (message == null || message.isEmpty()) {
            return "unknown host";
        }
        return message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
    }

    private Optional<String> systemHostnqn() {
        try {
            return HostNqnFile.read(root);
        } catch (IOException e) {
            LOG.warn("{}; taking the host to have no default host NQN", e.getMessage());
            return Optional.empty();
        }
    }
}
