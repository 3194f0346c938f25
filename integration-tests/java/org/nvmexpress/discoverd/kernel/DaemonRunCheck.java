package org.nvmexpress.discoverd.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.varlink.VarlinkError;

/**
 * The whole daemon against the guest's target ({@link GuestDaemon}): its units run as child
 * processes with the real built-in connector ({@code bin/nvme-discoverctl connect}, a JVM each),
 * the questions go over varlink, and the answers are checked against sysfs and the registry.
 *
 * <ol>
 * <li><b>start</b>: the fabrics file names only port 1's DC; the daemon connects it, walks its log
 * page and the referral to port 2, and connects test-io1 and test-io2 on 4420 and test-io2 on 4421;
 * <li><b>unlink</b>: test-io1 unlinked from port 1 (an AEN; nvmet drops the host's controller, the
 * host deletes it after {@code ctrl-loss-tmo}): no longer listed, so not reconnected;
 * <li><b>link</b>: a new subsystem test-io3 linked to port 1 (an AEN): connected;
 * <li><b>port</b>: port 2 taken away until the kernel deletes its controllers (the referral DC and
 * test-io2 on 4421), then put back: the daemon connects both again.
 * </ol>
 *
 * <p>Changes the target and puts it back in its {@code finally}; runs last all the same
 * ({@link GuestMain#CHECKS}). The reports per controller are {@code <step>.<label>.<field>}.
 */
final class DaemonRunCheck implements GuestCheck {
    /**
     * How the units connect: {@code warm} (default) through {@link WarmConnector}, {@code jvm} through
     * {@code bin/nvme-discoverctl}, a JVM per unit (minutes under TCG).
     */
    static final String CONNECTOR_PROPERTY = "discoverd.guest.unit-connector";
    static final String IO3_NQN = "nqn.2014-08.org.nvmexpress:test-io3";
    static final String IO3_IMAGE = "io3.img";
    /** Each unit start is a JVM under TCG (seconds, more while others start too). */
    private static final Duration START_WAIT = Duration.ofSeconds(150);
    private static final Duration CHANGE_WAIT = Duration.ofSeconds(120);
    /** How long a controller the daemon no longer wants is watched for a reconnect after it went. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    /** One controller of the target, as the check names it in its report. */
    record Target(String label, String role, String nqn, String trsvcid) {
        boolean matches(JsonNode controller) {
            return role.equals(controller.path("role").asText()) && nqn.equals(controller.path("tid").path("nqn").asText())
                    && trsvcid.equals(controller.path("tid").path("trsvcid").asText());
        }
    }

    static final Target DC = new Target("dc", "dc", GuestTarget.DISCOVERY_NQN, GuestTarget.PORT1_TRSVCID);
    static final Target REFERRAL = new Target("referral-dc", "dc", GuestTarget.DISCOVERY_NQN, GuestTarget.PORT2_TRSVCID);
    static final Target IO1 = new Target("io1", "ioc", GuestTarget.IO1_NQN, GuestTarget.PORT1_TRSVCID);
    static final Target IO2 = new Target("io2", "ioc", GuestTarget.IO2_NQN, GuestTarget.PORT1_TRSVCID);
    static final Target IO2_PORT2 = new Target("io2-port2", "ioc", GuestTarget.IO2_NQN, GuestTarget.PORT2_TRSVCID);
    static final Target IO3 = new Target("io3", "ioc", IO3_NQN, GuestTarget.PORT1_TRSVCID);
    private static final List<Target> FIRST = List.of(DC, REFERRAL, IO1, IO2, IO2_PORT2);

    @Override
    public String name() {
        return "daemon-run";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        List<String> before = GuestFabrics.controllers();
        report.put("controllers-before", String.join(",", before));
        try (DaemonRunRoot root = DaemonRunRoot.create()) {
            GuestDaemon daemon = null;
            String mode = System.getProperty(CONNECTOR_PROPERTY, "warm");
            report.put("unit-connector", mode);
            WarmConnector warm = mode.equals("jvm") ? null : WarmConnector.start(root.work());
            try {
                long start = System.nanoTime();
                daemon = GuestDaemon.start(root.root(), root.daemonFile(), root.fabricsFile(),
                        warm == null ? DaemonRunRoot.jvmLauncher() : warm.launcher(), root.work(),
                        root.childEnvironment());
                steps(report, daemon, start);
            } finally {
                if (warm != null) {
                    report.put("warm-connector.failure", warm.failure());
                    warm.close();
                }
                if (daemon != null) {
                    report.put("stop.status", daemon.stop());
                    report.put("unit-states", daemon.units().states().entrySet().stream()
                            .map(e -> e.getKey().stem() + "=" + e.getValue()).collect(Collectors.joining(",")));
                    report.put("runs", daemon.units().runs().stream().map(Object::toString)
                            .collect(Collectors.joining("; ")));
                }
                root.restore(report, before);
            }
        }
        report.put("left-behind", String.join(",", DaemonRunRoot.appeared(before)));
    }

