package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.systemd.UnitRequest;

final class DaemonStartupTest {
    private static final Path NBFT = Path.of("../shared/fixtures/nbft/tables/NBFT-static-ipv4").toAbsolutePath();
    @TempDir
    Path root;
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void startupRequestsEveryConfiguredAndBootController() throws Exception {
        assumeTrue(Files.isRegularFile(NBFT), "NBFT fixtures not found: " + NBFT);
        Files.createDirectories(root.resolve("sys/firmware/acpi/tables"));
        Files.createSymbolicLink(root.resolve("sys/firmware/acpi/tables/NBFT"), NBFT);
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem("10.0.0.1", "10.0.0.2")).start();

        assertThat(h.units.requests()).extracting(r -> r.tid().traddr() + " " + r.owner()).containsExactly(
                "192.168.49.10 nbft", "10.0.0.1 discoverd", "10.0.0.2 discoverd");
        assertThat(h.units.calls()).allMatch(call -> call.startsWith("start "));
    }

    @Test
    void readyIsSentOnceTheUnitsAreRequestedNotWhenTheyAreUp() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem("10.0.0.1", "10.0.0.2")).start();
        assertThat(h.notifier.messages()).containsExactly("READY=1\nSTATUS=2 controllers: 0 connected, 2 starting");
        assertThat(h.units.inFlight()).hasSize(2);
    }

    @Test
    void statusFollowsTheCountsAtMostOncePerSecond() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem("10.0.0.1", "10.0.0.2")).start();
        h.jobDone("10.0.0.1", "done");
        h.jobDone("10.0.0.2", "failed");
        assertThat(h.notifier.messages()).hasSize(1);
        h.test.advance(Duration.ofSeconds(1));
        assertThat(h.notifier.messages()).last().isEqualTo("STATUS=2 controllers: 1 connected, 1 retrying");
    }

    @Test
    void startupTakesTheValidFilesAndReportsTheBrokenOne() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem("10.0.0.1"));
        h.host.write("etc/nvme/nvme-fabrics.conf.d/b.conf", DaemonHarness.subsystem("10.0.0.2") + "bad line\n");
        h.start();
        assertThat(h.units.calls()).containsExactly(DaemonHarness.call("start", "10.0.0.1"));
        assertThat(log.problems()).anyMatch(line -> line.contains("b.conf: left out for its errors"));
        assertThat(h.notifier.messages()).first().asString().startsWith("READY=1");
    }

    @Test
    void requestsCarryWhatTheUnitIsBuiltFrom() {
        DaemonHarness h = new DaemonHarness(root).fabrics(DaemonHarness.subsystem("10.0.0.1")).start();
        UnitRequest request = h.units.requests().get(0);
        assertThat(request.tid()).isEqualTo(IoControllers.tid("10.0.0.1"));
        assertThat(request.nbft()).isFalse();
    }
}
