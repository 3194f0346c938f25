package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.systemd.UnitEvent.JobDone;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The unit manager against a real systemd 252 in {@code ../shared/tools/systemd-sandbox}: units are
 * really started, run a connector (a test script standing in for {@code nvme}), fail or succeed,
 * are restarted, listed and stopped, and their state scripts act on {@code /run/nvme/discoverd}.
 */
final class UnitManagerOnRealSystemdIT {
    @TempDir
    static Path dir;
    private static SystemdSandbox sandbox;
    private static Path nvme;

    private SystemdUnitManager manager;
    private final BlockingQueue<UnitEvent> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startSandbox() throws Exception {
        SystemdSandbox.assumeUsable();
        sandbox = new SystemdSandbox(dir);
        nvme = writeConnector(dir.resolve("nvme"));
        sandbox.start(1800);
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @AfterEach
    void closeManager() {
        if (manager != null) {
            manager.close();
        }
    }

    /**
     * The stand-in for {@code nvme}: {@code connect} writes {@code nvme<last octet of traddr>} to the
     * devid file and succeeds, fails at once when the NQN contains {@code fail}, and when it contains
     * {@code hang} fails after 20 s on its first attempt only (logging + and - around the wait);
     * {@code disconnect} is recorded.
     */
    private static Path writeConnector(Path path) throws IOException {
        String run = StateScripts.RUNTIME_DIR;
        Files.writeString(path, """
                #!/bin/sh
                echo "$*" >> %1$s/nvme.log
                [ "$1" = connect ] || exit 0
                for a in "$@"; do
                  case $a in
                    --devid-file=*) devid=${a#--devid-file=} ;;
                    --traddr=*) traddr=${a#--traddr=} ;;
                    --nqn=*) nqn=${a#--nqn=} ;;
                  esac
                done
                case $nqn in
                  *fail*) exit 1 ;;
                  *hang*)
                    marker=%1$s/tried-${devid##*/}
                    if [ ! -e "$marker" ]; then
                      : > "$marker"
                      echo + >> %1$s/hang.log
                      sleep 20
                      echo - >> %1$s/hang.log
                      exit 1
                    fi ;;
                esac
                printf 'nvme%%s\\n' "${traddr##*.}" > "$devid"
                """.formatted(run));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    private SystemdUnitManager manager(Connector connector, int maxPending) {
        UnitManagerSettings settings = new UnitManagerSettings(connector, nvme.toString(), nvme.toString(),
                maxPending, Duration.ofSeconds(300), Duration.ofSeconds(25), Duration.ofMillis(100),
                Duration.ofSeconds(2), sandbox.busAddress(), sandbox.root());
        manager = SystemdUnitManager.create(settings, path -> true,
                new DbusSystemdBus(settings.busAddress(), settings.callTimeout()), CallRunner.singleThread(),
                events::add);
        return manager;
    }

    private static UnitRequest request(String traddr, String nqn) {
        TransportId tid = TidParser.strict("transport=tcp;traddr=" + traddr + ";trsvcid=4420;nqn=" + nqn);
        return new UnitRequest(tid, Role.IOC, false, ConnectOptions.of(tid, null, Params.EMPTY));
    }

    private UnitEvent nextEvent(Duration timeout) throws InterruptedException {
        UnitEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within %s", timeout).isNotNull();
        return event;
    }

    private String show(UnitRequest request, String property) throws Exception {
        return sandbox.exec("systemctl", "show", "--value", "-p", property, request.unit().value()).output().strip();
    }

    private String log() throws IOException {
        Path log = sandbox.runtimeDir().resolve("nvme.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Polls a condition of real processes, which give no event to wait on. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @Test
    void aUnitConnectsRestartsAndStopsAndItsScriptsKeepTheRuntimeState() throws Exception {
        SystemdUnitManager manager = manager(Connector.NVME_CLI, 8);
        UnitRequest a = request("10.1.0.11", "nqn.2014-08.org.nvmexpress:ok-a");
        Path devid = sandbox.runtimeDir().resolve("units").resolve(a.unit().devidFileName());
        Path controller = sandbox.runtimeDir().resolve("controllers/nvme11/unit");
        manager.start(a);
        assertThat(nextEvent(Duration.ofSeconds(30))).isEqualTo(new JobDone(a.unit(), "done"));
        manager.listUnits();
        assertThat(((UnitEvent.UnitsListed) nextEvent(Duration.ofSeconds(30))).units())
                .contains(new ListedUnit(a.unit(), "active", "exited", false));
        assertThat(devid).hasContent("nvme11\n");
        assertThat(controller).hasContent(a.unit().value() + "\n");
        assertThat(show(a, "ActiveState")).isEqualTo("active");

        manager.restart(a);
        assertThat(nextEvent(Duration.ofSeconds(30))).isEqualTo(new JobDone(a.unit(), "done"));
        assertThat(log()).contains("disconnect -d nvme11\n");
        assertThat(controller).hasContent(a.unit().value() + "\n");

        manager.stop(a.unit());
        await("the unit to be stopped and unloaded", () -> !Files.exists(devid) && !Files.exists(controller));
        assertThat(log().lines().filter(line -> line.equals("disconnect -d nvme11"))).hasSize(2);
        await("systemd to unload the unit", () -> {
            try {
                return show(a, "LoadState").equals("not-found");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aFailingConnectorFailsTheJobAndARestartCreatesTheUnitAfresh() throws Exception {
        SystemdUnitManager manager = manager(Connector.NVME_CLI, 8);
        UnitRequest b = request("10.1.0.12", "nqn.2014-08.org.nvmexpress:fail-b");
        manager.start(b);
        assertThat(nextEvent(Duration.ofSeconds(30))).isEqualTo(new JobDone(b.unit(), "failed"));
        assertThat(sandbox.runtimeDir().resolve("controllers/nvme12")).doesNotExist();
        assertThat(show(b, "LoadState")).as("a failed unit is unloaded").isEqualTo("not-found");

        manager.restart(b);
        assertThat(nextEvent(Duration.ofSeconds(30))).isEqualTo(new JobDone(b.unit(), "failed"));
        assertThat(log().lines().filter(line -> line.contains("--nqn=nqn.2014-08.org.nvmexpress:fail-b")))
                .hasSize(2);
    }

    @Test
    void systemdReportsThePropertiesWeSent() throws Exception {
        SystemdUnitManager manager = manager(Connector.NVME_CLI, 8);
        UnitRequest c = request("10.1.0.13", "nqn.2014-08.org.nvmexpress:ok-c");
        manager.start(c);
        assertThat(nextEvent(Duration.ofSeconds(30))).isEqualTo(new JobDone(c.unit(), "done"));

        assertThat(show(c, "Type")).isEqualTo("oneshot");
        assertThat(show(c, "RemainAfterExit")).isEqualTo("yes");
        assertThat(show(c, "Description"))
                .isEqualTo("NVMe I/O Controller nqn.2014-08.org.nvmexpress:ok-c @ 10.1.0.13:4420");
        assertThat(show(c, "CollectMode")).isEqualTo("inactive-or-failed");
        assertThat(show(c, "TimeoutStopUSec")).isEqualTo("5min");
        assertThat(show(c, "Before").split(" ")).contains("nvme-discoverd.service");
        assertThat(show(c, "After").split(" ")).contains("network.target");

        StateScripts scripts = new StateScripts(StateScripts.RUNTIME_DIR, nvme.toString());
        List<UnitProperty> sent = new TransientUnitProperties(scripts, Duration.ofSeconds(300)).build(c,
                (ConnectPlan.Ready) new ConnectCommands(Connector.NVME_CLI, nvme.toString(), "/x", scripts).plan(c));
        for (String name : List.of("ExecStart", "ExecStartPost", "ExecStop", "ExecStopPost")) {
            ExecCommand expected = sent.stream().filter(p -> p.name().equals(name)).map(p -> ((PropertyValue.Commands)
                    p.value()).commands().get(0)).findFirst().orElseThrow();
            JsonNode command = execProperty(c, name);
            assertThat(command.get(0).asText()).as(name + " path").isEqualTo(expected.path());
            List<String> argv = new ArrayList<>();
            command.get(1).forEach(arg -> argv.add(arg.asText()));
            assertThat(argv).as(name + " argv").isEqualTo(expected.argv());
            assertThat(command.get(2).asBoolean()).as(name + " ignore failure").isEqualTo(expected.ignoreFailure());
        }
    }

    /** The first command of an {@code Exec*} property, as systemd reports it over D-Bus. */
    private JsonNode execProperty(UnitRequest request, String name) throws Exception {
        String path = sandbox.exec("busctl", "call", "org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                "org.freedesktop.systemd1.Manager", "GetUnit", "s", request.unit().value()).output().strip();
        String objectPath = path.substring(path.indexOf('"') + 1, path.lastIndexOf('"'));
        String json = sandbox.exec("busctl", "--json=short", "get-property", "org.freedesktop.systemd1", objectPath,
                "org.freedesktop.systemd1.Service", name).output();
        return new ObjectMapper().readTree(json).get("data").get(0);
    }

    @Test
    void aThousandUnitsThatHangThenFailAreAllReportedAndRetriedWithinTheBound() throws Exception {
        int units = Integer.getInteger("units.it.count", 1000);
        int bound = Integer.getInteger("units.it.maxPending", 128);
        SystemdUnitManager manager = manager(Connector.NVME_CLI, bound);
        Map<String, UnitRequest> requests = new LinkedHashMap<>();
        for (int i = 0; i < units; i++) {
            UnitRequest request = request("10.2." + (i / 250) + "." + (i % 250 + 1),
                    "nqn.2014-08.org.nvmexpress:hang-" + i);
            requests.put(request.unit().value(), request);
        }
        long start = System.nanoTime();
        requests.values().forEach(manager::start);
        Map<String, List<String>> results = retryUntilAllSucceed(manager, requests, bound,
                Duration.ofSeconds(20L * (units / bound + 2) + 180));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        assertThat(results).hasSize(units);
        assertThat(results.values()).allSatisfy(r -> assertThat(r).containsExactly("failed", "done"));
        int concurrentHangs = maxConcurrent(sandbox.runtimeDir().resolve("hang.log"));
        assertThat(concurrentHangs).as("connectors running at once, as systemd ran them").isLessThanOrEqualTo(bound)
                .isGreaterThan(Math.min(units, bound) / 2);
        System.out.printf("%d units, max-pending-units %d: every unit failed once after 20 s and was retried;"
                + " %d connectors ran at once at most; wall time %d s%n", units, bound, concurrentHangs,
                wall.toSeconds());
    }

    /**
     * Acts as the daemon would: a failed job is retried ({@code restart}), until every unit succeeded.
     * Fails on any other event (no call may fail, the bus may not be lost), when more than
     * {@code bound} jobs are outstanding, or past {@code budget}.
     *
     * @return the job results of each unit, in order
     */
    private Map<String, List<String>> retryUntilAllSucceed(SystemdUnitManager manager,
            Map<String, UnitRequest> requests, int bound, Duration budget) throws InterruptedException {
        Map<String, List<String>> results = new HashMap<>();
        int succeeded = 0;
        long deadline = System.nanoTime() + budget.toNanos();
        while (succeeded < requests.size()) {
            UnitEvent event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(event).as("all %d units done within %s (%d so far)", requests.size(), budget, succeeded)
                    .isNotNull();
            assertThat(event).as("no call fails, no bus loss").isInstanceOf(JobDone.class);
            JobDone done = (JobDone) event;
            results.computeIfAbsent(done.unit().value(), u -> new ArrayList<>()).add(done.result());
            if (done.succeeded()) {
                succeeded++;
            } else {
                manager.restart(requests.get(done.unit().value()));
            }
            assertThat(manager.load().outstanding()).isLessThanOrEqualTo(bound);
        }
        return results;
    }

    /** The most {@code +} lines not yet matched by {@code -} lines, in append order. */
    private static int maxConcurrent(Path log) throws IOException {
        int running = 0;
        int max = 0;
        for (String line : Files.readAllLines(log)) {
            running += line.equals("+") ? 1 : -1;
            max = Math.max(max, running);
        }
        return max;
    }
}