    private static void steps(GuestReport report, GuestDaemon daemon, long start) throws Exception {
        JsonNode status = daemon.call("GetStatus", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())
                .path("status");
        report.put("status.connector", status.path("connector").asText());
        report.put("status.config-errors", status.path("configErrors").toString());
        List<JsonNode> first = await(daemon, START_WAIT, "every controller of ports 1 and 2 connected",
                all -> FIRST.stream().allMatch(t -> settled(daemon, all, t)));
        report.put("start.ms", String.valueOf(elapsedMs(start)));
        for (Target target : FIRST) {
            describe(report, "start", daemon, first, target);
        }
        report.put("start.controllers", String.valueOf(first.size()));

        long unlinked = System.nanoTime();
        String io1Unit = find(first, IO1).orElseThrow().path("unit").asText();
        String io1Device = find(first, IO1).orElseThrow().path("device").asText();
        GuestNvmet.unlinkSubsystem("1", GuestTarget.IO1_NQN);
        awaitGone(io1Device, CHANGE_WAIT);
        report.put("unlink.gone-ms", String.valueOf(elapsedMs(unlinked)));
        long starts = starts(daemon, io1Unit);
        Thread.sleep(QUIET.toMillis()); // nothing to wait for: a reconnect that does not come
        report.put("unlink.io1.starts-after-gone", String.valueOf(starts(daemon, io1Unit) - starts));
        report.put("unlink.io1.sysfs", String.valueOf(GuestFabrics.controllers().stream()
                .anyMatch(dev -> GuestTarget.IO1_NQN.equals(attribute(dev, "subsysnqn")))));
        List<JsonNode> afterUnlink = daemon.controllers();
        report.put("unlink.io1.listed", find(afterUnlink, IO1).map(c -> c.path("state").asText()).orElse("(absent)"));
        report.put("unlink.io1.get", get(daemon, io1Unit));
        report.put("unlink.io1.unit-state", unitState(daemon, io1Unit));
        report.put("unlink.others-connected", String.valueOf(List.of(DC, REFERRAL, IO2, IO2_PORT2).stream()
                .allMatch(t -> connected(afterUnlink, t))));

        long linked = System.nanoTime();
        GuestNvmet.createSubsystem(IO3_NQN, IO3_IMAGE);
        GuestNvmet.linkSubsystem("1", IO3_NQN);
        List<JsonNode> withIo3 = await(daemon, CHANGE_WAIT, "test-io3 connected", all -> settled(daemon, all, IO3));
        report.put("link.ms", String.valueOf(elapsedMs(linked)));
        describe(report, "link", daemon, withIo3, IO3);

        String referralDevice = find(withIo3, REFERRAL).orElseThrow().path("device").asText();
        String io2Port2Device = find(withIo3, IO2_PORT2).orElseThrow().path("device").asText();
        long down = System.nanoTime();
        GuestNvmet.removePort("2", GuestTarget.IO2_NQN);
        awaitGone(referralDevice, CHANGE_WAIT);
        awaitGone(io2Port2Device, CHANGE_WAIT);
        report.put("port.gone-ms", String.valueOf(elapsedMs(down)));
        // The sysfs removal is seen first; the daemon's view follows with the uevent.
        List<JsonNode> whileDown = await(daemon, CHANGE_WAIT, "port 2's controllers no longer connected",
                all -> !connected(all, REFERRAL) && !connected(all, IO2_PORT2));
        report.put("port.down.referral-dc", find(whileDown, REFERRAL).map(c -> c.path("state").asText()).orElse("(absent)"));
        report.put("port.down.io2-port2", find(whileDown, IO2_PORT2).map(c -> c.path("state").asText()).orElse("(absent)"));
        long up = System.nanoTime();
        GuestNvmet.addPort("2", GuestTarget.PORT2_TRSVCID, GuestTarget.IO2_NQN);
        List<JsonNode> back = await(daemon, CHANGE_WAIT, "port 2's controllers connected again",
                all -> settled(daemon, all, REFERRAL) && settled(daemon, all, IO2_PORT2));
        report.put("port.reconnect-ms", String.valueOf(elapsedMs(up)));
        describe(report, "port", daemon, back, REFERRAL);
        describe(report, "port", daemon, back, IO2_PORT2);
        report.put("port.devices-before", referralDevice + "," + io2Port2Device);
        report.put("daemon-running", String.valueOf(daemon.running()));
    }

