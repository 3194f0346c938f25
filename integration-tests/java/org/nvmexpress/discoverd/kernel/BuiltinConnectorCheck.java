package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;

/**
 * The built-in connector as the daemon's units run it, {@code nvme-discoverctl connect}, against the
 * real {@code /dev/nvme-fabrics}, sysfs and {@code /run} (reference §3.4, §10.4): the first connect
 * through the shipped launcher in a process of its own, the others through the same command line in
 * this JVM ({@link GuestDiscoverctl}: a JVM start under TCG costs 10-20 s). It connects test-io1
 * with an owner, a devid file and {@code --idempotent}; connects again idempotently (the same
 * controller, no second one); again without {@code --idempotent} ("already connected"); and to a
 * port nobody listens on ("unreachable"). It reports each run's exit status and output, the devid
 * file, the registry entry and the controllers that appeared, then deletes them and their registry
 * entries.
 */
final class BuiltinConnectorCheck implements GuestCheck {
    static final Path DEVID_FILE = Path.of("/run/x.devid");
    static final Path REGISTRY = Path.of("/run/nvme/registry");
    static final String OWNER = "discoverd";
    /** No nvmet port listens here: the kernel's TCP connect is refused. */
    static final String CLOSED_PORT = "4999";
    /** What a file that does not exist is reported as. */
    static final String ABSENT = "(absent)";

    @Override
    public String name() {
        return "builtin-connector";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        GuestDiscoverctl launcher = GuestDiscoverctl.launcher();
        GuestDiscoverctl inProcess = GuestDiscoverctl.inProcess();
        List<String> before = GuestFabrics.controllers();
        report.put("controllers-before", String.join(",", before));
        try {
            launcher.report(report, "first", connect(GuestTarget.PORT1_TRSVCID, "--owner", OWNER, "--devid-file",
                    DEVID_FILE.toString(), "--idempotent"));
            String devid = contentOf(DEVID_FILE);
            report.put("devid", devid);
            report.put("new-controllers", String.join(",", appeared(before)));
            Path entry = REGISTRY.resolve(devid.strip());
            report.put("registry-owner", contentOf(entry.resolve("owner")));
            report.put("registry-seqnum", contentOf(entry.resolve("seqnum")));

            // Gone before the second run, so its content proves the second run wrote it.
            Files.deleteIfExists(DEVID_FILE);
            inProcess.report(report, "again", connect(GuestTarget.PORT1_TRSVCID, "--owner", OWNER, "--devid-file",
                    DEVID_FILE.toString(), "--idempotent"));
            report.put("devid-again", contentOf(DEVID_FILE));
            report.put("new-controllers-again", String.join(",", appeared(before)));

            inProcess.report(report, "not-idempotent", connect(GuestTarget.PORT1_TRSVCID, "--owner", OWNER));
            inProcess.report(report, "unreachable", connect(CLOSED_PORT));
            report.put("new-controllers-at-end", String.join(",", appeared(before)));
        } finally {
            Registry registry = new Registry(Path.of("/"));
            for (String device : appeared(before)) {
                GuestFabrics.delete(device);
                // What the udev rule does on remove; the guest has no udevd. The next check reuses the name.
                registry.deleteIfPresent(new DeviceName(device));
            }
            Files.deleteIfExists(DEVID_FILE);
        }
        report.put("left-behind", String.join(",", appeared(before)));
    }

    /** {@code connect} to test-io1 on {@code trsvcid}, with the options given after. */
    private static String[] connect(String trsvcid, String... options) {
        List<String> args = new ArrayList<>(List.of("connect", "--transport", "tcp", "--traddr", GuestTarget.TRADDR,
                "--trsvcid", trsvcid, "--nqn", GuestTarget.IO1_NQN));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    /** The controllers in sysfs now that were not there {@code before}. */
    private static List<String> appeared(List<String> before) throws IOException {
        List<String> now = new ArrayList<>(GuestFabrics.controllers());
        now.removeAll(before);
        return now;
    }

    /** A file's whole content, line break included, or {@link #ABSENT}. */
    private static String contentOf(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : ABSENT;
    }
}
