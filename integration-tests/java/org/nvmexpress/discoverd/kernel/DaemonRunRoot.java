package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;

/**
 * The system root {@link DaemonRunCheck} gives the daemon, under the guest's temporary directory:
 * {@code etc/nvme} of its own (the host's is read-only in the guest) and {@code sys}, {@code dev},
 * {@code run}, {@code proc} as symbolic links to the real ones.
 *
 * <p>Why {@code run} is the real one: the units' commands name {@code /run/nvme/discoverd/...}
 * absolutely (the devid file, the state scripts' {@code controllers/<dev>/unit}), as systemd's units
 * must, and the connector writes the registry at {@code /run/nvme/registry}; the daemon reads both
 * under its root. Only with {@code <root>/run} being {@code /run} do the children and the daemon see
 * the same files. {@code sys} and {@code dev}: the daemon's sysfs reader and log page reads resolve
 * them under the root, and must reach the kernel's.
 *
 * <p>There is no {@code nvme} program in the guest, so {@code nvme-path} names a two-line script for
 * the one call a unit makes, {@code nvme disconnect -d nvmeN} in {@code ExecStop}.
 */
final class DaemonRunRoot implements AutoCloseable {
    private static final List<String> LINKED = List.of("sys", "dev", "run", "proc");
    private static final Path RUNTIME = Path.of("/run/nvme/discoverd");
    private static final String NVME_SHIM = "#!/bin/sh\n"
            + "# nvme disconnect -d nvmeN: the unit's ExecStop; the guest has no nvme-cli.\n"
            + "[ \"$1\" = disconnect ] && [ \"$2\" = -d ] && [ -n \"$3\" ] || { echo \"guest nvme: only disconnect -d DEV\" >&2; exit 2; }\n"
            + "echo 1 > \"/sys/class/nvme/$3/delete_controller\"\n";

    private final Path root;
    /** What {@code /run/nvme/discoverd} held before (an earlier check's daemon may have made it). */
    private final Set<Path> runtimeBefore;

    private DaemonRunRoot(Path root, Set<Path> runtimeBefore) {
        this.root = root;
        this.runtimeBefore = runtimeBefore;
    }