    /** Polls {@code ListControllers} until {@code done}; the daemon's answers are its own, not timed by us. */
    private static List<JsonNode> await(GuestDaemon daemon, Duration timeout, String what,
            Predicate<List<JsonNode>> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> all = daemon.controllers();
        while (!done.test(all)) {
            if (System.nanoTime() > deadline || !daemon.running()) {
                throw new AssertionError("not " + what + " within " + timeout.toSeconds() + " s (daemon running: "
                        + daemon.running() + "); ListControllers: " + all + "; sysfs: " + sysfs() + "; runs: "
                        + daemon.units().runs());
            }
            Thread.sleep(250);
            all = daemon.controllers();
        }
        return all;
    }

    /** Every controller in sysfs with its subsystem, address and state, for a failure's message. */
    private static String sysfs() throws IOException {
        return GuestFabrics.controllers().stream().map(dev -> dev + " " + attribute(dev, "subsysnqn") + " "
                + attribute(dev, "address") + " " + attribute(dev, "state")).collect(Collectors.joining("; "));
    }

    /** Waits until the kernel has deleted {@code device}. */
    private static void awaitGone(String device, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(GuestFabrics.CLASS_NVME.resolve(device))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(device + " still in sysfs after " + timeout.toSeconds() + " s, state "
                        + attribute(device, "state"));
            }
            Thread.sleep(250);
        }
    }

    /** The varlink view, sysfs, the registry and the unit of one controller. */
    private static void describe(GuestReport report, String step, GuestDaemon daemon, List<JsonNode> all,
            Target target) throws IOException {
        String prefix = step + "." + target.label() + ".";
        JsonNode controller = find(all, target).orElseThrow();
        String device = controller.path("device").asText();
        String unit = controller.path("unit").asText();
        report.put(prefix + "state", controller.path("state").asText());
        report.put(prefix + "device", device);
        report.put(prefix + "unit", unit);
        report.put(prefix + "sources", controller.path("sources").toString());
        report.put(prefix + "owner", controller.path("owner").asText());
        report.put(prefix + "get", get(daemon, unit));
        report.put(prefix + "sysfs.state", attribute(device, "state"));
        report.put(prefix + "sysfs.subsysnqn", attribute(device, "subsysnqn"));
        report.put(prefix + "sysfs.address", attribute(device, "address"));
        report.put(prefix + "registry-owner", contentOf(BuiltinConnectorCheck.REGISTRY.resolve(device).resolve("owner")));
        report.put(prefix + "runtime-unit", contentOf(Path.of("/run/nvme/discoverd/controllers", device, "unit")));
        report.put(prefix + "unit-state", unitState(daemon, unit));
    }

    /** {@code GetController} of {@code unit}: its state and device, or the varlink error. */
    private static String get(GuestDaemon daemon, String unit) throws IOException {
        try {
            JsonNode c = daemon.controller(unit);
            return c.path("state").asText() + " " + c.path("device").asText("(no device)");
        } catch (VarlinkError e) {
            return e.error();
        }
    }

    private static String unitState(GuestDaemon daemon, String unit) {
        return daemon.units().states().entrySet().stream().filter(e -> e.getKey().value().equals(unit))
                .map(Map.Entry::getValue).findFirst().orElse("(never run)");
    }

    private static long starts(GuestDaemon daemon, String unit) {
        return daemon.units().runs().stream().filter(r -> r.unit().value().equals(unit) && r.step().equals("start"))
                .count();
    }

    /**
     * Connected and done: the unit active (its {@code ExecStartPost} ran) and the runtime state
     * naming it. The device appears before the unit's job ends, and the daemon says connected then.
     */
    private static boolean settled(GuestDaemon daemon, List<JsonNode> all, Target target) {
        Optional<JsonNode> c = find(all, target).filter(x -> connected(all, target));
        if (c.isEmpty()) {
            return false;
        }
        String unit = c.get().path("unit").asText();
        Path runtime = Path.of("/run/nvme/discoverd/controllers", c.get().path("device").asText(), "unit");
        try {
            return "active".equals(unitState(daemon, unit)) && Files.exists(runtime)
                    && unit.equals(Files.readString(runtime, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return false; // removed between the test and the read: not settled yet
        }
    }

    private static boolean connected(List<JsonNode> all, Target target) {
        return find(all, target).filter(c -> "connected".equals(c.path("state").asText()) && c.has("device"))
                .isPresent();
    }

    private static Optional<JsonNode> find(List<JsonNode> all, Target target) {
        return all.stream().filter(target::matches).findFirst();
    }

    private static String attribute(String device, String name) {
        try {
            return Files.readString(GuestFabrics.CLASS_NVME.resolve(device).resolve(name), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String contentOf(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : BuiltinConnectorCheck.ABSENT;
    }

    private static long elapsedMs(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