    static DaemonRunRoot create() throws IOException {
        Set<Path> runtimeBefore = Files.exists(RUNTIME) ? Set.copyOf(walk(RUNTIME)) : Set.of();
        Path root = Files.createTempDirectory("discoverd-run-");
        DaemonRunRoot made = new DaemonRunRoot(root, runtimeBefore);
        for (String name : LINKED) {
            Files.createSymbolicLink(root.resolve(name), Path.of("/", name));
        }
        Files.createDirectories(made.work());
        // What nvme-discoverd.service's RuntimeDirectory= makes before the daemon starts: the units'
        // connectors write their devid files into units/, and refuse to when it is missing.
        Files.createDirectories(RUNTIME.resolve("units"));
        Files.createDirectories(RUNTIME.resolve("controllers"));
        Path nvme = Files.createDirectories(root.resolve("sbin")).resolve("nvme");
        Files.writeString(nvme, NVME_SHIM, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(nvme, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(made.daemonFile().getParent());
        Files.writeString(made.daemonFile(), "[Global]\nconnector = builtin\ndebug-level = "
                + System.getProperty("discoverd.guest.debug-level", "info") + "\nuevent-source = kernel\nnvme-path = "
                + nvme + "\n", StandardCharsets.UTF_8);
        // Short ctrl-loss-tmo and reconnect-delay: a dropped controller is deleted by the kernel in
        // seconds (the port step waits for that); keep-alive as the shipped sample gives DCs.
        // persistent = force: nvmet's entries have no EPCSD bit, so "auto" would read each page once
        // and disconnect, and the AENs of the unlink and link steps would reach no DC.
        Files.writeString(made.fabricsFile(), "[Discovery Controller Defaults]\nkeep-alive-tmo = "
                + GuestTarget.DC_KEEP_ALIVE_TMO_SEC + "\nctrl-loss-tmo = 5\nreconnect-delay = 1\npersistent = force\n\n"
                + "[I/O Controller Defaults]\nctrl-loss-tmo = 5\nreconnect-delay = 1\n\n"
                + "[Discovery Controller]\npersistent = force\nnqn = " + GuestTarget.DISCOVERY_NQN + "\ncontroller = transport=tcp;traddr="
                + GuestTarget.TRADDR + ";trsvcid=" + GuestTarget.PORT1_TRSVCID + "\n", StandardCharsets.UTF_8);
        return made;
    }

    Path root() {
        return root;
    }

    Path daemonFile() {
        return root.resolve("etc/nvme/nvme-discoverd.conf");
    }

    Path fabricsFile() {
        return root.resolve("etc/nvme/nvme-fabrics.conf");
    }

    /** The children's output and their credentials directories. */
    Path work() {
        return root.resolve("work");
    }

    /** The shipped launcher of the checkout, with the packaged jar: a JVM per unit. */
    static String jvmLauncher() {
        String basedir = System.getProperty("project.basedir");
        if (basedir == null || basedir.isBlank()) {
            throw new IllegalStateException("the guest JVM has no -Dproject.basedir: cannot find bin/nvme-discoverctl");
        }
        return Path.of(basedir, "bin", "nvme-discoverctl").toString();
    }

    /** What a unit's JVM needs in the guest: this JVM's runtime, and temporary files on /run. */
    Map<String, String> childEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("NVME_DISCOVERD_JAVA_OPTS", String.join(" ", GuestTarget.JVM_TMP_OPTIONS));
        return env;
    }


    /**
     * Puts the guest back as the other checks expect it: the daemon's controllers deleted (with their
     * registry entries, as udev's rule would), test-io1 on port 1, no test-io3, port 2 with test-io2.
     */
    void restore(GuestReport report, List<String> before) throws Exception {
        Registry registry = new Registry(Path.of("/"));
        for (String device : appeared(before)) {
            GuestFabrics.delete(device);
            registry.deleteIfPresent(new DeviceName(device));
        }
        if (!GuestNvmet.isLinked("1", GuestTarget.IO1_NQN)) {
            GuestNvmet.linkSubsystem("1", GuestTarget.IO1_NQN);
        }
        if (GuestNvmet.isLinked("1", DaemonRunCheck.IO3_NQN)) {
            GuestNvmet.unlinkSubsystem("1", DaemonRunCheck.IO3_NQN);
        }
        GuestNvmet.removeSubsystem(DaemonRunCheck.IO3_NQN, DaemonRunCheck.IO3_IMAGE);
        if (!GuestNvmet.portExists("2")) {
            GuestNvmet.addPort("2", GuestTarget.PORT2_TRSVCID, GuestTarget.IO2_NQN);
        }
        report.put("restored", "io1-on-port1=" + GuestNvmet.isLinked("1", GuestTarget.IO1_NQN) + ",io3="
                + Files.exists(GuestNvmet.SUBSYSTEMS.resolve(DaemonRunCheck.IO3_NQN)) + ",io2-on-port2="
                + GuestNvmet.isLinked("2", GuestTarget.IO2_NQN));
        // The units' devid files, the controllers' unit files, the varlink socket: all ours.
        for (Path p : walk(RUNTIME)) {
            if (!runtimeBefore.contains(p)) {
                Files.delete(p);
            }
        }
    }

    /** The controllers in sysfs now that were not there {@code before}. */
    static List<String> appeared(List<String> before) throws IOException {
        List<String> now = new ArrayList<>(GuestFabrics.controllers());
        now.removeAll(before);
        return now;
    }

    /** Removes the root: its links first (never followed), then what is left. */
    @Override
    public void close() throws IOException {
        for (String name : LINKED) {
            Path link = root.resolve(name);
            if (Files.isSymbolicLink(link)) {
                Files.delete(link);
            }
        }
        deleteTree(root);
    }

    /** Everything under {@code dir}, {@code dir} included, deepest first; nothing when it is missing. */
    private static List<Path> walk(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.sorted(Comparator.reverseOrder()).toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
